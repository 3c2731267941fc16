/**
 * Two senders claiming from one outbox at once (two processes, two connection pools): every row
 * goes to exactly one of them, and a chat's digest to one of them whole.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { ClaimedDelivery, PlannedDelivery, Store } from "../../src/store/index.ts";
import { storeStory } from "../delivery/stories.ts";
import { forEachDatabase } from "./databases.ts";

const t0 = new Date("2026-11-29T12:00:00Z");
const until = new Date(t0.getTime() + 600_000);
const row = (chatId: number, patch: Partial<PlannedDelivery> = {}): PlannedDelivery => ({ chatId, threadId: 0, kind: "brief", notBefore: t0, priority: 0, payload: {}, ...patch });

/** Claims in batches until the outbox has nothing due left for it. */
async function drain(store: Store, holder: string, batch: number): Promise<ClaimedDelivery[]> {
  const taken: ClaimedDelivery[] = [];
  for (;;) {
    const rows = await store.outbox.claim(holder, t0, until, batch);
    if (rows.length === 0) return taken;
    taken.push(...rows);
  }
}

forEachDatabase((database, dialect) => {
  const stores: Store[] = [];
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
  });
  const open = async () => {
    const store = await database().open(() => t0);
    stores.push(store);
    return store;
  };

  describe("two claimers at once", () => {
    it("take disjoint rows, all of them, and each digest chat whole", async () => {
      const a = await open();
      const b = await open();
      const chats = Array.from({ length: 300 }, (_, i) => i + 1);
      for (const id of chats) await a.chats.touch({ id, type: "private" });
      // Chats 1–40 take digests (three stories each); every chat gets briefs and some breaking rows.
      for (let story = 0; story < 3; story++) {
        const s = await storeStory(a);
        await a.outbox.plan(
          s.id,
          chats.map((id) => row(id, { kind: id <= 40 ? "digest" : "brief", priority: story === 0 && id % 7 === 0 ? 1 : 0 })),
          t0,
        );
      }
      const [fromA, fromB] = await Promise.all([drain(a, "a", 37), drain(b, "b", 23)]);
      const ids = [...fromA, ...fromB].map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(900);
      const digestOwners = new Map<number, Set<string>>();
      for (const [holder, rows] of [["a", fromA], ["b", fromB]] as const) {
        for (const r of rows.filter((x) => x.kind === "digest")) digestOwners.set(r.chatId, (digestOwners.get(r.chatId) ?? new Set()).add(holder));
      }
      expect(digestOwners.size).toBe(40);
      expect([...digestOwners.values()].every((owners) => owners.size === 1)).toBe(true);
      if (dialect === "postgres") {
        // Both really claimed: SKIP LOCKED lets them work side by side rather than one after the other.
        expect(fromA.length).toBeGreaterThan(0);
        expect(fromB.length).toBeGreaterThan(0);
      }
    });

    it("confirm what they sent, message ids beyond 32 bits included", async () => {
      const a = await open();
      for (const id of [1, 2]) await a.chats.touch({ id, type: "private" });
      const s = await storeStory(a);
      await a.outbox.plan(s.id, [row(1), row(2)], t0);
      // No more than asked for: one, then the other.
      const claimed = [...(await a.outbox.claim("a", t0, until, 1)), ...(await a.outbox.claim("a", t0, until, 1))];
      expect(claimed.map((r) => r.chatId)).toEqual([1, 2]);
      await a.outbox.markSent(claimed.map((r, i) => ({ id: r.id, messageId: 2 ** 40 + i, sentAt: t0, latencyMs: i === 0 ? 1500 : null })));
      expect(await a.outbox.figures({ articleId: s.id })).toMatchObject({ sent: 2, pending: 0, latencyMs: { average: 1500, max: 1500 } });
    });

    if (dialect !== "postgres") return;

    it("skips rows another claimer holds locked instead of waiting for them (PostgreSQL)", async () => {
      const store = await open();
      for (const id of [1, 2, 3, 4]) await store.chats.touch({ id, type: "private" });
      const s = await storeStory(store);
      await store.outbox.plan(s.id, [1, 2, 3, 4].map((id) => row(id)), t0);
      const db = await database().kysely();
      try {
        await db.transaction().execute(async (trx) => {
          // Another sender mid-claim: the two oldest rows locked, its transaction still open.
          const locked = await trx.selectFrom("outbox").select("id").orderBy("id").limit(2).forUpdate().execute();
          expect(locked).toHaveLength(2);
          // Without SKIP LOCKED this claim would wait for the transaction above, which waits for it.
          const claimed = await store.outbox.claim("other", t0, until, 10);
          expect(claimed.map((r) => r.chatId).sort()).toEqual([3, 4]);
        });
      } finally {
        await db.destroy();
      }
      expect((await store.outbox.claim("other", t0, until, 10)).map((r) => r.chatId).sort()).toEqual([1, 2]);
    });
  });
});
