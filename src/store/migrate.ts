/** Applies pending migrations, in both dialects, and explains a failure in one line. */
import { Migrator, sql, type Kysely } from "kysely";
import type { Logger } from "../logger.ts";
import type { Database } from "./db-schema.ts";
import { describeError, StoreError } from "./errors.ts";
import { migrationProvider, type SqlDialect } from "./migrations/index.ts";

export interface MigrationReport {
  /** The migrations this run applied, in order; empty when the database was up to date. */
  applied: string[];
  /** The newest migration the database now has. */
  current: string | null;
}

/**
 * Brings the database to the newest schema. `where` names the database in messages
 * ("DATABASE_PATH ./data/newsbrief.db"). Several processes may start at once: Kysely takes a
 * lock (a table in SQLite, an advisory lock in PostgreSQL) so only one applies each migration.
 */
export async function applyMigrations(db: Kysely<Database>, dialect: SqlDialect, where: string, log: Logger): Promise<MigrationReport> {
  const migrationTableSchema = dialect === "postgres" ? await currentSchema(db, where) : undefined;
  const migrator = new Migrator({ db, provider: migrationProvider(dialect), ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const applied: string[] = [];
  for (const result of results ?? []) {
    if (result.status === "Success") {
      applied.push(result.migrationName);
      log.info({ migration: result.migrationName }, "migration applied");
    }
    if (result.status === "Error") log.error({ migration: result.migrationName }, "migration failed");
  }
  if (error) {
    const detail = describeError(error);
    const newer = /previously executed migration .* is missing/i.test(detail);
    throw new StoreError(
      newer
        ? `${where}: written by a newer version of newsbrief (${detail}); upgrade newsbrief to open it`
        : `${where}: migration failed (${detail})`,
      { cause: error },
    );
  }
  const executed = (await migrator.getMigrations()).filter((migration) => migration.executedAt !== undefined);
  return { applied, current: executed.at(-1)?.name ?? null };
}

/**
 * The schema our tables live in (the first of search_path that exists). Kysely must be told:
 * left to itself it takes a migration table of any schema on the server for ours.
 */
async function currentSchema(db: Kysely<Database>, where: string): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new StoreError(`${where}: no schema to create the tables in (search_path names none that exists)`);
  return schema;
}
