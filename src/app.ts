/**
 * Start-up and shutdown of the whole bot, given a validated config. `main.ts` calls this for
 * `npm start`; the end-to-end tests call it too, so they run exactly what production runs.
 */
import type { Config } from "./config/index.ts";
import type { Logger } from "./logger.ts";
import { publishCommandMenus } from "./bot/commands.ts";
import { AdminService } from "./admins/service.ts";
import { createBot } from "./bot/create-bot.ts";
import { ConnectCancelled, connectToBotApi, describeNetworkError } from "./bot/run/connect.ts";
import { startPolling } from "./bot/run/polling.ts";
import type { RunningBot } from "./bot/run/types.ts";
import { startWebhook, type ExtraRoute } from "./bot/run/webhook.ts";
import { createAdminNotifier } from "./bot/source-alerts.ts";
import { GrammyError, HttpError } from "grammy";
import { createHttpClient } from "./ingest/http/index.ts";
import { createIngestService, type IngestService } from "./ingest/service.ts";
import type { SourceAlert } from "./ingest/types.ts";
import { TopicModel } from "./ingest/topic-model.ts";
import { openStore, type Store } from "./store/index.ts";
import { ArchiveIndex } from "./archive/archive-index.ts";
import { createFetchArticle, type FetchArticle } from "./archive/fetch-article.ts";
import { DeliveryService } from "./delivery/index.ts";
import type { Timers } from "./timers.ts";
import { startOpsServer, type OpsServer } from "./ops/server.ts";

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
  if (error instanceof HttpError) return `cannot reach the Bot API at ${apiRoot} (BOT_API_ROOT): ${describeNetworkError(error)}`;
  return `getMe failed: ${String(error)}`;
}

/** Where WebSub hubs call back, on the webhook's host and port. */
const WEBSUB_PATH = "/websub/";

function websubRoutes(ingest: IngestService): ExtraRoute[] {
  const websub = ingest.websub;
  return websub ? [{ prefix: WEBSUB_PATH, handle: (req, res) => websub.handle(req, res) }] : [];
}

export interface App {
  store: Store;
  /** An article's topics with their evidence (`topicsFor`), the broad ones learned from the archive. */
  topicModel: TopicModel;
  /** Plans and sends briefs; `nudge()` after storing a story in this process. */
  delivery: DeliveryService;
  /** Polls the sources on its own timer; `pollDue()` polls what is due now, as its timer would. */
  ingest: IngestService;
  /** The port of /metrics and /healthz (METRICS_PORT, or the one given for 0); null when off. */
  opsPort: number | null;
  /** Stops taking updates, lets the ones in hand finish, then closes the database. */
  stop(): Promise<void>;
}

export interface AppOptions {
  now?: () => Date;
  /** Cancels start-up (SIGTERM while the Bot API is unreachable): `startApp` then rejects with `ConnectCancelled`. */
  signal?: AbortSignal;
  /** How /related reads a linked page; the interim guarded fetch unless given (tests allow their local server). */
  fetchArticle?: FetchArticle;
  /** Timers for delivery's schedules and the sources' polling; tests pass ones they move together with `now`. */
  timers?: Timers;
}

export async function startApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  const now = options.now ?? (() => new Date());
  const store = await openStore(config, { logger, now });
  const http = createHttpClient(config.fetch);
  const topicModel = new TopicModel({ store, log: logger.child({ module: "topic-model" }), now }, config.topicModel);
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
  // The operator's port (METRICS_PORT), started below; ingestion and the bot report to its metrics.
  let ops: OpsServer | undefined;
  // Admin alerts go through the bot, which needs the ingest service first: bound once the bot exists.
  let notifyAdmins: ((alert: SourceAlert) => Promise<void>) | undefined;
  // Hubs can push to a bot with a public URL: the webhook's server answers them too.
  const websubCallbackBase = config.mode.kind === "webhook" ? new URL(WEBSUB_PATH, config.mode.url).href : undefined;
  const ingest = createIngestService({
    store,
    http,
    logger,
    now,
    config: { ...config.ingest, itemConcurrency: 4, tickMs: 5000 },
    websubCallbackBase,
    ...(options.timers ? { timers: options.timers } : {}),
    notifyAdmins: (alert) => notifyAdmins?.(alert) ?? Promise.resolve(),
    // The broad-topic model learned from the archive, as retrained while the bot runs.
    classifier: () => topicModel.classifier,
    // A story stored here is planned at once; one stored by another process waits for the planner's poll.
    onStoryStored: () => delivery.nudge(),
    onPolled: (report) => ops?.metrics.polled(report),
  });
  const admins = new AdminService(store, config.adminIds, now);
  const archiveIndex = new ArchiveIndex({ store, logger, now, maxArticles: config.relatedIndexArticles });
  const fetchArticle = options.fetchArticle ?? createFetchArticle(http);
  let running: RunningBot | undefined;
  let loading: Promise<void> | undefined;
  try {
    if (config.metricsPort !== null) {
      ops = await startOpsServer(config.metricsPort, { store, now, logger, senderActive: () => delivery.sender.active }).catch((error: unknown) => {
        throw new StartupError(`cannot serve metrics on METRICS_PORT=${config.metricsPort}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      });
    }
    // Loads newest first in the background: /related answers from what is loaded meanwhile.
    loading = archiveIndex.start();
    const { bot, i18n } = createBot(
      config.botToken,
      { store, logger, now, http, ingest, archiveIndex, fetchArticle, broadcasts: delivery.broadcasts, deliveries: delivery, admins },
      { adminIds: config.adminIds, defaultLocale: config.defaultLocale, defaultPollIntervalS: config.ingest.defaultPollIntervalS },
      { apiRoot: config.apiRoot, ...(ops ? { observer: ops.metrics.observer } : {}) },
    );
    // Replies to people share Telegram's flood budget with deliveries, and go first.
    bot.api.config.use(delivery.replyTransformer());
    notifyAdmins = createAdminNotifier({ api: bot.api, i18n, store, adminIds: () => admins.list().map((a) => a.id), defaultLocale: config.defaultLocale, logger });
    // Waits out an unreachable Bot API (saying so); a refusal such as 401 fails at once.
    bot.botInfo = await connectToBotApi((signal) => bot.api.getMe(signal as Parameters<typeof bot.api.getMe>[0]), {
      apiRoot: config.apiRoot,
      retry: config.apiRetry,
      log: logger.child({ module: "bot" }),
      ...(options.signal ? { signal: options.signal } : {}),
    }).catch((error: unknown) => {
      if (error instanceof ConnectCancelled) throw error;
      throw new StartupError(describeInitFailure(error, config.apiRoot), { cause: error });
    });
    await topicModel.load();
    topicModel.start();
    running =
      config.mode.kind === "webhook"
        ? await startWebhook(bot, { ...config.mode, routes: websubRoutes(ingest) }, logger.child({ module: "webhook" }))
        : await startPolling(bot, logger.child({ module: "polling" }));
    // The menu is a convenience: users are served while it is published (and retried).
    await admins.refresh(true);
    void publishCommandMenus(bot.api, i18n, config.defaultLocale, logger.child({ module: "bot" }), admins.list().map((a) => a.id));
    ingest.start();
    delivery.start();
  } catch (error) {
    await ops?.close();
    archiveIndex.stop();
    await loading;
    await delivery.stop();
    await topicModel.stop();
    await http.close();
    await store.close();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    store,
    topicModel,
    delivery,
    ingest,
    opsPort: ops?.port ?? null,
    stop() {
      stopping ??= (async () => {
        // Updates and deliveries in flight finish and are recorded before the database closes.
        await Promise.all([running?.stop(), delivery.stop()]);
        // Polls in progress finish (or fail) before the database they write to closes.
        await ingest.stop();
        await topicModel.stop();
        await http.close();
        archiveIndex.stop();
        await loading;
        await ops?.close();
        await store.close();
        logger.info("stopped");
      })();
      return stopping;
    },
  };
}
