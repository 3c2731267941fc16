import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Brief } from "../../src/brief/index.ts";
import type { NewArticle, Store } from "../../src/store/index.ts";
import { forEachDatabase } from "./databases.ts";

forEachDatabase((database) => {
  let store: Store;
  let now: Date;

  beforeEach(async () => {
    now = new Date("2026-03-01T08:00:00Z");
    store = await database().open(() => now);
  });
  afterEach(() => store.close());

  const brief = (title: string): Brief => ({ title, sentences: ["One."], url: "https://a.example/x", source: "A", tags: [], status: "ok" });

  function article(overrides: Partial<NewArticle> = {}): NewArticle {
    const title = overrides.title ?? "A story";
    return {
      sourceId: null,
      url: "https://a.example/x",
      title,
      body: "Body text.",
      brief: brief(title),
      textFrom: "page",
      contentHash: "hash-1",
      fingerprint: "0123456789abcdef",
      deliver: true,
      topics: [{ slug: "china", confidence: 0.9 }],
      links: [{ url: "https://a.example/y", title: "Y", kind: "read-next" }],
      ...overrides,
    };
  }

  describe("sources", () => {
    it("adds a feed once, lists it, and is due until polled", async () => {
      const first = await store.sources.add({ name: "A", feedUrl: "https://a.example/feed", format: "rss", pollIntervalS: 300, defaultTopics: ["china"] });
      const again = await store.sources.add({ name: "A again", feedUrl: "https://a.example/feed", format: "rss", pollIntervalS: 60 });
      expect(first.created).toBe(true);
      expect(again).toEqual({ source: first.source, created: false });
      expect(first.source.defaultTopics).toEqual(["china"]);
      expect((await store.sources.due(now, 10)).map((s) => s.id)).toEqual([first.source.id]);

      await store.sources.recordSuccess(first.source.id, { at: now, nextPollAt: new Date(now.getTime() + 300_000), etag: '"v1"' });
      expect(await store.sources.due(now, 10)).toEqual([]);
      expect((await store.sources.due(new Date(now.getTime() + 300_000), 10)).map((s) => s.id)).toEqual([first.source.id]);
      await store.sources.setEnabled(first.source.id, false);
      expect(await store.sources.due(new Date(now.getTime() + 300_000), 10)).toEqual([]);
    });

    it("counts failures in a row from when they began, and clears them on success", async () => {
      const { source } = await store.sources.add({ name: "A", feedUrl: "https://a.example/feed", format: "rss", pollIntervalS: 300 });
      await store.sources.recordFailure(source.id, { at: now, nextPollAt: now, error: "HTTP 503" });
      const later = new Date(now.getTime() + 60_000);
      const failing = await store.sources.recordFailure(source.id, { at: later, nextPollAt: later, error: "timed out" });
      expect(failing).toMatchObject({ failures: 2, failingSince: now.toISOString(), lastError: "timed out" });
      const ok = await store.sources.recordSuccess(source.id, { at: later, nextPollAt: later });
      expect(ok).toMatchObject({ failures: 0, failingSince: null, lastError: null, lastSuccessAt: later.toISOString() });
    });
  });

  describe("articles", () => {
    it("stores an article with its topics and finds it by URL, by guid in its source, or by text in its source", async () => {
      const { source } = await store.sources.add({ name: "A", feedUrl: "https://a.example/feed", format: "rss", pollIntervalS: 300 });
      const { source: other } = await store.sources.add({ name: "B", feedUrl: "https://b.example/feed", format: "rss", pollIntervalS: 300 });
      const stored = await store.articles.insert(article({ sourceId: source.id, guid: "g1" }), null);
      expect(stored).toMatchObject({ sourceName: "A", deliver: true, plannedAt: null, topics: [{ slug: "china", confidence: 0.9 }] });
      expect((await store.articles.findExisting({ url: "https://a.example/x", sourceId: null }))?.id).toBe(stored.id);
      expect((await store.articles.findExisting({ url: "https://a.example/other", sourceId: source.id, guid: "g1" }))?.id).toBe(stored.id);
      expect((await store.articles.findExisting({ url: "https://a.example/other", sourceId: source.id, contentHash: "hash-1" }))?.id).toBe(stored.id);
      // The same guid or text in another source is another outlet's article, not this one.
      expect(await store.articles.findExisting({ url: "https://b.example/x", sourceId: other.id, guid: "g1", contentHash: "hash-1" })).toBeUndefined();
    });

    it("stores a page's stray NUL characters as nothing, where PostgreSQL would refuse the whole story", async () => {
      const stored = await store.articles.insert(
        article({ title: "Head\u0000line", body: "Body\u0000 text.", links: [{ url: "https://a.example/y", title: "Y\u0000", kind: "read-next" }] }),
        null,
      );
      expect(stored).toMatchObject({ title: "Headline", body: "Body text.", brief: { title: "Head\u0000line" } });
      expect((await store.articles.findExisting({ url: "https://a.example/x", sourceId: null }))?.body).toBe("Body text.");
    });

    it("archives without planning, and hands new stories to the planner once", async () => {
      const archived = await store.articles.insert(article({ url: "https://a.example/1", deliver: false }), null);
      const fresh = await store.articles.insert(article({ url: "https://a.example/2" }), null);
      expect(archived.plannedAt).not.toBeNull();
      expect((await store.articles.unplanned(10)).map((a) => a.id)).toEqual([fresh.id]);
      await store.articles.markPlanned([fresh.id], now);
      expect(await store.articles.unplanned(10)).toEqual([]);
    });

    it("updates an edited article in place, replacing its topics and links and keeping its delivery state", async () => {
      const stored = await store.articles.insert(article(), null);
      await store.articles.markPlanned([stored.id], now);
      const updated = await store.articles.update(stored.id, article({ title: "Edited", topics: [{ slug: "russia", confidence: 0.7 }], deliver: true }));
      expect(updated).toMatchObject({ title: "Edited", plannedAt: now.toISOString(), topics: [{ slug: "russia", confidence: 0.7 }] });
      expect(await store.articles.count()).toBe(1);
    });

    it("groups another outlet's copy of a story", async () => {
      const first = await store.articles.insert(article({ url: "https://a.example/1" }), null);
      const group = await store.articles.createStoryGroup(first.title);
      await store.articles.setStoryGroup(first.id, group);
      const second = await store.articles.insert(article({ url: "https://b.example/1" }), group);
      expect((await store.articles.inStoryGroup(group)).map((a) => a.id)).toEqual([first.id, second.id]);
      const recent = await store.articles.fingerprintsAfter(0, new Date(now.getTime() - 1000), 10);
      expect(recent.map((r) => [r.id, r.storyGroupId])).toEqual([[first.id, group], [second.id, group]]);
      expect((await store.articles.fingerprintsAfter(first.id, new Date(0), 10)).map((r) => r.id)).toEqual([second.id]);
      expect((await store.articles.fingerprintsAfter(0, new Date(0), 1)).map((r) => r.id)).toEqual([second.id]);
    });
  });

  describe("leases", () => {
    it("gives a job to one holder until its lease lapses, then to another", async () => {
      expect(await store.leases.acquire("sender", "a", 10_000, now)).toBe(true);
      expect(await store.leases.acquire("sender", "b", 10_000, now)).toBe(false);
      expect(await store.leases.acquire("sender", "a", 10_000, new Date(now.getTime() + 5_000))).toBe(true);
      expect(await store.leases.acquire("sender", "b", 10_000, new Date(now.getTime() + 14_000))).toBe(false);
      expect(await store.leases.acquire("sender", "b", 10_000, new Date(now.getTime() + 15_000))).toBe(true);
      await store.leases.release("sender", "b");
      expect(await store.leases.acquire("sender", "a", 10_000, new Date(now.getTime() + 15_000))).toBe(true);
    });
  });
});
