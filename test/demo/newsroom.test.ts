/** The local newsroom that the demo and the day's test read: its feeds and pages read as a real newsroom's. */
import { afterEach, describe, expect, it } from "vitest";
import { loadArticles, parseArticle } from "../../demo/newsroom/articles.ts";
import { LocalNewsroom } from "../../demo/newsroom/newsroom.ts";
import { extractArticle } from "../../src/extract/index.ts";
import { parseFeed } from "../../src/ingest/feeds/index.ts";

let newsroom: LocalNewsroom | undefined;
afterEach(async () => {
  await newsroom?.close();
  newsroom = undefined;
});

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  return { status: response.status, etag: response.headers.get("etag"), text: await response.text() };
}

describe("the newsroom's articles", () => {
  it("are the repository's pages: some in Ukrainian, one breaking story that the wire syndicates", () => {
    const articles = loadArticles();
    expect(articles.length).toBeGreaterThanOrEqual(8);
    expect(articles.filter((a) => a.lang === "uk").length).toBeGreaterThanOrEqual(2);
    const breaking = articles.filter((a) => a.breaking);
    expect(breaking).toHaveLength(1);
    expect(breaking[0]).toMatchObject({ site: "post", syndicatedBy: "wire" });
    expect(new Set(articles.map((a) => a.slug)).size).toBe(articles.length);
  });

  it("refuses a page file without the fields it needs, naming the file", () => {
    expect(() => parseArticle("site: post\ntitle: No slug\nwave: 1\n\nText.", "broken.txt")).toThrow(/broken\.txt: missing "slug:"/);
    expect(() => parseArticle("site: moon\nslug: a\ntitle: A\nauthor: B\nsection: C\nwave: 0\n\nText.", "moon.txt")).toThrow(/moon\.txt: site must be one of post, wire/);
  });
});

describe("the newsroom's sites", () => {
  it("serve a feed that grows wave by wave, with a new ETag each time", async () => {
    newsroom = await LocalNewsroom.start();
    const first = await get(newsroom.sites.post.feedUrl);
    const before = parseFeed(first.text, newsroom.sites.post.feedUrl).items.length;
    expect(before).toBeGreaterThan(0);
    expect((await get(newsroom.sites.post.feedUrl, { "if-none-match": first.etag ?? "" })).status).toBe(304);

    const appeared = newsroom.publishNext();
    expect(appeared.length).toBeGreaterThan(0);
    const second = await get(newsroom.sites.post.feedUrl, { "if-none-match": first.etag ?? "" });
    expect(second.status).toBe(200);
    const feed = parseFeed(second.text, newsroom.sites.post.feedUrl);
    expect(feed.title).toBe("Dnipro Evening Post");
    expect(feed.items.length).toBe(before + appeared.length);
    expect(feed.items[0]?.title).toBe(appeared[0]?.title);
  });

  it("serve pages whose article the extractor reads without the debris, and whose blocks become related links", async () => {
    newsroom = await LocalNewsroom.start();
    newsroom.publishNext();
    const [article] = loadArticles().filter((a) => a.wave === 1);
    const url = newsroom.urlOf(article!);
    const page = await get(url);
    expect(page.text).toContain("Advertisement");
    expect(page.text).toContain("JOIN US ON TELEGRAM");
    const { article: read } = extractArticle(page.text, { url, contentType: "text/html; charset=utf-8" });
    expect(read.title).toBe(article!.title);
    // Exactly the paragraphs: no banner, advertisement, section label, correction or publisher blurb.
    expect(read.articleBody).toBe(article!.paragraphs.join("\n\n"));
    expect(read.byline).toBe(article!.author);
    expect(read.links.some((link) => link.kind === "read-next")).toBe(true);
  });

  it("put the breaking story on both outlets, the wire saying whose it is", async () => {
    newsroom = await LocalNewsroom.start();
    for (let wave = 1; wave <= newsroom.lastWave; wave++) newsroom.publishNext();
    const { article } = newsroom.breaking!;
    const wireFeed = parseFeed((await get(newsroom.sites.wire.feedUrl)).text, newsroom.sites.wire.feedUrl);
    expect(wireFeed.items.map((item) => item.title)).toContain(article.title);
    const copy = await get(newsroom.sites.wire.urlOf(article));
    expect(copy.text).toContain("originally published by Dnipro Evening Post");
  });

  it("answer an unknown page with 404", async () => {
    newsroom = await LocalNewsroom.start();
    expect((await get(`${newsroom.sites.post.origin}/news/nothing-here`)).status).toBe(404);
  });
});
