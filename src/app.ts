/**
 * Start-up and shutdown of the whole bot, given a validated config. `main.ts` calls this for
 * `npm start`; the end-to-end tests call it too, so they run exactly what production runs.
 */
import type { Config } from "./config/index.ts";
import type { Logger } from "./logger.ts";
import { publishCommandMenus } from "./bot/commands.ts";
import { createBot } from "./bot/create-bot.ts";
import { startPolling } from "./bot/run/polling.ts";
import type { RunningBot } from "./bot/run/types.ts";
import { startWebhook } from "./bot/run/webhook.ts";
import { GrammyError, HttpError } from "grammy";
import { DeliveryService, type Timers } from "./delivery/index.ts";
import { openSqliteStore, type Store } from "./store/index.ts";

/** Start-up failed for a reason the operator can fix; the message says which. */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StartupError";
  }
}

function describeInitFailure(error: unknown, apiRoot: string): string {
  if (error instanceof GrammyError && error.error_code === 401) {
    return "BOT_TOKEN was refused by the Bot API (401 Unauthorized): check the token @BotFather gave you";
  }
  if (error instanceof GrammyError) return `the Bot API at ${apiRoot} answered getMe with ${error.error_code} ${error.description}`;
  if (error instanceof HttpError) return `cannot reach the Bot API at ${apiRoot} (BOT_API_ROOT): ${String(error.error)}`;
  return `getMe failed: ${String(error)}`;
}

export interface App {
  store: Store;
  /** Plans and sends briefs; `nudge()` after storing a story in this process. */
  delivery: DeliveryService;
  /** Stops taking updates, lets the ones in hand finish, then closes the database. */
  stop(): Promise<void>;
}

export interface AppOptions {
  now?: () => Date;
  /** Timers for delivery's schedules; tests pass ones they move together with `now`. */
  timers?: Timers;
}

export async function startApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  const now = options.now ?? (() => new Date());
  const store = await openSqliteStore({ path: config.databasePath, logger, now });
  let running: RunningBot | undefined;
  const delivery = new DeliveryService({
    store,
    logger,
    config: config.delivery,
    botToken: config.botToken,
    apiRoot: config.apiRoot,
    defaultLocale: config.defaultLocale,
    now,
    ...(options.timers ? { timers: options.timers } : {}),
  });
  try {
    const { bot, i18n } = createBot(
      config.botToken,
      { store, logger, now },
      { adminIds: config.adminIds, defaultLocale: config.defaultLocale },
      { apiRoot: config.apiRoot },
    );
    // Replies to people share Telegram's flood budget with deliveries, and go first.
    bot.api.config.use(delivery.replyTransformer());
    await bot.init().catch((error: unknown) => {
      throw new StartupError(describeInitFailure(error, config.apiRoot), { cause: error });
    });
    running =
      config.mode.kind === "webhook"
        ? await startWebhook(bot, config.mode, logger.child({ module: "webhook" }))
        : await startPolling(bot, logger.child({ module: "polling" }));
    // The menu is a convenience: users are served while it is published (and retried).
    void publishCommandMenus(bot.api, i18n, config.defaultLocale, logger.child({ module: "bot" }));
    delivery.start();
  } catch (error) {
    await delivery.stop();
    await store.close();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    store,
    delivery,
    stop() {
      stopping ??= (async () => {
        // Deliveries in flight finish and are recorded before the database closes.
        await Promise.all([running?.stop(), delivery.stop()]);
        await store.close();
        logger.info("stopped");
      })();
      return stopping;
    },
  };
}
