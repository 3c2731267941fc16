/**
 * Long polling with @grammyjs/runner: updates of different chats are handled concurrently,
 * those of one chat in order (see `sequentialize` in create-bot).
 */
import { run } from "@grammyjs/runner";
import type { Logger } from "../../logger.ts";
import type { NewsBot } from "../create-bot.ts";
import { ALLOWED_UPDATES, type RunningBot } from "./types.ts";

export async function startPolling(bot: NewsBot, log: Logger): Promise<RunningBot> {
  // A webhook left over from an earlier webhook run would make getUpdates fail with 409.
  await bot.api.deleteWebhook();
  let lastUpdateId: number | undefined;
  bot.use((ctx, next) => {
    lastUpdateId = Math.max(lastUpdateId ?? 0, ctx.update.update_id);
    return next();
  });
  const runner = run(bot, {
    runner: { fetch: { allowed_updates: ALLOWED_UPDATES, timeout: 30 }, silent: true, retryInterval: "exponential" },
  });
  log.info({ username: bot.botInfo.username }, "polling for updates");
  return {
    async stop() {
      if (!runner.isRunning()) return;
      await runner.stop();
      // Confirm what was handled, as grammY's own bot.stop() does, so a restart does not replay it.
      if (lastUpdateId !== undefined) {
        await bot.api.getUpdates({ offset: lastUpdateId + 1, limit: 1, timeout: 0 }).catch((error: unknown) => {
          log.warn({ err: error }, "could not confirm the last updates");
        });
      }
    },
  };
}
