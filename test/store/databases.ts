/**
 * Runs a suite once per database newsbrief supports: SQLite always, PostgreSQL when
 * TEST_DATABASE_URL is set (`.ci/run` sets it). Without it the PostgreSQL suite shows as
 * skipped, with the reason in its name. Each test gets a database of its own: a fresh SQLite
 * file, or a fresh PostgreSQL schema (dropped afterwards), so parallel test files never meet.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { Kysely } from "kysely";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe } from "vitest";
import type { Database } from "../../src/store/db-schema.ts";
import { openStore, type DatabaseSettings, type Store } from "../../src/store/index.ts";
import { applyMigrations } from "../../src/store/migrate.ts";
import type { SqlDialect } from "../../src/store/migrations/index.ts";
import { openPostgresDatabase } from "../../src/store/open-postgres.ts";
import { openSqliteDatabase } from "../../src/store/open-sqlite.ts";
import { silentLogger, tempDir } from "./helpers.ts";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;
export const POSTGRES_SKIPPED = "skipped: TEST_DATABASE_URL is not set";

/** One test's own database. */
export interface TestDatabase {
  readonly dialect: SqlDialect;
  /** The settings the app would be given for it (DATABASE_URL or DATABASE_PATH). */
  readonly settings: DatabaseSettings;
  /** The Store, opened as the app opens it (migrations applied). Close it in the test. */
  open(now?: () => Date): Promise<Store>;
  /** A Kysely handle on the migrated database, for what the Store does not offer. Destroy it in the test. */
  kysely(): Promise<Kysely<Database>>;
}

/**
 * Declares `suite` once per dialect, inside a describe named after it; `database()` is the
 * current test's database (valid from the suite's own beforeEach on).
 */
export function forEachDatabase(suite: (database: () => TestDatabase, dialect: SqlDialect) => void): void {
  describe("SQLite", () => {
    let current: TestDatabase | undefined;
    beforeEach(() => {
      current = sqliteDatabase(join(tempDir("newsbrief-store-"), "newsbrief.db"));
    });
    suite(() => current ?? fail(), "sqlite");
  });

  describe.skipIf(!TEST_DATABASE_URL)(`PostgreSQL${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIPPED})`}`, () => {
    let current: TestDatabase | undefined;
    beforeEach(async () => {
      current = await postgresSchema(TEST_DATABASE_URL ?? "");
    });
    afterEach(() => {
      current = undefined;
    });
    // The file's schemas go in one statement at the end: dropping them one by one doubled the suite's time.
    afterAll(dropSchemas);
    suite(() => current ?? fail(), "postgres");
  });
}

function fail(): never {
  throw new Error("the test database is only there inside a test (from beforeEach on)");
}

export function sqliteDatabase(path: string): TestDatabase {
  const settings: DatabaseSettings = { databaseUrl: null, databasePath: path, databasePoolMax: 4 };
  return {
    dialect: "sqlite",
    settings,
    open: (now) => openStore(settings, { logger: silentLogger, ...(now ? { now } : {}) }),
    async kysely() {
      const db = openSqliteDatabase(path);
      await applyMigrations(db, "sqlite", path, silentLogger);
      return db;
    },
  };
}

let admin: pg.Pool | undefined;
const created: string[] = [];

/** Drops every schema this file created (the stores on them must be closed) and ends the admin connection. */
export async function dropSchemas(): Promise<void> {
  const schemas = created.splice(0);
  if (schemas.length > 0) await admin?.query(`drop schema ${schemas.join(", ")} cascade`);
  await admin?.end();
  admin = undefined;
}

/**
 * A new, empty schema on the server, and the URL that makes it the connection's only schema.
 * Commits skip the wait for the disk (synchronous_commit=off, this connection only): a test
 * database need not survive a crash, and the suite runs faster for it.
 */
export async function postgresSchema(serverUrl: string): Promise<TestDatabase> {
  admin ??= new pg.Pool({ connectionString: serverUrl, max: 2 });
  const schema = `nbt_${randomBytes(6).toString("hex")}`;
  await admin.query(`create schema ${schema}`);
  created.push(schema);
  const url = new URL(serverUrl);
  url.searchParams.set("options", `-c search_path=${schema} -c synchronous_commit=off`);
  const settings: DatabaseSettings = { databaseUrl: url.toString(), databasePath: "unused.db", databasePoolMax: 4 };
  return {
    dialect: "postgres",
    settings,
    open: (now) => openStore(settings, { logger: silentLogger, ...(now ? { now } : {}) }),
    async kysely() {
      const db = await openPostgresDatabase(url.toString(), { log: silentLogger, poolMax: 2 });
      await applyMigrations(db, "postgres", schema, silentLogger);
      return db;
    },
  };
}
