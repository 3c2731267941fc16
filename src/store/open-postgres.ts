/**
 * Opens a PostgreSQL database through a pool of `pg` connections, checks that it answers,
 * applies pending migrations and returns the Store: the same repositories as SQLite's.
 */
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Logger } from "../logger.ts";
import type { Database } from "./db-schema.ts";
import { AdvisoryLocks } from "./advisory-locks.ts";
import { describeError, StoreError } from "./errors.ts";
import { createKyselyStore } from "./kysely/store.ts";
import { StripNulPlugin } from "./kysely/strip-nul.ts";
import { applyMigrations } from "./migrate.ts";
import { redactUrl } from "./postgres-url.ts";
import type { Store } from "./repositories.ts";

export interface OpenPostgresOptions {
  /** postgres://user:password@host:port/database; `?options=-c search_path=…` picks a schema. */
  url: string;
  logger: Logger;
  now?: () => Date;
  /** Connections the pool may open (pg's default is 10). */
  poolMax?: number;
}

export async function openPostgresStore(options: OpenPostgresOptions): Promise<Store> {
  const log = options.logger.child({ module: "store" });
  const where = `DATABASE_URL ${redactUrl(options.url)}`;
  const db = await openPostgresDatabase(options.url, { log, where, ...(options.poolMax ? { poolMax: options.poolMax } : {}) });
  try {
    await applyMigrations(db, "postgres", where, log);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  log.info({ url: redactUrl(options.url) }, "database ready");
  // As many lock connections as pooled ones: each holds one chat's lock while its update runs.
  const locks = new AdvisoryLocks(options.url, { max: options.poolMax ?? 10, log });
  return createKyselyStore(db, { now: options.now ?? (() => new Date()), dialect: "postgres", locks });
}

/**
 * The database as Kysely sees it, not yet migrated, after one round trip that proves it
 * answers: a wrong host, database or password stops start-up here with a StoreError.
 */
export async function openPostgresDatabase(
  url: string,
  options: { log: Logger; where?: string; poolMax?: number },
): Promise<Kysely<Database>> {
  const where = options.where ?? `DATABASE_URL ${redactUrl(url)}`;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolMax ?? 10,
    application_name: "newsbrief",
    connectionTimeoutMillis: 10_000,
    types: integerTypes,
  });
  // An idle connection the server drops (a restart, a failover) must not crash the process: the pool replaces it.
  pool.on("error", (error) => options.log.warn({ err: error }, "an idle database connection failed"));
  try {
    await pool.query("select 1");
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new StoreError(`${where}: cannot connect (${describeError(error)})`, { cause: error });
  }
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new StripNulPlugin()] });
}

/**
 * `pg` returns int8 (bigint columns, count(*)) as strings so that no digit is lost. Ids here
 * are Telegram's (at most 52 bits) or our own row ids, so they fit a JavaScript number; a
 * value that would not is an error, never a silently rounded id.
 */
const integerTypes = new pg.TypeOverrides();
integerTypes.setTypeParser(pg.types.builtins.INT8, "text", (value: string): number => {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new RangeError(`integer ${value} does not fit in a JavaScript number`);
  return number;
});
