/**
 * What `sources` and `ingest` share with the bot: the same settings (without a bot token), the
 * same database and the same guarded HTTP client. Logs go to stderr, so stdout stays the
 * command's own output.
 */
import { ConfigError, parseNewsroomConfig, readEnvironment, type NewsroomConfig } from "../config/index.ts";
import { createHttpClient, type HttpClient } from "../ingest/http/index.ts";
import { createLogger, type Logger } from "../logger.ts";
import { openStore, StoreError, type Store } from "../store/index.ts";
import { CliError } from "./errors.ts";

export interface Newsroom {
  config: NewsroomConfig;
  store: Store;
  http: HttpClient;
  logger: Logger;
  close(): Promise<void>;
}

export async function openNewsroom(): Promise<Newsroom> {
  let config: NewsroomConfig;
  try {
    config = parseNewsroomConfig(readEnvironment(process.env));
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(`${error.message} (see .env.example)`);
    throw error;
  }
  // Quiet unless asked: the command prints what it did; warnings and errors still show.
  const level = process.env.LOG_LEVEL ? config.logLevel : "warn";
  const logger = createLogger({ level, pretty: false, destination: process.stderr });
  let store: Store;
  try {
    store = await openStore(config, { logger });
  } catch (error) {
    if (error instanceof StoreError) throw new CliError(error.message);
    throw error;
  }
  const http = createHttpClient(config.fetch);
  return {
    config,
    store,
    http,
    logger,
    async close() {
      await http.close();
      await store.close();
    },
  };
}

/** Runs `work` with the newsroom open, and closes it however `work` ends. */
export async function withNewsroom<T>(work: (newsroom: Newsroom) => Promise<T>): Promise<T> {
  const newsroom = await openNewsroom();
  try {
    return await work(newsroom);
  } finally {
    await newsroom.close();
  }
}
