/** Delivery under pressure: a 429 storm, a restart mid-delivery, a crashed sender, a person asking mid-broadcast. */
import type { Chat } from "grammy/types";
import { describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/store/index.ts";
import { storeStory } from "../delivery/stories.ts";
import { silentLogger } from "../store/helpers.ts";
import { useTestBot } from "./harness.ts";
import { followers as followersOf } from "./helpers.ts";

const world = useTestBot({ env: { SEND_GLOBAL_PER_SECOND: "30", SEND_LEASE_SECONDS: "2" }, emulator: { flood: {} } });

const followers = (count: number, topic = "china"): Promise<Chat[]> => followersOf(world, count, topic);

const briefCount = (chatId: number) => world.tg.botMessages(chatId).filter((m) => m.text?.startsWith("China story")).length;
const delivered = (chats: Chat[]) => chats.reduce((sum, chat) => sum + briefCount(chat.id), 0);

async function publish(): Promise<number> {
  const story = await storeStory(world.bot.app.store, { title: "China story for everyone", topics: ["china"] });
  world.bot.app.delivery.nudge();
  return story.id;
}

describe("delivery under pressure", () => {
  it("rides out a 429 storm: everything waits as told, then every chat gets the brief once", async () => {
    const chats = await followers(12);
    world.tg.injectFault({ method: "sendMessage", errorCode: 429, description: "Too Many Requests: retry after 1", retryAfter: 1, count: 12 });
    const id = await publish();
    await expect.poll(() => delivered(chats), { timeout: 15_000 }).toBe(12);
    expect(chats.map((c) => briefCount(c.id))).toEqual(chats.map(() => 1));
    expect(world.tg.stats.tooManyRequests).toBeGreaterThanOrEqual(12);
    // Confirmations are recorded in batches just after Telegram's answers: wait for the last batch.
    await expect.poll(async () => (await world.bot.app.store.outbox.figures({ articleId: id })).sent).toBe(12);
    expect(await world.bot.app.store.outbox.figures({ articleId: id })).toMatchObject({ planned: 12, sent: 12, failed: 0 });
  });

  it("answers a person's command while a large delivery is under way", async () => {
    const chats = await followers(90);
    await publish();
    await world.tg.waitForBotMessage(chats[0]!.id);
    world.tg.userSends(chats[0]!, "/help");
    await world.tg.waitForBotMessage(chats[0]!.id, (m) => m.text?.includes("/topics") === true);
    // At 30 messages a second the 90 briefs take three seconds; the answer came well before their end.
    expect(delivered(chats)).toBeLessThan(90);
    await expect.poll(() => delivered(chats), { timeout: 15_000 }).toBe(90);
  });

  it("goes on after a restart mid-delivery without losing or repeating a brief", async () => {
    const chats = await followers(60);
    const id = await publish();
    await expect.poll(() => delivered(chats)).toBeGreaterThan(5);
    await world.restart();
    expect(delivered(chats)).toBeLessThan(60);
    await expect.poll(() => delivered(chats), { timeout: 15_000 }).toBe(60);
    expect(chats.map((c) => briefCount(c.id))).toEqual(chats.map(() => 1));
    await expect.poll(async () => (await world.bot.app.store.outbox.figures({ articleId: id })).sent).toBe(60);
    expect(await world.bot.app.store.outbox.figures({ articleId: id })).toMatchObject({ planned: 60, sent: 60 });
  });

  it("takes over from a sender that died holding the lease and claimed rows, once its lease runs out", async () => {
    const chats = await followers(5);
    await world.bot.stop();
    const store = await openSqliteStore({ path: world.databasePath, logger: silentLogger });
    const story = await storeStory(store, { title: "China story left behind", topics: ["china"] });
    await store.outbox.plan(story.id, chats.map((c) => ({ chatId: c.id, threadId: 0, kind: "brief" as const, notBefore: new Date(), priority: 0, payload: {} })), new Date());
    // A sender took the lease and claimed everything, then was killed.
    expect(await store.leases.acquire("sender", "dead-host/1/x", 2000, new Date())).toBe(true);
    expect(await store.outbox.claim("dead-host/1/x", new Date(), new Date(Date.now() + 600_000), 10)).toHaveLength(5);
    await store.close();

    await world.restart();
    await expect.poll(() => delivered(chats), { timeout: 10_000 }).toBe(5);
    expect(world.bot.logs.find((l) => l.msg === "sender lease taken")).toMatchObject({ released: 5 });
  });
});
