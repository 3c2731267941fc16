import { existsSync } from "node:fs";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect, sql, type Insertable } from "kysely";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Brief } from "../../src/brief/index.ts";
import { registerDbCommand } from "../../src/cli/commands/db.ts";
import type { Database } from "../../src/store/db-schema.ts";
import { openStore, type NewArticle, type Store } from "../../src/store/index.ts";
import { migrationProvider, migrationsFor } from "../../src/store/migrations/index.ts";
import { POSTGRES_SKIPPED, TEST_DATABASE_URL, dropSchemas, postgresSchema, sqliteDatabase, type TestDatabase } from "../store/databases.ts";
import { silentLogger, tempDir } from "../store/helpers.ts";
import { runCommand, type CommandOutput, commandFailure } from "./run-command.ts";

const run = (...args: string[]): Promise<CommandOutput> => runCommand([registerDbCommand], args);

const failure = (...args: string[]): Promise<string> => commandFailure(() => run(...args));

const migrationNames = Object.keys(migrationsFor("sqlite"));

afterEach(() => vi.unstubAllEnvs());

describe("newsbrief db migrate", () => {
  it("applies the migrations to DATABASE_PATH once, and then says there is nothing to apply", async () => {
    const path = join(tempDir("newsbrief-db-"), "newsroom.db");
    vi.stubEnv("DATABASE_PATH", path);
    vi.stubEnv("DATABASE_URL", "");
    const first = await run("db", "migrate");
    expect(first.stdout).toBe(`${migrationNames.map((name) => `applied ${name}\n`).join("")}${path} is now at ${migrationNames.at(-1)}\n`);
    expect((await run("db", "migrate")).stdout).toBe(`nothing to apply: ${path} is already at ${migrationNames.at(-1)}\n`);
  });

  it("says in one line why a database cannot be opened", async () => {
    vi.stubEnv("DATABASE_URL", "postgres://newsbrief:hunter2@127.0.0.1:1/newsroom");
    const message = await failure("db", "migrate");
    expect(message).toMatch(/^DATABASE_URL postgres:\/\/newsbrief:\*\*\*@127\.0\.0\.1:1\/newsroom: cannot connect/);
  });
});

describe("newsbrief db copy: bad arguments", () => {
  it("wants a PostgreSQL URL, an existing SQLite file and a sane batch size", async () => {
    const path = join(tempDir("newsbrief-db-"), "newsroom.db");
    expect(await failure("db", "copy", "--from", path, "--to", "mysql://x/y")).toMatch(/^--to expects a PostgreSQL URL/);
    expect(await failure("db", "copy", "--from", path, "--to", "postgres://127.0.0.1:1/x")).toBe(`--from ${path}: no such file`);
    const store = await sqliteDatabase(path).open();
    await store.close();
    expect(await failure("db", "copy", "--from", path, "--to", "postgres://127.0.0.1:1/x", "--batch-size", "0")).toMatch(/^--batch-size expects/);
    expect(await failure("db", "copy", "--from", path, "--to", "postgres://u:pw@127.0.0.1:1/x")).toMatch(/^--to postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/x: cannot connect/);
  });
});

const brief = (title: string): Brief => ({ title, sentences: ["One."], url: "https://a.example/x", source: "A", tags: ["china"], status: "ok" });

function article(url: string, sourceId: number | null, overrides: Partial<NewArticle> = {}): NewArticle {
  return {
    sourceId,
    url,
    guid: `${url}#guid`,
    title: `Story at ${url}`,
    body: "Body text with «quotes», Кирилиця and emoji 🛰.",
    brief: brief(`Story at ${url}`),
    textFrom: "page",
    contentHash: `hash-${url}`,
    fingerprint: "0123456789abcdef",
    deliver: true,
    topics: [
      { slug: "china", confidence: 0.91 },
      { slug: "kyiv", confidence: 0.123456789 },
    ],
    links: [{ url: `${url}/next`, title: "Next", kind: "read-next", blockLabel: "Read more", section: "World" }],
    ...overrides,
  };
}

/** A newsroom with a row of every kind, as the bot and ingestion write them. */
async function fillNewsroom(database: TestDatabase): Promise<void> {
  const now = new Date("2026-03-01T08:00:00Z");
  const store = await database.open(() => now);
  await store.chats.touch({ id: 42, type: "private", username: "ada" }, "uk");
  await store.chats.touch({ id: -1001234567890, type: "supergroup", title: "Newsroom «Київ»" }, "en");
  await store.chats.touch({ id: -55, type: "group", title: "Old group" });
  await store.chats.updateSettings(42, { delivery: "digest", quietHours: { from: "23:00", to: "07:00" } });
  await store.subscriptions.add({ chatId: -55, threadId: 0 }, { kind: "topic", slug: "kyiv" }, 7_000_000_001);
  await store.chats.migrate(-55, -1009999999999);
  await store.chats.setStatus(42, "blocked");
  await store.state.write("session", "42", { page: 2, nested: { ok: true } });
  await store.state.write("conversation", "-1001234567890", ["wizard", 3]);
  await store.audit.record({ actorId: 7_000_000_001, chatId: -1001234567890, action: "chat.settings", details: { images: false } });
  await store.topics.upsert({ slug: "lviv", names: { en: "Lviv", uk: "Львів" }, aliases: ["Lviv", "Львів"], sections: ["lviv"], kind: "place" });
  await store.topics.setEnabled("odesa", false);
  await store.subscriptions.add({ chatId: 42, threadId: 0 }, { kind: "topic", slug: "china" }, 42);
  await store.subscriptions.add({ chatId: -1001234567890, threadId: 7 }, { kind: "keywords", key: "grain -football", query: "Grain -football" }, 7_000_000_001);
  const { source } = await store.sources.add({ name: "A", feedUrl: "https://a.example/feed", format: "rss", pollIntervalS: 300, defaultTopics: ["china"], sectionMap: { world: "china" } });
  const { source: failing } = await store.sources.add({ name: "B", feedUrl: "https://b.example/feed", format: "atom", pollIntervalS: 900 });
  await store.sources.recordSuccess(source.id, { at: now, nextPollAt: new Date(now.getTime() + 300_000), etag: '"v1"', lastModified: "Sun, 01 Mar 2026 07:00:00 GMT" });
  await store.sources.recordFailure(failing.id, { at: now, nextPollAt: now, error: "HTTP 503" });
  await store.sources.setAlerted(failing.id, now);
  await store.sources.setWebSub(source.id, { hub: "https://hub.example/", topic: "https://a.example/feed", secret: "s3cret", leaseUntil: "2026-03-08T08:00:00.000Z" });
  const first = await store.articles.insert(article("https://a.example/1", source.id), null);
  const group = await store.articles.createStoryGroup(first.title);
  await store.articles.setStoryGroup(first.id, group);
  const second = await store.articles.insert(article("https://b.example/1", failing.id, { deliver: false }), group);
  const third = await store.articles.insert(article("https://a.example/gone", null), null);
  await store.articles.markPlanned([first.id], now);
  await store.leases.acquire("sender", "host-a:123", 60_000, now);
  await store.leases.acquire(`poll:${source.id}`, "host-a:123", 60_000, now);
  await store.admins.add(7_000_000_002, 7_000_000_001);
  await store.updates.markHandled(905_000_001);
  await store.close();

  // Broadcasts and the outbox have no repository yet: written as the delivery service will.
  const db = await database.kysely();
  const { id: broadcast } = await db
    .insertInto("broadcasts")
    .values({ created_by: 7_000_000_001, article_id: first.id, payload: '{"text":"Breaking"}', status: "sending", total: 2, sent: 1, failed: 0, created_at: now.toISOString(), finished_at: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  const outbox = (chat_id: number, status: string, extra: Partial<Insertable<Database["outbox"]>>): Insertable<Database["outbox"]> => ({
    chat_id, thread_id: 0, kind: "brief", article_id: null, broadcast_id: null, payload: "{}", status, attempts: 0,
    not_before: now.toISOString(), last_error: null, message_id: null, created_at: now.toISOString(), sent_at: null, ...extra,
  });
  await db
    .insertInto("outbox")
    .values([
      outbox(-1001234567890, "sent", { article_id: first.id, message_id: 2_147_483_999, sent_at: now.toISOString(), attempts: 1 }),
      outbox(-1001234567890, "pending", { thread_id: 7, article_id: second.id, not_before: "2026-03-01T09:00:00.000Z" }),
      outbox(42, "failed", { kind: "broadcast", broadcast_id: broadcast, attempts: 5, last_error: "403: Forbidden: bot was blocked by the user" }),
    ])
    .execute();
  // A deleted row: its id must never be handed out again, in PostgreSQL either.
  await db.deleteFrom("articles").where("id", "=", third.id).execute();
  await db.destroy();
}

/** Every row of every table, in a stable order, as plain values. */
async function dump(db: Kysely<Database>, tables: readonly string[]): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const table of tables) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    result[table] = rows.map((row) => JSON.stringify(Object.entries(row).sort(([a], [b]) => a.localeCompare(b)))).sort();
  }
  return result;
}

const TABLES = ["chats", "kv_state", "audit_log", "topics", "subscriptions", "sources", "story_groups", "articles", "article_topics", "article_links", "broadcasts", "outbox", "leases", "admins", "handled_updates"];

describe.skipIf(!TEST_DATABASE_URL)(`newsbrief db copy${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIPPED})`}`, () => {
  const serverUrl = TEST_DATABASE_URL ?? "";
  afterAll(dropSchemas);
  let sqlitePath: string;
  let source: TestDatabase;
  let target: TestDatabase;

  beforeEach(async () => {
    sqlitePath = join(tempDir("newsbrief-copy-"), "newsroom.db");
    source = sqliteDatabase(sqlitePath);
    target = await postgresSchema(serverUrl);
  });

  it("copies every kind of row, shows the counts, and the PostgreSQL store carries on where SQLite stopped", async () => {
    await fillNewsroom(source);
    const to = target.settings.databaseUrl ?? "";
    const output = await run("db", "copy", "--from", sqlitePath, "--to", to, "--batch-size", "2");

    const from = await source.kysely();
    const copied = await target.kysely();
    const before = await dump(from, TABLES);
    expect(await dump(copied, TABLES)).toEqual(before);
    for (const table of TABLES) expect(before[table]?.length, table).toBeGreaterThan(0);
    await from.destroy();
    await copied.destroy();

    expect(output.stdout.split("\n")[0]).toBe(`copying ${sqlitePath} → ${to}`);
    expect(output.stdout).toMatch(/^table +source +copied$/m);
    for (const table of TABLES) expect(output.stdout).toMatch(new RegExp(`^${table} +${before[table]?.length} +${before[table]?.length}$`, "m"));
    expect(output.stdout).toMatch(/^15 tables, \d+ rows copied; every count matches the source\n$/m);

    const store: Store = await openStore(target.settings, { logger: silentLogger, now: () => new Date("2026-03-01T10:00:00Z") });
    expect(await store.chats.get(-1001234567890)).toMatchObject({ title: "Newsroom «Київ»", locale: "en", status: "active" });
    expect(await store.chats.get(42)).toMatchObject({ status: "blocked", settings: { delivery: "digest", quietHours: { from: "23:00", to: "07:00" } } });
    expect(await store.chats.get(-55)).toMatchObject({ status: "migrated", migratedTo: -1009999999999 });
    expect(await store.subscriptions.listForChat(-1009999999999)).toMatchObject([{ target: "kyiv", createdBy: 7_000_000_001 }]);
    expect(await store.state.read("conversation", "-1001234567890")).toEqual(["wizard", 3]);
    expect(await store.topics.get("odesa")).toMatchObject({ enabled: false });
    expect(await store.topics.get("lviv")).toMatchObject({ builtin: false, topic: { names: { uk: "Львів" } } });
    expect((await store.articles.inStoryGroup(1)).map((a) => a.url)).toEqual(["https://a.example/1", "https://b.example/1"]);
    expect((await store.articles.get(1))?.topics).toEqual([
      { slug: "china", confidence: 0.91 },
      { slug: "kyiv", confidence: 0.123456789 },
    ]);
    // The copied lease is still held until it lapses: another instance must wait for it.
    expect(await store.leases.acquire("sender", "host-b:9", 60_000, new Date("2026-03-01T08:00:30Z"))).toBe(false);
    // New rows get ids after the copied ones, and after the deleted article's.
    expect((await store.articles.insert(article("https://a.example/new", null), null)).id).toBe(4);
    await store.audit.record({ action: "source.remove" });
    expect((await store.audit.recent({ limit: 1 }))[0]?.id).toBe(2);
    expect(await store.subscriptions.add({ chatId: 42, threadId: 0 }, { kind: "topic", slug: "kyiv" })).toBe(true);
    expect((await store.subscriptions.listForChat(42)).map((s) => s.id)).toEqual([2, 4]);
    await store.close();
  });

  it("refuses a target that already holds rows, and replaces them with --force", async () => {
    await fillNewsroom(source);
    const to = target.settings.databaseUrl ?? "";
    await run("db", "copy", "--from", sqlitePath, "--to", to);
    expect(await failure("db", "copy", "--from", sqlitePath, "--to", to)).toMatch(/^the target already holds rows \(.*\bchats: 4\b.*\); pass --force to replace them$/);

    const more = await source.open();
    await more.chats.touch({ id: 77, type: "private" });
    await more.close();
    const forced = await run("db", "copy", "--from", sqlitePath, "--to", to, "--force");
    expect(forced.stdout).toMatch(/^chats +5 +5$/m);
    const store = await target.open();
    expect(await store.chats.get(77)).toMatchObject({ id: 77 });
    await store.close();
  });

  it("db migrate applies the migrations to DATABASE_URL, which wins over DATABASE_PATH", async () => {
    const url = target.settings.databaseUrl ?? "";
    vi.stubEnv("DATABASE_URL", url);
    vi.stubEnv("DATABASE_PATH", sqlitePath);
    const first = await run("db", "migrate");
    expect(first.stdout).toBe(`${migrationNames.map((name) => `applied ${name}\n`).join("")}${url} is now at ${migrationNames.at(-1)}\n`);
    expect((await run("db", "migrate")).stdout).toBe(`nothing to apply: ${url} is already at ${migrationNames.at(-1)}\n`);
    expect(existsSync(sqlitePath)).toBe(false);
  });

  it("copies an empty newsroom", async () => {
    await (await source.open()).close();
    const output = await run("db", "copy", "--from", sqlitePath, "--to", target.settings.databaseUrl ?? "");
    expect(output.stdout).toMatch(/^15 tables, 0 rows copied; every count matches the source$/m);
  });

  it("refuses a source an older newsbrief wrote until it is migrated, and copies nothing", async () => {
    const old = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(sqlitePath) }) });
    await new Migrator({ db: old, provider: migrationProvider("sqlite") }).migrateTo("0001-core");
    await old.destroy();
    expect(await failure("db", "copy", "--from", sqlitePath, "--to", target.settings.databaseUrl ?? "")).toBe(
      `the source lacks migrations ${migrationNames.slice(1).join(", ")}: stop the bot, run \`DATABASE_PATH=<file> newsbrief db migrate\`, then copy`,
    );
  });
});
