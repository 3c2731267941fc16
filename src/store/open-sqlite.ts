/**
 * Opens (or creates) the SQLite database, checks that it is one, applies pending migrations
 * and returns the Store. A file that is not a database, or that cannot be written, stops
 * start-up with a StoreError and is never touched.
 */
import { closeSync, mkdirSync, openSync, readSync, statSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { Logger } from "../logger.ts";
import type { Database } from "./db-schema.ts";
import { describeError as describe, StoreError } from "./errors.ts";
import { createKyselyStore } from "./kysely/store.ts";
import { StripNulPlugin } from "./kysely/strip-nul.ts";
import { applyMigrations } from "./migrate.ts";
import type { Store } from "./repositories.ts";

export interface OpenSqliteOptions {
  /** A file path, or ":memory:" for tests. */
  path: string;
  logger: Logger;
  now?: () => Date;
}

export async function openSqliteStore(options: OpenSqliteOptions): Promise<Store> {
  const log = options.logger.child({ module: "store" });
  const db = openSqliteDatabase(options.path);
  try {
    await applyMigrations(db, "sqlite", `DATABASE_PATH ${options.path}`, log);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  log.info({ path: options.path }, "database ready");
  return createKyselyStore(db, { now: options.now ?? (() => new Date()), dialect: "sqlite" });
}

/**
 * The database as Kysely sees it, not yet migrated: for the store, and for `newsbrief db`.
 * `label` names the file in messages ("DATABASE_PATH", "--from").
 */
export function openSqliteDatabase(path: string, label = "DATABASE_PATH"): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: openFile(path, label) }), plugins: [new StripNulPlugin()] });
}

function openFile(path: string, label: string): SQLite.Database {
  if (path !== ":memory:") {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (error) {
      throw new StoreError(`${label} ${path}: cannot create its folder (${describe(error)})`, { cause: error });
    }
  }
  assertSqliteHeader(path, label);
  let sqlite: SQLite.Database | undefined;
  try {
    sqlite = new SQLite(path);
    // Reading the header proves the file is a database before anything is written to it.
    sqlite.pragma("schema_version");
    // Taking the write lock proves we may write, so a read-only file fails here and not mid-update.
    sqlite.exec("BEGIN IMMEDIATE; ROLLBACK;");
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("synchronous = NORMAL");
    return sqlite;
  } catch (error) {
    sqlite?.close();
    throw new StoreError(`${label} ${path}: ${explainOpenError(error)}; the file was left untouched`, { cause: error });
  }
}

const SQLITE_HEADER = "SQLite format 3\u0000";

/**
 * SQLite treats a file shorter than one page as an empty database and writes over it, so
 * a non-empty file must show SQLite's header before we let the library near it.
 */
function assertSqliteHeader(path: string, label: string): void {
  if (path === ":memory:") return;
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return; // No file yet: SQLite creates it.
  }
  if (size === 0) return;
  const header = Buffer.alloc(SQLITE_HEADER.length);
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    readSync(fd, header, 0, header.length, 0);
  } catch (error) {
    throw new StoreError(`${label} ${path}: cannot be read (${describe(error)}); the file was left untouched`, { cause: error });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (header.toString("latin1") !== SQLITE_HEADER) {
    throw new StoreError(`${label} ${path}: not a SQLite database (corrupt, or another kind of file); the file was left untouched`);
  }
}

function explainOpenError(error: unknown): string {
  const code = (error as { code?: string }).code ?? "";
  if (code === "SQLITE_NOTADB") return "not a SQLite database (corrupt, or another kind of file)";
  if (code === "SQLITE_CORRUPT") return "the database is corrupt";
  if (code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_CANTOPEN") || code === "SQLITE_PERM")
    return `cannot be opened for writing (${describe(error)})`;
  return describe(error);
}
