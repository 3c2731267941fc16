/** Confirming sent deliveries, on every database newsbrief supports (the rest of the outbox: outbox.test.ts). */
import { afterEach, beforeEach, expect, it } from "vitest";
import type { Store } from "../../src/store/index.ts";
import { storeStory } from "../delivery/stories.ts";
import { forEachDatabase } from "./databases.ts";

forEachDatabase((database) => {
  let store: Store;
  const t0 = new Date("2026-11-29T12:00:00Z");

  beforeEach(async () => {
    store = await database().open(() => t0);
    for (const id of [1, 2, 3]) await store.chats.touch({ id, type: "private" });
  });
  afterEach(() => store.close());

  it("marks a batch sent in one go, with message ids past 32 bits and a latency that may be unknown", async () => {
    const story = await storeStory(store);
    await store.outbox.plan(story.id, [1, 2, 3].map((chatId) => ({ chatId, threadId: 0, kind: "brief" as const, notBefore: t0, priority: 0, payload: {} })), t0);
    const claimed = await store.outbox.claim("s1", t0, new Date(t0.getTime() + 60_000), 10);
    expect(claimed).toHaveLength(3);
    const [a, b] = claimed;
    await store.outbox.markSent([
      { id: a!.id, messageId: 5_000_000_001, sentAt: new Date(t0.getTime() + 1500), latencyMs: 1500 },
      { id: b!.id, messageId: 7, sentAt: t0, latencyMs: null },
    ]);
    expect(await store.outbox.figures({ articleId: story.id })).toMatchObject({ planned: 3, sent: 2, pending: 1, latencyMs: { max: 1500 } });
    expect(await store.outbox.unsent()).toBe(1);
  });
});
