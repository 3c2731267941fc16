/**
 * Two real bot processes (src/main.ts, webhook mode) on one PostgreSQL schema behind a
 * round-robin proxy: a breaking brief to 10,000 chats goes out exactly once, and still reaches
 * every chat when the process sending it is killed mid-broadcast; one chat's rapid updates never
 * interleave, and an update delivered twice is handled once.
 *
 * The broadcast is launched the way /breaking's last step launches it (BroadcastService.launch,
 * from this process, on the same database): the conversation itself is test/e2e/breaking.test.ts.
 */
import { sql } from "kysely";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { join } from "node:path";
import { parseConfig } from "../../src/config/index.ts";
import { DeliveryService } from "../../src/delivery/index.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import type { SessionData } from "../../src/bot/context.ts";
import { startEmulatorProcess, type EmulatorProcess } from "../emulator/child-client.ts";
import { startEmulator, type TelegramEmulator } from "../emulator/index.ts";
import { POSTGRES_SKIPPED, TEST_DATABASE_URL, dropSchemas, postgresSchema, type TestDatabase } from "../store/databases.ts";
import { silentLogger, tempDir } from "../store/helpers.ts";
import { RoundRobinProxy, startInstance, WEBHOOK_SECRET, type Instance } from "./instances-helpers.ts";

const CHATS = 10_000;
const FIRST_CHAT = 1_000_001;
const ADMIN = 900;
const CONCURRENCY = 16;

describe.skipIf(!TEST_DATABASE_URL)(`two instances on one PostgreSQL database${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIPPED})`}`, () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });
  afterAll(dropSchemas);

  /** A fresh schema, a proxy, and two instances on both, talking to the Bot API at `apiRoot`. */
  async function deployment(bot: { apiRoot: string; botToken: string }) {
    const database = await postgresSchema(TEST_DATABASE_URL ?? "");
    const store = await openStore(database.settings, { logger: silentLogger });
    cleanup.push(() => store.close());
    const proxy = await RoundRobinProxy.start();
    cleanup.push(() => proxy.close());
    const env = {
      BOT_TOKEN: bot.botToken,
      BOT_API_ROOT: bot.apiRoot,
      DATABASE_URL: database.settings.databaseUrl ?? "",
      DATABASE_PATH: join(tempDir(), "never.db"),
      DATABASE_POOL_MAX: "4",
      WEBHOOK_URL: proxy.url,
      ADMIN_IDS: String(ADMIN),
      SEND_GLOBAL_PER_SECOND: "4000",
      SEND_CONCURRENCY: String(CONCURRENCY),
      SEND_LEASE_SECONDS: "2",
    };
    const instances: Instance[] = [];
    for (let i = 0; i < 2; i++) {
      const instance = await startInstance(env);
      cleanup.push(() => instance.stop());
      instances.push(instance);
      proxy.targets.push(instance.port);
    }
    return { database, store, proxy, instances, env };
  }

  describe("a breaking brief to 10,000 chats", () => {
    let emulator: EmulatorProcess;

    async function launch(store: Store, database: TestDatabase): Promise<number> {
      await seedChats(database);
      const config = parseConfig({ BOT_TOKEN: emulator.botToken, BOT_API_ROOT: emulator.apiRoot });
      // Not started: it only launches, as the admin's conversation does; the instances send.
      const delivery = new DeliveryService({ store, logger: silentLogger, config: config.delivery, botToken: config.botToken, apiRoot: config.apiRoot, defaultLocale: "en" });
      const brief = { title: "Dam breached upstream", sentences: ["The dam upstream was breached overnight."], url: "https://news.example/dam", source: "Newsroom", tags: [], status: "ok" as const };
      const { broadcast, total } = await delivery.broadcasts.launch({ adminId: ADMIN, adminChatId: ADMIN, brief, audience: { kind: "all" }, urgent: true, locale: "en" });
      expect(total).toBeGreaterThanOrEqual(CHATS);
      return broadcast.id;
    }

    async function finished(store: Store, broadcastId: number): Promise<void> {
      await expect.poll(async () => (await store.outbox.figures({ broadcastId })).pending, { timeout: 60_000, interval: 200 }).toBe(0);
    }

    /** Messages each subscribed chat received. */
    async function received(): Promise<number[]> {
      const counts = await emulator.messageCounts();
      return Array.from({ length: CHATS }, (_, i) => counts.get(FIRST_CHAT + i) ?? 0);
    }

    async function startEmulatorWithChats() {
      emulator = await startEmulatorProcess({ flood: { globalPerSecond: 5000 }, keepHistory: false });
      cleanup.push(() => emulator.close());
      await emulator.createUsers(CHATS, FIRST_CHAT);
      await emulator.createUsers(1, ADMIN);
    }

    it("reaches every chat exactly once, from one sender between the two", async () => {
      await startEmulatorWithChats();
      const { store, database } = await deployment(emulator);
      const broadcastId = await launch(store, database);
      await finished(store, broadcastId);
      const counts = await received();
      expect(counts.filter((n) => n !== 1)).toEqual([]);
      expect((await store.outbox.figures({ broadcastId })).sent).toBeGreaterThanOrEqual(CHATS);
    }, 120_000);

    it("is finished by the other instance when the sender is killed mid-broadcast: no chat lost, duplicates at most the sender's concurrency", async () => {
      await startEmulatorWithChats();
      const { store, database, instances } = await deployment(emulator);
      const broadcastId = await launch(store, database);
      await expect.poll(async () => (await emulator.stats()).messagesSent, { timeout: 60_000, interval: 20 }).toBeGreaterThanOrEqual(2000);
      const sender = await senderPid(database);
      const victim = instances.find((i) => i.pid === sender);
      expect(victim).toBeDefined();
      await victim!.kill();
      const sentAtKill = (await emulator.stats()).messagesSent;
      expect(sentAtKill).toBeLessThan(CHATS);

      await finished(store, broadcastId);
      const survivor = instances.find((i) => i !== victim)!;
      expect(await senderPid(database)).toBe(survivor.pid);
      const counts = await received();
      expect(counts.filter((n) => n === 0)).toEqual([]);
      // In flight when the process died: sent by Telegram, never recorded, sent again by the survivor.
      const duplicates = counts.reduce((sum, n) => sum + n - 1, 0);
      console.info(`instances: killed the sender after ${sentAtKill} of ${CHATS} messages; ${duplicates} duplicates (bound ${CONCURRENCY})`);
      expect(duplicates).toBeLessThanOrEqual(CONCURRENCY);
    }, 120_000);
  });

  describe("webhook updates through the proxy", () => {
    let tg: TelegramEmulator;

    it("handles one chat's rapid updates one at a time with one session, and a re-posted update once", async () => {
      tg = await startEmulator({ flood: false });
      cleanup.push(() => tg.close());
      const { store, proxy } = await deployment(tg);
      const user = tg.createUser({ firstName: "Olha", languageCode: "en" });
      const chat = tg.privateChat(user);
      const words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"];
      // Sent together, as a balancer passes on a burst: half to each instance.
      const answers = await Promise.all(words.map((word, i) => post(proxy, searchUpdate(700_001 + i, user, `/search ${word}`))));
      expect(answers).toEqual(words.map(() => 200));

      await expect.poll(() => searchReplies(tg, chat.id).length, { timeout: 20_000 }).toBe(words.length);
      const session = (await store.state.read("session", String(chat.id))) as SessionData;
      // One session, every update's query kept: none was lost to a read-modify-write race between instances.
      const saved = (session.queries ?? []).map((q) => ("words" in q ? q.words : ""));
      expect(session.queries?.map((q) => q.id)).toEqual(words.map((_, i) => i + 1));
      expect([...saved].sort()).toEqual(words);
      // Handled one after another: the replies came in the order the session recorded the queries.
      expect(searchReplies(tg, chat.id)).toEqual(saved);

      // The same update twice at once (to both instances), and once more later: handled once.
      const again = searchUpdate(700_100, user, "/search zulu");
      expect(await Promise.all([post(proxy, again), post(proxy, again)])).toEqual([200, 200]);
      expect(await post(proxy, again)).toBe(200);
      await post(proxy, searchUpdate(700_101, user, "/search yankee"));
      await expect.poll(() => searchReplies(tg, chat.id).at(-1), { timeout: 20_000 }).toBe("yankee");
      expect(searchReplies(tg, chat.id).filter((w) => w === "zulu")).toHaveLength(1);
      expect(await store.updates.isHandled(700_100)).toBe(true);
    }, 60_000);
  });
});

/** The chats table as a newsroom with 10,000 subscribers has it, in one statement. */
async function seedChats(database: TestDatabase): Promise<void> {
  const db = await database.kysely();
  try {
    const at = new Date().toISOString();
    await sql`insert into chats (id, type, title, username, locale, settings, status, migrated_to, created_at, updated_at)
      select g, 'private', null, null, 'en', '{}', 'active', null, ${at}, ${at} from generate_series(${FIRST_CHAT}::bigint, ${FIRST_CHAT + CHATS - 1}::bigint) as g`.execute(db);
  } finally {
    await db.destroy();
  }
}

/** The process holding the sender lease (its holder is host/pid/random). */
async function senderPid(database: TestDatabase): Promise<number | undefined> {
  const db = await database.kysely();
  try {
    const row = await db.selectFrom("leases").select("holder").where("name", "=", "sender").executeTakeFirst();
    return row ? Number(row.holder.split("/")[1]) : undefined;
  } finally {
    await db.destroy();
  }
}

function searchUpdate(updateId: number, user: { id: number; first_name: string }, text: string) {
  const command = text.split(" ")[0] ?? "";
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: user.id, type: "private", first_name: user.first_name },
      from: { id: user.id, is_bot: false, first_name: user.first_name, language_code: "en" },
      text,
      entities: [{ type: "bot_command", offset: 0, length: command.length }],
    },
  };
}

async function post(proxy: RoundRobinProxy, update: unknown): Promise<number> {
  const response = await fetch(proxy.url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": WEBHOOK_SECRET },
    body: JSON.stringify(update),
  });
  await response.text();
  return response.status;
}

/** The words of the bot's answers to /search in the chat, in the order they arrived. */
function searchReplies(tg: TelegramEmulator, chatId: number): string[] {
  return tg
    .botMessages(chatId)
    .map((m) => /No briefs match (\w+)\.$/.exec(m.text ?? "")?.[1])
    .filter((w): w is string => w !== undefined);
}
