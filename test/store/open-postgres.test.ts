import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openPostgresStore, openStore, StoreError } from "../../src/store/index.ts";
import { applyMigrations } from "../../src/store/migrate.ts";
import { latestMigration, migrationsFor } from "../../src/store/migrations/index.ts";
import { openPostgresDatabase } from "../../src/store/open-postgres.ts";
import { POSTGRES_SKIPPED, TEST_DATABASE_URL, dropSchemas, postgresSchema } from "./databases.ts";
import { silentLogger } from "./helpers.ts";

describe("openPostgresStore without a server", () => {
  it("says it cannot connect, naming the URL without its password", async () => {
    // Port 1 on loopback: nothing listens, so the refusal is immediate.
    const error = await openPostgresStore({ url: "postgres://newsbrief:hunter2@127.0.0.1:1/newsroom", logger: silentLogger }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(/^DATABASE_URL postgres:\/\/newsbrief:\*\*\*@127\.0\.0\.1:1\/newsroom: cannot connect \(.*ECONNREFUSED.*\)$/);
    expect((error as Error).message).not.toContain("hunter2");
  });
});

describe.skipIf(!TEST_DATABASE_URL)(`openPostgresStore${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIPPED})`}`, () => {
  const serverUrl = TEST_DATABASE_URL ?? "";
  afterAll(dropSchemas);

  it("creates the schema with 64-bit ids, and openStore picks it over DATABASE_PATH", async () => {
    const database = await postgresSchema(serverUrl);
    const store = await openStore({ ...database.settings, databasePath: "/nonexistent/never-created.db" }, { logger: silentLogger });
    await store.chats.touch({ id: -1001234567890, type: "supergroup", title: "Big" });
    expect((await store.chats.get(-1001234567890))?.title).toBe("Big");
    await store.close();

    const client = new pg.Client({ connectionString: database.settings.databaseUrl ?? "" });
    await client.connect();
    const { rows } = await client.query<{ name: string; data_type: string; is_identity: string }>(
      `select table_name || '.' || column_name as name, data_type, is_identity from information_schema.columns
        where table_schema = current_schema() and column_name in ('id', 'chat_id', 'actor_id', 'confidence')`,
    );
    await client.end();
    const byName = new Map(rows.map((row) => [row.name, row]));
    expect(byName.get("chats.id")).toMatchObject({ data_type: "bigint", is_identity: "NO" });
    expect(byName.get("articles.id")).toMatchObject({ data_type: "bigint", is_identity: "YES" });
    expect(byName.get("subscriptions.chat_id")).toMatchObject({ data_type: "bigint" });
    expect(byName.get("audit_log.actor_id")).toMatchObject({ data_type: "bigint" });
    expect(byName.get("article_topics.confidence")).toMatchObject({ data_type: "double precision" });
  });

  it("applies every migration once, and nothing when opened again", async () => {
    const database = await postgresSchema(serverUrl);
    const url = database.settings.databaseUrl ?? "";
    for (const expected of [Object.keys(migrationsFor("postgres")), []]) {
      const db = await openPostgresDatabase(url, { log: silentLogger });
      expect(await applyMigrations(db, "postgres", "test", silentLogger)).toEqual({ applied: expected, current: latestMigration });
      await db.destroy();
    }
  });

  it("says which database is missing", async () => {
    const url = new URL(serverUrl);
    url.pathname = "/newsbrief_no_such_database";
    await expect(openPostgresStore({ url: url.toString(), logger: silentLogger })).rejects.toThrow(
      /^DATABASE_URL .*\/newsbrief_no_such_database: cannot connect \(database "newsbrief_no_such_database" does not exist\)$/,
    );
  });

  it("refuses a search_path that names no existing schema", async () => {
    const url = new URL(serverUrl);
    url.searchParams.set("options", "-c search_path=newsbrief_no_such_schema");
    await expect(openPostgresStore({ url: url.toString(), logger: silentLogger })).rejects.toThrow(/no schema to create the tables in/);
  });

  it("refuses an id that would not fit a JavaScript number rather than round it", async () => {
    const database = await postgresSchema(serverUrl);
    const store = await database.open();
    await store.close();
    const client = new pg.Client({ connectionString: database.settings.databaseUrl ?? "" });
    await client.connect();
    // 2^53 + 1: no JavaScript number holds it, so no query of ours can write it; someone else's could.
    await client.query("insert into audit_log (actor_id, action) values (9007199254740993, 'chat.locale')");
    await client.end();
    const again = await database.open();
    await expect(again.audit.recent({ limit: 1 })).rejects.toThrow(/9007199254740993 does not fit in a JavaScript number/);
    await again.close();
  });
});
