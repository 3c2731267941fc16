/**
 * Long polling with @grammyjs/runner: updates of different chats are handled concurrently,
 * those of one chat in order (see `sequentialize` in create-bot).
 *
 * The runner is assembled from its parts rather than with `run()` because `run()`'s stop
 * resolves once fetching ends, not once the updates in hand are handled: shutting down
 * then would close the database under them.
 */
import { createConcurrentSink, createRunner, createSource, createUpdateFetcher } from "@grammyjs/runner";
import type { BotError } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../../logger.ts";
import type { BotContext } from "../context.ts";
import type { NewsBot } from "../create-bot.ts";
import { ALLOWED_UPDATES, type RunningBot } from "./types.ts";

export async function startPolling(bot: NewsBot, log: Logger): Promise<RunningBot> {
  // A webhook left over from an earlier webhook run would make getUpdates fail with 409.
  await bot.api.deleteWebhook();
  let lastUpdateId: number | undefined;
  const inFlight = new Set<Promise<void>>();

  const fetchUpdates = createUpdateFetcher(bot, {
    fetch: { allowed_updates: ALLOWED_UPDATES, timeout: 30 },
    silent: true,
    retryInterval: "exponential",
  });
  const source = createSource<Update>({ supply: fetchUpdates });
  const sink = createConcurrentSink<Update, BotError<BotContext>>(
    {
      consume(update) {
        lastUpdateId = Math.max(lastUpdateId ?? 0, update.update_id);
        const handled = bot.handleUpdate(update);
        inFlight.add(handled);
        void handled.finally(() => inFlight.delete(handled)).catch(() => {});
        return handled;
      },
    },
    async (error) => {
      // Errors inside features are caught by the error boundary; this sees only the rest.
      log.error({ err: error.error, updateId: error.ctx?.update.update_id }, "update failed outside the error boundary");
    },
  );
  const runner = createRunner(source, sink);
  runner.start();
  log.info({ username: bot.botInfo.username }, "polling for updates");

  return {
    async stop() {
      await runner.stop();
      await Promise.allSettled([...inFlight]);
      // Confirm what was handled, as grammY's own bot.stop() does, so a restart does not replay it.
      if (lastUpdateId !== undefined) {
        await bot.api.getUpdates({ offset: lastUpdateId + 1, limit: 1, timeout: 0 }).catch((error: unknown) => {
          log.warn({ err: error }, "could not confirm the last updates");
        });
      }
    },
  };
}
