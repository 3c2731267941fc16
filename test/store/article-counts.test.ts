/** Stories per source, as /sources shows them. */
import { afterEach, beforeEach, expect, it } from "vitest";
import type { NewArticle, Store } from "../../src/store/index.ts";
import { forEachDatabase } from "./databases.ts";

forEachDatabase((database) => {
  let store: Store;
  beforeEach(async () => {
    store = await database().open(() => new Date("2026-03-01T08:00:00Z"));
  });
  afterEach(() => store.close());

  function article(sourceId: number | null, n: number): NewArticle {
    const title = `Story ${n}`;
    return {
      sourceId,
      url: `https://a.example/${n}`,
      title,
      body: "Body text.",
      brief: { title, sentences: ["One."], url: `https://a.example/${n}`, source: "A", tags: [], status: "ok" },
      textFrom: "page",
      contentHash: `hash-${n}`,
      fingerprint: null,
      deliver: false,
      topics: [],
      links: [],
    };
  }

  it("counts the stories of each source asked for, and none for a source without any", async () => {
    const a = (await store.sources.add({ name: "A", feedUrl: "https://a.example/feed", format: "rss", pollIntervalS: 300 })).source;
    const b = (await store.sources.add({ name: "B", feedUrl: "https://b.example/feed", format: "rss", pollIntervalS: 300 })).source;
    const c = (await store.sources.add({ name: "C", feedUrl: "https://c.example/feed", format: "rss", pollIntervalS: 300 })).source;
    for (let n = 1; n <= 3; n++) await store.articles.insert(article(a.id, n), null);
    await store.articles.insert(article(b.id, 4), null);
    await store.articles.insert(article(null, 5), null);
    expect(await store.articles.countBySource([a.id, c.id])).toEqual(new Map([[a.id, 3]]));
    expect(await store.articles.countBySource([a.id, b.id, c.id])).toEqual(new Map([[a.id, 3], [b.id, 1]]));
    expect(await store.articles.countBySource([])).toEqual(new Map());
    // A removed source's stories stay in the archive, no longer counted as anyone's.
    await store.sources.remove(a.id);
    expect(await store.articles.countBySource([a.id])).toEqual(new Map());
    expect(await store.articles.count()).toBe(5);
  });
});
