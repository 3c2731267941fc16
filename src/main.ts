/**
 * `npm start`: read the config, start the bot, stop cleanly on SIGINT/SIGTERM.
 * A bad setting or database ends start-up with one line on stderr and a non-zero exit.
 */
import { StartupError, startApp, type App } from "./app.ts";
import { ConnectCancelled } from "./bot/run/connect.ts";
import { ConfigError, parseConfig, readEnvironment, type Config } from "./config/index.ts";
import { createLogger } from "./logger.ts";
import { StoreError } from "./store/index.ts";

function fail(message: string): never {
  process.stderr.write(`newsbrief: ${message}\n`);
  process.exit(1);
}

let config: Config;
try {
  config = parseConfig(readEnvironment(process.env));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  if (error.variable === "BOT_TOKEN" && !readEnvironment(process.env).BOT_TOKEN) {
    fail("BOT_TOKEN is not set. Create a bot with @BotFather in Telegram (/newbot), then put BOT_TOKEN=<token> in .env (see .env.example).");
  }
  fail(`${error.message} (see .env.example)`);
}

const logger = createLogger({ level: config.logLevel });

// A signal during start-up (the Bot API still unreachable) cancels it; once running, it stops the bot.
const starting = new AbortController();
let app: App | undefined;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    logger.info({ signal }, "shutting down");
    if (!app) return starting.abort();
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  });
}

app = await startApp(config, logger, { signal: starting.signal }).catch((error: unknown) => {
  if (error instanceof ConnectCancelled) {
    logger.info("stopped before the Bot API could be reached");
    process.exit(0);
  }
  if (error instanceof StoreError || error instanceof StartupError) fail(error.message);
  logger.fatal({ err: error }, "start-up failed");
  process.exit(1);
});
if (starting.signal.aborted) {
  // The signal came after the Bot API answered but before the bot was running: stop it now.
  await app.stop();
  process.exit(0);
}
