/**
 * `newsbrief topics train --from-archive`: teach the broad-topic classifier from the articles in
 * the bot's database, exactly as the running bot does on its schedule, and keep the model there.
 */
import { existsSync, writeFileSync } from "node:fs";
import { readEnvironment } from "../../config/index.ts";
import { describeOutcome, TopicModel } from "../../ingest/topic-model.ts";
import { createLogger } from "../../logger.ts";
import { openPostgresStore, openSqliteStore, StoreError, type Store } from "../../store/index.ts";
import { CliError, describeFileError } from "../errors.ts";

export interface ArchiveTrainFlags {
  database?: string;
  minArticles?: string;
  model?: string;
}

const DEFAULT_DATABASE = "./data/newsbrief.db";
const DEFAULT_MIN_ARTICLES = 20;

export async function trainFromArchiveCommand(flags: ArchiveTrainFlags): Promise<void> {
  const env = readEnvironment(process.env);
  const path = flags.database ?? (env.DATABASE_PATH?.trim() || DEFAULT_DATABASE);
  const minText = flags.minArticles ?? (env.TOPIC_MIN_ARTICLES?.trim() || String(DEFAULT_MIN_ARTICLES));
  const minPerTopic = Number(minText);
  if (!Number.isInteger(minPerTopic) || minPerTopic < 2) {
    throw new CliError(`${flags.minArticles === undefined ? "TOPIC_MIN_ARTICLES" : "--min-articles"}: expected a whole number of at least 2, got "${minText}"`);
  }
  // The bot's PostgreSQL database when it has one (DATABASE_URL wins over DATABASE_PATH, as for the bot).
  const url = flags.database === undefined ? env.DATABASE_URL?.trim() || undefined : undefined;
  // Opening a missing file would create an empty database: say where the bot keeps its own instead.
  if (!url && !existsSync(path)) throw new CliError(`no database at ${path}: give the bot's with --database or DATABASE_PATH`);

  const log = createLogger({ level: "warn", pretty: false, destination: process.stderr });
  let store: Store;
  try {
    store = url ? await openPostgresStore({ url, logger: log }) : await openSqliteStore({ path, logger: log, now: () => new Date() });
  } catch (error) {
    if (error instanceof StoreError) throw new CliError(error.message);
    throw error;
  }
  try {
    const model = new TopicModel({ store, log, now: () => new Date() }, { minPerTopic, schedule: null });
    const outcome = await model.train();
    if (!outcome.trained) throw new CliError(describeOutcome(outcome));
    let written = "";
    if (flags.model) {
      try {
        writeFileSync(flags.model, JSON.stringify(model.classifier?.toJSON()));
      } catch (error) {
        throw new CliError(`cannot write ${flags.model}: ${describeFileError(error)}`);
      }
      written = ` and written to ${flags.model}`;
    }
    process.stdout.write(`${describeOutcome(outcome)}; saved in ${path}${written} (a running bot uses it from its next start)\n`);
  } finally {
    await store.close();
  }
}
