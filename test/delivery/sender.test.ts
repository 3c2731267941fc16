import { afterEach, describe, expect, it } from "vitest";
import { headline, LIMITS, senderWorld } from "./fixture.ts";

let world: Awaited<ReturnType<typeof senderWorld>>;
afterEach(() => world.close());

const chatIds = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe("the sender", () => {
  it("sends every due row once, breaking rows ahead of the queue", async () => {
    world = await senderWorld();
    await world.plan(chatIds(1, 5), { title: "Calm story" });
    await world.plan([9], { title: "BREAKING: Quake", priority: 1 });
    world.makeSender().start();
    await world.at(0);
    await world.at(1000);
    const texts = world.calls.map(headline);
    expect(texts[0]).toBe("BREAKING: Quake");
    expect(texts.slice(1)).toEqual(Array(5).fill("Calm story"));
    expect(await world.store.outbox.unsent()).toBe(0);
  });

  it("never sends a chat more than its one message a second, and never sleeps for it", async () => {
    world = await senderWorld();
    for (let i = 0; i < 3; i++) await world.plan([7], { title: `Story ${i}` });
    world.makeSender().start();
    await world.at(0);
    expect(world.sentTo(7)).toHaveLength(1);
    await world.at(999);
    expect(world.sentTo(7)).toHaveLength(1);
    await world.at(1);
    expect(world.sentTo(7)).toHaveLength(2);
    await world.at(1000);
    expect(world.sentTo(7).map(headline)).toEqual(["Story 0", "Story 1", "Story 2"]);
  });

  it("keeps within the overall rate: 30 a second", async () => {
    world = await senderWorld();
    await world.plan(chatIds(100, 200));
    world.makeSender().start();
    await world.at(0);
    for (let ms = 0; ms < 2000; ms += 50) await world.at(50);
    // No window of one second carries more than the limit, and the sender keeps close to it.
    const stamps = world.calls.map((c) => c.at);
    for (const start of stamps) expect(stamps.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(30);
    expect(stamps.length).toBeGreaterThanOrEqual(55);
  });

  it("turns a 429 into a wait for that chat alone; the others keep going", async () => {
    world = await senderWorld();
    let refused = false;
    world.answerWith((call) => {
      if (Number(call.payload["chat_id"]) === 2 && !refused) {
        refused = true;
        return { ok: false, error_code: 429, description: "Too Many Requests: retry after 5", parameters: { retry_after: 5 } };
      }
      return { ok: true };
    });
    await world.plan([1, 2, 3]);
    world.makeSender().start();
    await world.at(0);
    expect(world.sentTo(1)).toHaveLength(1);
    expect(world.sentTo(3)).toHaveLength(1);
    expect(world.sentTo(2)).toHaveLength(1);
    await world.at(4000);
    expect(world.sentTo(2)).toHaveLength(1);
    await world.at(2000);
    expect(world.sentTo(2)).toHaveLength(2);
    expect(await world.store.outbox.unsent()).toBe(0);
  });

  it("resends to each chat told to wait as soon as its own wait ends, not at the next poll", async () => {
    world = await senderWorld();
    const waits = new Map([[2, 1], [3, 2]]);
    world.answerWith((call) => {
      const wait = waits.get(Number(call.payload["chat_id"]));
      if (wait === undefined) return { ok: true };
      waits.delete(Number(call.payload["chat_id"]));
      return { ok: false, error_code: 429, description: `Too Many Requests: retry after ${wait}`, parameters: { retry_after: wait } };
    });
    await world.plan([1, 2, 3]);
    world.makeSender("one", LIMITS, world.store, { pollMs: 60_000 }).start();
    await world.at(0);
    await world.at(1000);
    expect(world.sentTo(2).map((c) => c.at)).toEqual([0, 1000].map((ms) => world.clock.now().getTime() - 1000 + ms));
    await world.at(1000);
    expect(world.sentTo(3).map((c) => c.at)).toEqual([0, 2000].map((ms) => world.clock.now().getTime() - 2000 + ms));
    expect(await world.store.outbox.unsent()).toBe(0);
  });

  it("pauses everything when most answers are 429s", async () => {
    world = await senderWorld();
    let floods = 6;
    world.answerWith(() => (floods-- > 0 ? { ok: false, error_code: 429, description: "Too Many Requests: retry after 3", parameters: { retry_after: 3 } } : { ok: true }));
    await world.plan(chatIds(1, 12));
    world.makeSender().start();
    for (let ms = 0; ms < 1000; ms += 100) await world.at(100);
    const beforePause = world.calls.length;
    for (let ms = 0; ms < 1500; ms += 100) await world.at(100);
    expect(world.calls.length).toBe(beforePause);
    for (let ms = 0; ms < 4000; ms += 100) await world.at(100);
    expect(await world.store.outbox.unsent()).toBe(0);
    expect(new Set(world.calls.filter((c, i) => i >= 6).map((c) => c.payload["chat_id"])).size).toBe(12);
  });

  it("marks a chat that blocked the bot inactive and drops what waits for it", async () => {
    world = await senderWorld();
    world.answerWith((call) => (Number(call.payload["chat_id"]) === 5 ? { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" } : { ok: true }));
    const first = await world.plan([5, 6]);
    const second = await world.plan([5, 6]);
    world.makeSender().start();
    await world.at(0);
    await world.at(1000);
    expect(world.sentTo(5)).toHaveLength(1);
    expect((await world.store.chats.get(5))?.status).toBe("blocked");
    expect(await world.store.outbox.figures({ articleId: first.id })).toMatchObject({ sent: 1, blocked: 1, pending: 0 });
    expect(await world.store.outbox.figures({ articleId: second.id })).toMatchObject({ sent: 1, blocked: 1, pending: 0 });
  });

  it("marks a group the bot was removed from as left", async () => {
    world = await senderWorld();
    world.answerWith(() => ({ ok: false, error_code: 403, description: "Forbidden: bot was kicked from the group chat" }));
    await world.plan([-100], { type: "group" });
    world.makeSender().start();
    await world.at(0);
    expect((await world.store.chats.get(-100))?.status).toBe("left");
  });

  it("follows a migrated group: chat, subscriptions and the message move to the new id", async () => {
    world = await senderWorld();
    await world.store.chats.touch({ id: -1, type: "group" });
    await world.store.subscriptions.add({ chatId: -1, threadId: 0 }, { kind: "topic", slug: "china" });
    world.answerWith((call) =>
      Number(call.payload["chat_id"]) === -1
        ? { ok: false, error_code: 400, description: "Bad Request: group chat was upgraded to a supergroup chat", parameters: { migrate_to_chat_id: -1001 } }
        : { ok: true },
    );
    const story = await world.plan([-1], { type: "group" });
    world.makeSender().start();
    await world.at(0);
    await world.at(1000);
    expect(world.calls.map((c) => c.payload["chat_id"])).toEqual([-1, -1001]);
    expect(await world.store.chats.get(-1)).toMatchObject({ status: "migrated", migratedTo: -1001 });
    expect((await world.store.subscriptions.forTopic("china")).map((s) => s.chatId)).toEqual([-1001]);
    expect(await world.store.outbox.figures({ articleId: story.id })).toMatchObject({ planned: 1, sent: 1 });
  });

  it("resends a malformed message once as plain text, then gives up on it without holding others", async () => {
    world = await senderWorld();
    world.answerWith((call) => (call.payload["chat_id"] === 1 ? { ok: false, error_code: 400, description: "Bad Request: can't parse entities: Unclosed start tag at byte offset 3" } : { ok: true }));
    const story = await world.plan([1, 2]);
    world.makeSender().start();
    await world.at(0);
    await world.at(1000);
    const toOne = world.sentTo(1);
    expect(toOne).toHaveLength(2);
    expect(toOne[0]!.payload["parse_mode"]).toBe("HTML");
    expect(toOne[1]!.payload["parse_mode"]).toBeUndefined();
    expect(String(toOne[1]!.payload["text"])).not.toMatch(/<b>/);
    expect(world.sentTo(2)).toHaveLength(1);
    expect(await world.store.outbox.figures({ articleId: story.id })).toMatchObject({ sent: 1, failed: 1 });
  });

  it("retries network failures and 5xx answers with growing waits, then fails the row", async () => {
    world = await senderWorld();
    world.answerWith(() => ({ ok: false, error_code: 502, description: "Bad Gateway" }));
    const story = await world.plan([1]);
    world.makeSender().start();
    await world.at(0);
    for (let step = 0; step < 400 && (await world.store.outbox.unsent()) > 0; step++) await world.at(1000);
    expect(world.calls).toHaveLength(8);
    const gaps = world.calls.slice(1).map((c, i) => c.at - world.calls[i]!.at);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThanOrEqual(gaps[i - 1]!);
    expect(gaps.at(-1)!).toBeGreaterThan(gaps[0]! * 20);
    expect(await world.store.outbox.figures({ articleId: story.id })).toMatchObject({ failed: 1, pending: 0 });
  });
});

describe("two processes on one database", () => {
  it("never both send: one holds the lease, the other takes over when it stops", async () => {
    world = await senderWorld();
    const one = world.makeSender("one");
    const two = world.makeSender("two");
    one.start();
    await world.at(0);
    two.start();
    await world.plan(chatIds(1, 20));
    one.nudge();
    two.nudge();
    for (let ms = 0; ms < 500; ms += 100) await world.at(100);
    await one.stop();
    for (let ms = 0; ms < 15_000; ms += 500) await world.at(500);
    const perChat = new Map<unknown, number>();
    for (const call of world.calls) perChat.set(call.payload["chat_id"], (perChat.get(call.payload["chat_id"]) ?? 0) + 1);
    expect([...perChat.values()].every((n) => n === 1)).toBe(true);
    expect(perChat.size).toBe(20);
    expect(new Set(world.calls.map((c) => c.by))).toEqual(new Set(["one", "two"]));
    expect(one.active).toBe(false);
    expect(two.active).toBe(true);
  });

  it("after a crash, sends what was claimed but not confirmed, and nothing Telegram confirmed", async () => {
    world = await senderWorld();
    await world.plan(chatIds(1, 6));
    // A sender that confirmed two rows, claimed the rest and died without a word.
    await world.store.leases.acquire("sender", "dead", 10_000, world.clock.now());
    const claimed = await world.store.outbox.claim("dead", world.clock.now(), new Date(world.clock.now().getTime() + 600_000), 10);
    await world.store.outbox.markSent(claimed.slice(0, 2).map((row) => ({ id: row.id, messageId: 1, sentAt: world.clock.now(), latencyMs: 5 })));
    const next = world.makeSender("next");
    next.start();
    await world.at(0);
    expect(world.calls).toHaveLength(0);
    await world.at(10_000);
    await world.at(1000);
    expect(world.calls.map((c) => c.payload["chat_id"]).sort()).toEqual([3, 4, 5, 6]);
    expect(await world.store.outbox.unsent()).toBe(0);
  });
});
