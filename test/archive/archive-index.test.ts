import { afterEach, describe, expect, it } from "vitest";
import { ArchiveIndex } from "../../src/archive/archive-index.ts";
import { searchArchive } from "../../src/archive/related.ts";
import { openSqliteStore, type Store } from "../../src/store/index.ts";
import { silentLogger } from "../store/helpers.ts";

let store: Store;
afterEach(() => store?.close());

async function add(title: string, body: string, publishedAt: string) {
  return store.articles.insert(
    { sourceId: null, url: `https://example.com/${encodeURIComponent(title)}`, title, body, brief: { title, sentences: [], url: "", source: "", tags: [], status: "no-text" }, textFrom: "feed", contentHash: null, fingerprint: null, deliver: false, topics: [], links: [], publishedAt },
    null,
  );
}

describe("ArchiveIndex", () => {
  it("loads the stored archive in batches and catches up with stories stored later", async () => {
    store = await openSqliteStore({ path: ":memory:", logger: silentLogger });
    const grain = await add("Grain deal talks resume in Istanbul", "Ukraine and Russia resume grain deal talks in Istanbul.", "2026-03-01T10:00:00Z");
    for (let i = 0; i < 5; i++) await add(`Budget vote ${i}`, `Parliament votes on budget number ${i}.`, "2026-03-01T10:00:00Z");
    const index = new ArchiveIndex({ store, logger: silentLogger, now: () => new Date("2026-03-02T00:00:00Z"), maxArticles: 1000, batch: 2 });
    await index.start();
    expect(index.size).toBe(6);

    const later = await add("Istanbul grain deal talks stall", "The grain deal talks in Istanbul stalled on Tuesday.", "2026-03-02T09:00:00Z");
    expect((await index.relatedTo(grain.id, 3)).map((h) => h.articleId)).toEqual([later.id]);
    expect(index.size).toBe(7);
    // /search: stories holding every word, newest first.
    expect((await searchArchive({ store, index }, "grain Istanbul", 10)).map((a) => a.id)).toEqual([later.id, grain.id]);
  });

  it("keeps only the newest stories when the archive is larger than its limit", async () => {
    store = await openSqliteStore({ path: ":memory:", logger: silentLogger });
    for (let i = 0; i < 5; i++) await add(`Story ${i}`, `Words of story ${i}.`, "2026-03-01T10:00:00Z");
    const index = new ArchiveIndex({ store, logger: silentLogger, now: () => new Date(), maxArticles: 3, batch: 2 });
    await index.start();
    expect(index.size).toBe(3);
  });
});
