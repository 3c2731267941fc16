import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect } from "kysely";
import { describe, expect, it } from "vitest";
import type { Database } from "../../src/store/db-schema.ts";
import { migrationProvider } from "../../src/store/migrations/index.ts";
import { StoreError, openSqliteStore } from "../../src/store/index.ts";
import { silentLogger, tempDir } from "./helpers.ts";

function tables(path: string): string[] {
  const db = new SQLite(path, { readonly: true });
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  db.close();
  return rows.map((row) => row.name);
}

describe("openSqliteStore", () => {
  it("creates the folder and the schema, in WAL mode with foreign keys on", async () => {
    const path = join(tempDir(), "nested", "deeper", "newsbrief.db");
    const store = await openSqliteStore({ path, logger: silentLogger });
    await store.close();
    expect(tables(path)).toEqual(
      expect.arrayContaining(["chats", "kv_state", "audit_log", "topics", "subscriptions", "sources", "articles", "article_topics", "article_links", "story_groups", "broadcasts", "outbox"]),
    );
    const db = new SQLite(path);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("makes the schema the shipped migrations always made, so existing databases keep working", async () => {
    // The fixture was dumped before the migrations learnt PostgreSQL; they must still say the same to SQLite.
    const expected = readFileSync(new URL("../fixtures/store/sqlite-schema-0003.sql", import.meta.url), "utf8");
    const path = join(tempDir(), "schema.db");
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(path) }) });
    expect((await new Migrator({ db, provider: migrationProvider("sqlite") }).migrateTo("0003-ingest")).error).toBeUndefined();
    await db.destroy();
    const sqlite = new SQLite(path, { readonly: true });
    const rows = sqlite
      .prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'kysely_%' ORDER BY type, name")
      .all() as { sql: string }[];
    sqlite.close();
    expect(rows.map((row) => `${row.sql};`).join("\n") + "\n").toBe(expected);
  });

  it("migrates an older database forward and keeps its data", async () => {
    const path = join(tempDir(), "old.db");
    const old = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(path) }) });
    await new Migrator({ db: old, provider: migrationProvider("sqlite") }).migrateTo("0001-core");
    await old
      .insertInto("chats")
      .values({ id: 5, type: "private", settings: "{}", status: "active", created_at: "2025-01-01T00:00:00Z", updated_at: "2025-01-01T00:00:00Z", locale: "uk" })
      .execute();
    await old.destroy();
    expect(tables(path)).not.toContain("subscriptions");

    const store = await openSqliteStore({ path, logger: silentLogger });
    expect((await store.chats.get(5))?.locale).toBe("uk");
    await store.close();
    expect(tables(path)).toContain("subscriptions");
  });

  it("refuses a file that is not a database and leaves it untouched", async () => {
    const dir = tempDir();
    for (const [name, content] of [
      ["short.db", "garbage"],
      ["long.db", "x".repeat(10_000)],
    ] as const) {
      const path = join(dir, name);
      writeFileSync(path, content);
      await expect(openSqliteStore({ path, logger: silentLogger })).rejects.toThrow(
        new StoreError(`DATABASE_PATH ${path}: not a SQLite database (corrupt, or another kind of file); the file was left untouched`),
      );
      expect(readFileSync(path, "utf8")).toBe(content);
    }
  });

  it("refuses a database with a damaged body and leaves it untouched", async () => {
    const path = join(tempDir(), "damaged.db");
    const store = await openSqliteStore({ path, logger: silentLogger });
    await store.close();
    const bytes = readFileSync(path);
    bytes.fill(0xff, 100, 4096); // keep the header, wreck the first page
    writeFileSync(path, bytes);
    await expect(openSqliteStore({ path, logger: silentLogger })).rejects.toThrow(/DATABASE_PATH .*damaged\.db: .*left untouched/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it("says so when the folder cannot be created", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a-file"), "");
    const path = join(dir, "a-file", "newsbrief.db");
    await expect(openSqliteStore({ path, logger: silentLogger })).rejects.toThrow(/^DATABASE_PATH .*: cannot create its folder/);
  });

  it("refuses a database written by a newer newsbrief", async () => {
    const path = join(tempDir(), "newer.db");
    await (await openSqliteStore({ path, logger: silentLogger })).close();
    const db = new SQLite(path);
    db.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-future', '2030-01-01')").run();
    db.close();
    await expect(openSqliteStore({ path, logger: silentLogger })).rejects.toThrow(/written by a newer version of newsbrief/);
  });

  it("opens an existing empty file as a new database", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "d"));
    const path = join(dir, "d", "empty.db");
    writeFileSync(path, "");
    const store = await openSqliteStore({ path, logger: silentLogger });
    await store.close();
    expect(tables(path)).toContain("chats");
  });
});
