import { describe, expect, it } from "vitest";
import { OpmlParseError, buildOpml, parseOpml } from "../../../src/ingest/feeds/index.ts";
import { fixture } from "./fixtures.ts";

describe("parseOpml", () => {
  it("flattens nested outlines with the enclosing folder as category, skipping repeated URLs and keeping bad ones for the importer to refuse", () => {
    expect(parseOpml(fixture("subscriptions.opml"))).toEqual([
      {
        feedUrl: "https://news.example.org/feeds/world.xml",
        title: "Example News: World",
        siteUrl: "https://news.example.org/world/",
        category: "News",
      },
      { feedUrl: "https://euro.example.eu/rss", title: "Euro Daily", category: "Europe" },
      { feedUrl: "https://science.example.com/rss", title: "Science Daily Example", category: "Space" },
      { feedUrl: "not a url", title: "Broken" },
    ]);
  });

  it("refuses documents that are not OPML with a clear message", () => {
    expect(() => parseOpml("")).toThrow(new OpmlParseError("empty document"));
    expect(() => parseOpml(fixture("rss2.xml"))).toThrow("not an OPML file: the document has no <opml> root element");
    expect(() => parseOpml("<opml><body><outline")).toThrow(/^not an OPML file: invalid XML \(.+\)$/);
  });
});

describe("buildOpml", () => {
  it("writes OPML 2.0 that parseOpml reads back to the same sources", () => {
    const sources = [
      { name: "Example News & Views", feedUrl: "https://news.example.org/feeds/world.xml", siteUrl: "https://news.example.org/", category: "World" },
      { name: "Science \"Daily\" <Example>", feedUrl: "https://science.example.com/rss", siteUrl: null },
      { name: "Euro Daily", feedUrl: "https://euro.example.eu/rss?lang=en&edition=eu", category: "World" },
    ];
    const xml = buildOpml("newsbrief sources", sources);
    expect(xml).toMatch(/<opml version="2.0">/);
    expect(xml).toContain("<title>newsbrief sources</title>");
    const back = parseOpml(xml);
    expect(back).toHaveLength(3);
    expect(back).toEqual(
      expect.arrayContaining([
        { title: "Example News & Views", feedUrl: "https://news.example.org/feeds/world.xml", siteUrl: "https://news.example.org/", category: "World" },
        { title: "Science \"Daily\" <Example>", feedUrl: "https://science.example.com/rss" },
        { title: "Euro Daily", feedUrl: "https://euro.example.eu/rss?lang=en&edition=eu", category: "World" },
      ]),
    );
  });
});
