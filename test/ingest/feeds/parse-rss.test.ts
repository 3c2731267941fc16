import { describe, expect, it } from "vitest";
import { parseFeed } from "../../../src/ingest/feeds/index.ts";
import { fixture } from "./fixtures.ts";

const FEED_URL = "https://news.example.org/feeds/world.xml";

describe("parseFeed: RSS 2.0", () => {
  const feed = parseFeed(fixture("rss2.xml"), FEED_URL);

  it("reads the channel: plain-text title, absolute site URL, language, ttl, WebSub hub and self link", () => {
    expect(feed).toMatchObject({
      format: "rss",
      title: "Example News & Views: World",
      siteUrl: "https://news.example.org/world/",
      language: "en-gb",
      description: "World news from Example News",
      ttlMinutes: 30,
      hubs: ["https://pubsubhubbub.example.net/"],
      selfUrl: "https://news.example.org/feeds/world.xml",
    });
  });

  it("keeps every identifiable item in feed order and skips the one with no link, guid or title", () => {
    expect(feed.items.map((item) => item.title ?? item.url)).toEqual([
      "Rivers rise across Central Europe & towns evacuate",
      "Talks resume in Geneva",
      "https://news.example.org/world/permalink-only",
      "Live: markets open lower",
    ]);
  });

  it("resolves a relative link and image against the item's xml:base and keeps full text from content:encoded", () => {
    expect(feed.items[0]).toEqual({
      guid: "example-news-48213",
      url: "https://news.example.org/europe/2026/11/rivers-rise.html?utm_source=rss",
      title: "Rivers rise across Central Europe & towns evacuate",
      summaryText: "Floodwater reached the old town of Passau on Monday.",
      contentHtml:
        "<p>Floodwater reached the old town of <b>Passau</b> on Monday.</p><p>Officials said the Danube would crest overnight.</p>",
      published: "2026-11-23T07:30:00Z",
      authors: ["Anna Weber"],
      categories: ["Europe", "Weather"],
      image: "https://news.example.org/europe/img/passau-flood.jpg",
    });
  });

  it("converts an RFC 822 date with a named zone to UTC, takes the author's name and an image enclosure", () => {
    const item = feed.items[1];
    expect(item?.url).toBe("https://news.example.org/world/geneva-talks");
    expect(item?.published).toBe("2026-11-22T23:05:00Z");
    expect(item?.authors).toEqual(["World Desk"]);
    expect(item?.image).toBe("https://cdn.example.org/geneva.png");
  });

  it("uses a permalink guid as the URL and leaves an unparseable date undefined", () => {
    const item = feed.items[2];
    expect(item?.url).toBe("https://news.example.org/world/permalink-only");
    expect(item?.published).toBeUndefined();
  });

  it("keeps an item that has only a headline", () => {
    expect(feed.items[3]).toEqual({ title: "Live: markets open lower", authors: [], categories: [] });
  });

  it("resolves relative links against the feed URL when there is no xml:base", () => {
    const xml = `<rss version="2.0"><channel><title>T</title><link>/</link>
      <item><title>Relative</title><link>../stories/1.html</link></item></channel></rss>`;
    const parsed = parseFeed(xml, "https://site.example/feeds/main.xml");
    expect(parsed.siteUrl).toBe("https://site.example/");
    expect(parsed.items[0]?.url).toBe("https://site.example/stories/1.html");
  });

  it("strips tags from titles and summaries but keeps a bare '<', and never keeps script text", () => {
    const xml = `<rss version="2.0"><channel><title>T</title><item><link>https://x.example/1</link>
      <title>AT&amp;T &lt; Verizon: is a&lt;b? &lt;em&gt;Analysis&lt;/em&gt;</title>
      <description>&lt;script&gt;alert(1)&lt;/script&gt;&lt;p&gt;Prices &amp;amp; plans&lt;/p&gt;</description></item></channel></rss>`;
    const [item] = parseFeed(xml, "https://x.example/rss").items;
    expect(item?.title).toBe("AT&T < Verizon: is a<b? Analysis");
    expect(item?.summaryText).toBe("Prices & plans");
  });

  it("keeps all 600 items of a long feed, in order", () => {
    const items = Array.from(
      { length: 600 },
      (_, i) => `<item><title>Story ${i + 1}</title><link>/s/${i + 1}</link><pubDate>Mon, 01 Jan 2001 00:00:00 GMT</pubDate></item>`,
    ).join("");
    const parsed = parseFeed(`<rss version="2.0"><channel><title>Archive</title>${items}</channel></rss>`, "https://a.example/rss");
    expect(parsed.items).toHaveLength(600);
    expect(parsed.items[0]?.url).toBe("https://a.example/s/1");
    expect(parsed.items[599]?.title).toBe("Story 600");
  });
});

describe("parseFeed: malformed XML", () => {
  it("reads a feed with a bare '&', '&nbsp;' and an unclosed <br>, losing no item", () => {
    const feed = parseFeed(fixture("malformed.xml"), "https://malformed.example.com/rss");
    expect(feed.title).toBe("Tom & Jerry News");
    expect(feed.items).toEqual([
      {
        url: "https://malformed.example.com/a?x=1&y=2",
        title: "Fish & chips prices rise",
        summaryText: "First line second line © 2026",
        authors: [],
        categories: [],
      },
      { url: "https://malformed.example.com/b", title: "Second item survives", authors: [], categories: [] },
    ]);
  });
});
