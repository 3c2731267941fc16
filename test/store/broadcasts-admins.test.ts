/** Broadcasts, admins and /stats counts, on every database newsbrief supports. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/index.ts";
import type { Brief } from "../../src/brief/types.ts";
import { forEachDatabase } from "./databases.ts";

const brief: Brief = { title: "Dam breached", sentences: ["A dam was breached."], url: "", source: "", tags: [], status: "ok" };
// A supergroup id past 32 bits: broadcast rows and admins keep Telegram ids whole.
const SUPERGROUP = -1001234567890;

forEachDatabase((database) => {
  let store: Store;
  const t0 = new Date("2026-03-23T10:00:00Z");

  beforeEach(async () => {
    store = await database().open(() => t0);
    for (const id of [1, 2, SUPERGROUP]) await store.chats.touch({ id, type: id > 0 ? "private" : "supergroup" });
  });
  afterEach(() => store.close());

  describe("broadcasts", () => {
    it("creates a broadcast with its rows, claimed ahead of breaking briefs, and drops the unsent part on stop", async () => {
      const payload = { brief, audience: { kind: "all" as const }, urgent: true, locale: "en" as const };
      const deliveries = [1, 2, SUPERGROUP].map((chatId) => ({ chatId, threadId: 0, notBefore: t0, priority: 2 }));
      const broadcast = await store.broadcasts.create({ createdBy: 7, payload, at: t0 }, deliveries);
      expect(broadcast).toMatchObject({ createdBy: 7, payload, status: "running", total: 3, finishedAt: null });
      expect(await store.broadcasts.running()).toHaveLength(1);
      const claimed = await store.outbox.claim("s", t0, new Date(t0.getTime() + 60_000), 1);
      expect(claimed).toMatchObject([{ kind: "broadcast", broadcastId: broadcast.id, articleId: null, priority: 2 }]);
      expect(await store.broadcasts.dropUnsent(broadcast.id, "stopped")).toBe(3);
      await store.broadcasts.finish(broadcast.id, "stopped", { sent: 0, failed: 0 }, t0);
      expect(await store.broadcasts.get(broadcast.id)).toMatchObject({ status: "stopped", finishedAt: t0.toISOString() });
      expect(await store.broadcasts.running()).toEqual([]);
      await store.broadcasts.updatePayload(broadcast.id, { ...payload, status: { chatId: SUPERGROUP, messageId: 3 } });
      expect((await store.broadcasts.get(broadcast.id))?.payload.status).toEqual({ chatId: SUPERGROUP, messageId: 3 });
    });

    it("lists the active chats", async () => {
      await store.chats.setStatus(2, "blocked");
      expect((await store.broadcasts.activeChatIds()).sort((a, b) => a - b)).toEqual([SUPERGROUP, 1]);
    });
  });

  describe("admins", () => {
    it("adds once, lists, removes", async () => {
      expect(await store.admins.add(5_000_000_001, 1)).toBe(true);
      expect(await store.admins.add(5_000_000_001, 1)).toBe(false);
      expect(await store.admins.list()).toEqual([5_000_000_001]);
      expect(await store.admins.remove(5_000_000_001)).toBe(true);
      expect(await store.admins.remove(5_000_000_001)).toBe(false);
      expect(await store.admins.list()).toEqual([]);
    });
  });

  describe("stats and the audit log", () => {
    it("counts chats by kind and status, and followers per topic in active chats", async () => {
      await store.chats.setStatus(2, "blocked");
      for (const chatId of [1, 2, SUPERGROUP]) await store.subscriptions.add({ chatId, threadId: 0 }, { kind: "topic", slug: "china" });
      await store.subscriptions.add({ chatId: SUPERGROUP, threadId: 5 }, { kind: "topic", slug: "china" });
      const chats = (await store.stats.chats()).sort((a, b) => a.type.localeCompare(b.type) || a.status.localeCompare(b.status));
      expect(chats).toEqual([
        { type: "private", status: "active", count: 1 },
        { type: "private", status: "blocked", count: 1 },
        { type: "supergroup", status: "active", count: 1 },
      ]);
      expect(await store.stats.subscribersPerTopic()).toEqual([{ slug: "china", count: 2 }]);
      expect(await store.stats.articlesSince(t0)).toBe(0);
    });

    it("pages the audit log", async () => {
      for (let i = 0; i < 5; i++) await store.audit.record({ action: `a${i}` });
      expect((await store.audit.recent({ limit: 2, offset: 2 })).map((e) => e.action)).toEqual(["a2", "a1"]);
    });
  });
});
