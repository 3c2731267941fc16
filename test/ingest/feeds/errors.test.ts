import { describe, expect, it } from "vitest";
import { FeedParseError, looksLikeFeed, parseFeed } from "../../../src/ingest/feeds/index.ts";
import { fixture } from "./fixtures.ts";

function errorOf(text: string): FeedParseError {
  try {
    parseFeed(text, "https://example.com/feed");
  } catch (error) {
    if (error instanceof FeedParseError) return error;
    throw error;
  }
  throw new Error("parseFeed did not throw");
}

describe("parseFeed: documents that are not feeds", () => {
  it("names an HTML page as such", () => {
    expect(errorOf(fixture("page.html")).message).toBe("not a feed: the document is an HTML page");
  });

  it("says the document is empty (whitespace and a byte-order mark count as empty)", () => {
    expect(errorOf("").message).toBe("empty document");
    expect(errorOf("\ufeff  \n ").message).toBe("empty document");
  });

  it("explains JSON that is broken or is not a JSON Feed", () => {
    expect(errorOf('{"version": "https://jsonfeed.org/version/1.1", ').message).toMatch(/^not a feed: invalid JSON \(.+\)$/);
    expect(errorOf('{"data": [1, 2]}').message).toBe("not a feed: JSON without a JSON Feed version and items");
  });

  it("names the root of XML that is no feed, and an OPML file", () => {
    expect(errorOf('<?xml version="1.0"?><sitemap><url/></sitemap>').message).toBe(
      "not a feed: XML whose root is <sitemap>, not <rss>, <feed> or <rdf:RDF>",
    );
    expect(errorOf(fixture("subscriptions.opml")).message).toBe("not a feed: the document is an OPML subscription list");
  });

  it("rejects plain text", () => {
    expect(errorOf("404 Not Found").message).toBe("not a feed: the document is neither XML nor JSON");
  });

  it("refuses an external entity (no file is read) and never expands internal ones", () => {
    const external = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
      <rss version="2.0"><channel><title>&xxe;</title></channel></rss>`;
    expect(errorOf(external).message).toMatch(/^not a feed: invalid XML \(.*external entities.*\)$/i);
    const laughs = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
      <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss version="2.0"><channel><title>&c;</title>
      <item><title>Kept</title><link>https://x.example/1</link></item></channel></rss>`;
    const feed = parseFeed(laughs, "https://x.example/rss");
    expect(feed.title?.length ?? 0).toBeLessThan(20);
    expect(feed.items.map((item) => item.title)).toEqual(["Kept"]);
  });

  it("messages are one line", () => {
    for (const text of ["", "<html><body>x</body></html>", "{oops", "plain"]) expect(errorOf(text).message).not.toMatch(/\n/);
  });
});

describe("looksLikeFeed", () => {
  it("is true for every feed format", () => {
    for (const name of ["rss2.xml", "rdf.xml", "atom.xml", "atom-prefixed.xml", "feed.json", "malformed.xml"]) {
      expect(looksLikeFeed(fixture(name)), name).toBe(true);
    }
  });

  it("is false for a page (even one that mentions <rss>), OPML, other JSON and empty text", () => {
    expect(looksLikeFeed(fixture("page.html"))).toBe(false);
    expect(looksLikeFeed(fixture("subscriptions.opml"))).toBe(false);
    expect(looksLikeFeed('{"data": []}')).toBe(false);
    expect(looksLikeFeed("")).toBe(false);
  });
});
