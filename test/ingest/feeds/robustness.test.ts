import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FeedParseError, looksLikeFeed, parseFeed } from "../../../src/ingest/feeds/index.ts";
import { fixture } from "./fixtures.ts";

const FEEDS = ["rss2.xml", "rdf.xml", "atom.xml", "atom-prefixed.xml", "feed.json", "malformed.xml"].map(fixture);

/** parseFeed's contract: a ParsedFeed or a FeedParseError, never anything else. Seeded: the same cases every run. */
function parsesOrExplains(text: string): void {
  try {
    const feed = parseFeed(text, "https://feeds.example.com/x/feed");
    for (const item of feed.items) {
      expect(item.url ?? item.guid ?? item.title).toBeTruthy();
      if (item.url) expect(item.url).toMatch(/^https?:\/\//);
    }
  } catch (error) {
    expect(error).toBeInstanceOf(FeedParseError);
    expect((error as Error).message).not.toMatch(/\n/);
  }
  looksLikeFeed(text);
}

describe("parseFeed on damaged input", () => {
  it("returns a feed or a FeedParseError for any text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), parsesOrExplains), { numRuns: 300, seed: 20261129 });
  });

  it("returns a feed or a FeedParseError for every fixture cut short or with bytes spliced in", () => {
    const damaged = fc
      .tuple(fc.constantFrom(...FEEDS), fc.nat(), fc.nat(), fc.string({ maxLength: 12 }))
      .map(([text, a, b, junk]) => {
        const cut = a % (text.length + 1);
        const at = b % (cut + 1);
        return text.slice(0, at) + junk + text.slice(at, cut);
      });
    fc.assert(fc.property(damaged, parsesOrExplains), { numRuns: 300, seed: 20261129 });
  });

  it("survives JSON Feed fields of the wrong type", () => {
    const odd = JSON.stringify({
      version: "https://jsonfeed.org/version/1.1",
      title: 12,
      hubs: "https://hub.example/",
      items: [
        { id: 7, url: 42, title: ["x"], tags: "news", authors: { name: "A" }, date_published: 1700000000, image: {} },
        null,
        "string item",
        { id: "ok", url: "https://json.example/ok", title: "Fine" },
      ],
    });
    parsesOrExplains(odd);
    const feed = parseFeed(odd, "https://json.example/feed.json");
    expect(feed.items.some((item) => item.url === "https://json.example/ok" && item.title === "Fine")).toBe(true);
  });
});
