/**
 * Versioned schema migrations, applied in name order at start-up (and by `newsbrief db migrate`).
 * Never edit a migration that has shipped: add the next one.
 *
 * Every migration runs on SQLite and on PostgreSQL. To write one for both:
 * - Export `up(db, dialect)` (and `down`); take the spellings that differ from `columnTypes(dialect)`
 *   in ./dialect.ts instead of writing them out:
 *   - an auto-numbered id: `.addColumn("id", t.bigint, t.autoId)` (never `"integer", c => c.primaryKey().autoIncrement()`,
 *     which PostgreSQL rejects);
 *   - a Telegram chat or user id, a message id, and any column that references an id: `t.bigint`
 *     (`integer` is 32-bit in PostgreSQL and chat ids such as -1001234567890 do not fit);
 *   - a float: `t.double`; the current time as a default: `t.nowText` (the code usually writes times itself).
 * - Keep to the types both store alike: `text` (JSON and ISO-8601 times as text, compared as text:
 *   times written by `toISOString()` all have one shape, so they sort alike under any collation),
 *   `integer` for counts and for booleans kept as 0/1, `t.bigint` for ids. No `boolean`, `json`,
 *   `timestamp`, `blob`, and no SQL function that only one of them has (`datetime()`, `now()`, `json_extract`).
 * - DDL both accept: createTable / addColumn / createIndex (partial indexes with `.where(sql.ref("col"), "is", null)`
 *   work in both), `alterTable(...).addColumn(...)`. SQLite cannot alter or drop a constraint: add a
 *   column or a new table and index instead. Where the dialects must differ, branch on `dialect`
 *   and keep the SQLite branch byte-for-byte what it was (test/store/open-sqlite.test.ts).
 * - Data changes in a migration go through Kysely's query builder (parameters, not string SQL).
 * - Register the module below; test/store runs every repository test on both dialects.
 */
import type { Migration, MigrationProvider } from "kysely";
import * as core from "./0001-core.ts";
import * as news from "./0002-news.ts";
import * as ingest from "./0003-ingest.ts";
import * as topicTraining from "./0004-topic-training.ts";
import type { DualMigration, SqlDialect } from "./dialect.ts";
import * as delivery from "./0005-delivery.ts";
import * as admins from "./0006-admins.ts";
import * as handledUpdates from "./0007-handled-updates.ts";
import * as replyLedger from "./0008-reply-ledger.ts";

export type { SqlDialect } from "./dialect.ts";

const migrations: Record<string, DualMigration> = {
  "0001-core": core,
  "0002-news": news,
  "0003-ingest": ingest,
  "0004-topic-training": topicTraining,
  "0005-delivery": delivery,
  "0006-admins": admins,
  "0007-handled-updates": handledUpdates,
  "0008-reply-ledger": replyLedger,
};

/** The migrations as Kysely's Migrator runs them on one dialect. */
export function migrationsFor(dialect: SqlDialect): Record<string, Migration> {
  return Object.fromEntries(
    Object.entries(migrations).map(([name, migration]) => {
      const { down } = migration;
      return [name, { up: (db) => migration.up(db, dialect), ...(down ? { down: (db) => down(db, dialect) } : {}) } satisfies Migration];
    }),
  );
}

export function migrationProvider(dialect: SqlDialect): MigrationProvider {
  return { getMigrations: async () => migrationsFor(dialect) };
}

/** The name of the newest migration this version of newsbrief knows. */
export const latestMigration: string = Object.keys(migrations).sort().at(-1) ?? "";
