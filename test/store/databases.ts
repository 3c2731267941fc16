/**
 * Runs a suite once per database newsbrief supports: SQLite always, PostgreSQL when
 * TEST_DATABASE_URL is set (`.ci/run` sets it). Without it the PostgreSQL suite shows as
 * skipped, with the reason in its name. Each test gets a database of its own: a fresh SQLite
 * file, or a fresh schema in its file's PostgreSQL database (dropped afterwards), so parallel
 * test files never meet.
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
    // The file's database goes at the end, with every schema in it: dropping them one by one doubled the suite's time.
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

/**
 * Each test file gets a database of its own on the server, and each test a schema in it. Schemas
 * of one database are not enough: Kysely's migrator reads the catalog of every schema, and a
 * schema that a parallel test file (or another run on the same server) drops mid-read makes that
 * read fail with "schema … does not exist". Databases keep their catalogs apart.
 */
interface FileDatabase {
  name: string;
  /** Connected to the file's database: creates the schemas. */
  pool: pg.Pool;
  /** Connected to the server's database (TEST_DATABASE_URL): creates and drops the file's database. */
  server: pg.Pool;
  url: URL;
}

let fileDatabase: Promise<FileDatabase> | undefined;

async function createFileDatabase(serverUrl: string): Promise<FileDatabase> {
  const server = new pg.Pool({ connectionString: serverUrl, max: 1 });
  const name = `nbt_${randomBytes(6).toString("hex")}`;
  await server.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
  // Dropping the database at the end cuts whatever is still connected: expected, not a failure.
  for (const each of [server, pool]) each.on("error", () => undefined);
  return { name, server, url, pool };
}

/** Drops this file's database (the stores on it must be closed) and ends the admin connections. */
export async function dropSchemas(): Promise<void> {
  const file = await fileDatabase;
  fileDatabase = undefined;
  if (!file) return;
  await file.pool.end();
  await file.server.query(`drop database if exists ${file.name} with (force)`);
  await file.server.end();
}

/**
 * A new, empty schema on the server, and the URL that makes it the connection's only schema.
 * Commits skip the wait for the disk (synchronous_commit=off, this connection only): a test
 * database need not survive a crash, and the suite runs faster for it.
 */
export async function postgresSchema(serverUrl: string): Promise<TestDatabase> {
  fileDatabase ??= createFileDatabase(serverUrl);
  const file = await fileDatabase;
  const schema = `t_${randomBytes(6).toString("hex")}`;
  await file.pool.query(`create schema ${schema}`);
  const url = new URL(file.url);
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
