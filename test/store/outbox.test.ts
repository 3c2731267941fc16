import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqliteStore, type PlannedDelivery, type Store } from "../../src/store/index.ts";
import { storeStory } from "../delivery/stories.ts";
import { silentLogger } from "./helpers.ts";

let store: Store;
const t0 = new Date("2026-11-29T12:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const row = (chatId: number, patch: Partial<PlannedDelivery> = {}): PlannedDelivery => ({ chatId, threadId: 0, kind: "brief", notBefore: t0, priority: 0, payload: {}, ...patch });

beforeEach(async () => {
  store = await openSqliteStore({ path: ":memory:", logger: silentLogger, now: () => t0 });
  for (const id of [1, 2, 3, 4, -10, -20]) await store.chats.touch({ id, type: id > 0 ? "private" : "group" });
});
afterEach(() => store.close());

describe("the outbox", () => {
  it("claims due rows, breaking first and then the longest waiting, each once", async () => {
    const a = await storeStory(store);
    const b = await storeStory(store);
    await store.outbox.plan(a.id, [row(1, { notBefore: at(-5000) }), row(2), row(3, { notBefore: at(60_000) })], t0);
    await store.outbox.plan(b.id, [row(4, { priority: 1 })], t0);
    const claimed = await store.outbox.claim("s1", t0, at(600_000), 10);
    expect(claimed.map((r) => [r.chatId, r.priority, r.attempts])).toEqual([[4, 1, 1], [1, 0, 1], [2, 0, 1]]);
    expect(await store.outbox.claim("s2", t0, at(600_000), 10)).toEqual([]);
    expect(await store.outbox.claim("s2", at(60_000), at(600_000), 10)).toMatchObject([{ chatId: 3 }]);
  });

  it("says since when the oldest due row has waited, leaving out rows not yet due and rows sent", async () => {
    expect(await store.outbox.oldestDue(t0)).toBeNull();
    const s = await storeStory(store);
    await store.outbox.plan(s.id, [row(1, { notBefore: at(-5000) }), row(2, { notBefore: at(-60_000) }), row(3, { notBefore: at(60_000) })], t0);
    expect(await store.outbox.oldestDue(t0)).toEqual(at(-60_000));
    const [first] = (await store.outbox.claim("s1", t0, at(600_000), 10)).filter((r) => r.chatId === 2);
    await store.outbox.markSent([{ id: first!.id, messageId: 1, sentAt: t0, latencyMs: 0 }]);
    expect(await store.outbox.oldestDue(t0)).toEqual(at(-5000));
  });

  it("claims a chat's whole digest together", async () => {
    for (let i = 0; i < 3; i++) {
      const s = await storeStory(store);
      await store.outbox.plan(s.id, [row(1, { kind: "digest" }), row(2)], t0);
    }
    const claimed = await store.outbox.claim("s1", t0, at(600_000), 2);
    expect(claimed.filter((r) => r.kind === "digest").map((r) => r.chatId)).toEqual([1, 1, 1]);
  });

  it("gives back what a dead sender held, but never what was confirmed", async () => {
    const s = await storeStory(store);
    await store.outbox.plan(s.id, [row(1), row(2), row(3)], t0);
    const claimed = await store.outbox.claim("dead", t0, at(600_000), 10);
    await store.outbox.markSent([{ id: claimed[0]!.id, messageId: 9, sentAt: at(1500), latencyMs: 1500 }]);
    expect(await store.outbox.releaseClaims("alive", at(2000))).toBe(2);
    expect((await store.outbox.claim("alive", at(2000), at(600_000), 10)).map((r) => r.chatId)).toEqual([2, 3]);
    expect(await store.outbox.releaseClaims("alive", at(3000))).toBe(0);
    // Its own claims too, once they ran out.
    expect(await store.outbox.releaseClaims("alive", at(600_000))).toBe(2);
  });

  it("moves a migrated group's unsent rows, keeping a story the new chat has already once", async () => {
    const s1 = await storeStory(store);
    const s2 = await storeStory(store);
    await store.outbox.plan(s1.id, [row(-10), row(-20)], t0);
    await store.outbox.plan(s2.id, [row(-10)], t0);
    await store.outbox.moveChat(-10, -20);
    expect(await store.outbox.unsent(-10)).toBe(0);
    expect(await store.outbox.unsent(-20)).toBe(2);
    expect(await store.outbox.figures({ articleId: s1.id })).toMatchObject({ planned: 2, pending: 1, blocked: 1 });
  });

  it("counts what happened to a story: sent, failed, blocked, and how long sending took", async () => {
    const s = await storeStory(store);
    await store.outbox.plan(s.id, [row(1), row(2), row(3), row(4)], t0);
    const [r1, r2, r3] = await store.outbox.claim("s", t0, at(600_000), 3);
    await store.outbox.markSent([
      { id: r1!.id, messageId: 1, sentAt: at(1000), latencyMs: 1000 },
      { id: r2!.id, messageId: 2, sentAt: at(3000), latencyMs: 3000 },
    ]);
    await store.outbox.finish([r3!.id], "failed", "400 Bad Request: message thread not found");
    expect(await store.outbox.dropChat(4, "403")).toBe(1);
    expect(await store.outbox.figures({ articleId: s.id })).toEqual({ planned: 4, pending: 0, sent: 2, failed: 1, blocked: 1, latencyMs: { average: 2000, max: 3000 } });
    expect(await store.outbox.figures({ since: at(-1000) })).toMatchObject({ planned: 4, sent: 2 });
    expect(await store.outbox.figures({ since: at(1000) })).toMatchObject({ planned: 0, latencyMs: null });
  });

  it("gives a story's unsent rows the outlets that also reported it", async () => {
    const s = await storeStory(store);
    const copy = await storeStory(store);
    await store.outbox.plan(s.id, [row(1), row(2, { payload: { breaking: true } })], t0);
    const [sent] = await store.outbox.claim("s", t0, at(600_000), 1);
    await store.outbox.markSent([{ id: sent!.id, messageId: 1, sentAt: t0, latencyMs: 0 }]);
    expect(await store.outbox.joinStory(new Map([[s.id, { alsoReportedBy: ["Reuters"] }]]))).toBe(1);
    const [rest] = await store.outbox.claim("s", t0, at(600_000), 5);
    expect(rest!.payload).toEqual({ breaking: true, alsoReportedBy: ["Reuters"] });
    expect((await store.outbox.scopesOf([s.id, copy.id])).sort((a, b) => a.chatId - b.chatId)).toEqual([{ chatId: 1, threadId: 0 }, { chatId: 2, threadId: 0 }]);
  });

  it("gives a chat's waiting rows new times and kinds, leaving rows claimed meanwhile alone", async () => {
    const s = await storeStory(store);
    const later = await storeStory(store);
    await store.outbox.plan(s.id, [row(1, { kind: "digest", notBefore: at(3_600_000) })], t0);
    await store.outbox.plan(later.id, [row(1, { priority: 1 })], t0);
    const waiting = await store.outbox.waiting(1);
    expect(waiting.map((w) => [w.kind, w.priority, w.notBefore])).toEqual([["digest", 0, at(3_600_000)], ["brief", 1, t0]]);
    const [claimed] = await store.outbox.claim("s1", t0, at(600_000), 1);
    expect(claimed?.articleId).toBe(later.id);
    const moves = waiting.map((w) => ({ id: w.id, kind: "brief" as const, notBefore: at(1000) }));
    expect(await store.outbox.retime(moves)).toBe(1);
    expect(await store.outbox.waiting(1)).toMatchObject([{ kind: "brief", notBefore: at(1000) }]);
  });

  it("says when the next waiting row comes due, whatever its priority", async () => {
    expect(await store.outbox.nextDue(t0)).toBeNull();
    const s = await storeStory(store);
    await store.outbox.plan(s.id, [row(1, { notBefore: at(-1000) }), row(2, { notBefore: at(90_000) }), row(3, { notBefore: at(30_000), priority: 1 })], t0);
    expect(await store.outbox.nextDue(t0)).toEqual(at(30_000));
    expect(await store.outbox.nextDue(at(30_000))).toEqual(at(90_000));
    expect(await store.outbox.nextDue(at(90_000))).toBeNull();
  });
});
