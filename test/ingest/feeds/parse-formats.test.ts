import { describe, expect, it } from "vitest";
import { parseFeed } from "../../../src/ingest/feeds/index.ts";
import { fixture } from "./fixtures.ts";

describe("parseFeed: RSS 1.0 / RDF", () => {
  const feed = parseFeed(fixture("rdf.xml"), "https://science.example.com/rss");

  it("reads dc:date, dc:creator and dc:subject, and the syndication module's poll interval", () => {
    expect(feed.format).toBe("rdf");
    expect(feed.ttlMinutes).toBe(15);
    expect(feed.language).toBe("en");
    expect(feed.items[0]).toEqual({
      guid: "https://science.example.com/2026/comet",
      url: "https://science.example.com/2026/comet",
      title: "A comet brightens unexpectedly",
      summaryText: "Astronomers saw the comet flare tenfold.",
      published: "2026-11-20T20:15:00Z",
      authors: ["Lee Park"],
      categories: ["Astronomy"],
    });
    expect(feed.items[1]?.published).toBe("2026-11-19T00:00:00Z");
  });
});

describe("parseFeed: Atom", () => {
  const feed = parseFeed(fixture("atom.xml"), "https://blog.example.net/tech/feed.atom");

  it("reads the feed: html title as text, xml:lang, hub and self against xml:base", () => {
    expect(feed).toMatchObject({
      format: "atom",
      title: "Tech & Gesellschaft",
      siteUrl: "https://blog.example.net/tech/",
      language: "de",
      description: "Notes on technology",
      hubs: ["https://websub.example.com/hub"],
      selfUrl: "https://blog.example.net/tech/feed.atom",
    });
  });

  it("resolves entry links through nested xml:base and keeps xhtml content", () => {
    expect(feed.items[0]).toEqual({
      guid: "tag:blog.example.net,2026:post-17",
      url: "https://blog.example.net/tech/posts/small-models.html",
      title: "Why small models win",
      summaryText: "Smaller models are cheaper & faster.",
      contentHtml: "<p>Smaller models are <strong>cheaper</strong>.</p>",
      published: "2026-11-24T07:30:00Z",
      updated: "2026-11-24T09:00:00Z",
      authors: ["Jonas Müller"],
      categories: ["Machine learning"],
      image: "https://blog.example.net/img/small.jpg",
    });
  });

  it("uses an id that is a URL as the link, and escapes text content into HTML", () => {
    expect(feed.items[1]).toMatchObject({
      url: "https://blog.example.net/tech/posts/no-link",
      contentHtml: "<p>Plain text body &lt;not a tag&gt;</p>",
      published: "2026-11-23T08:00:00Z",
    });
  });

  it("reads a prefixed <a:feed> the same way", () => {
    const prefixed = parseFeed(fixture("atom-prefixed.xml"), "https://prefixed.example.com/feed");
    expect(prefixed.format).toBe("atom");
    expect(prefixed.hubs).toEqual(["https://hub.example.com/"]);
    expect(prefixed.items).toEqual([
      {
        guid: "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a",
        url: "https://prefixed.example.com/entries/1",
        title: "Prefixed entry",
        published: "2026-11-24T10:00:00Z",
        updated: "2026-11-24T10:00:00Z",
        authors: [],
        categories: [],
      },
    ]);
  });
});

describe("parseFeed: JSON Feed 1.1", () => {
  const feed = parseFeed(fixture("feed.json"), "https://json.example.com/feed.json");

  it("reads hubs, the home page and the items with tags as categories", () => {
    expect(feed).toMatchObject({
      format: "json",
      title: "Example JSON Feed",
      siteUrl: "https://json.example.com/",
      language: "uk",
      hubs: ["https://hub.json.example.com/"],
      selfUrl: "https://json.example.com/feed.json",
    });
    expect(feed.items[0]).toEqual({
      guid: "2026-11-24-budget",
      url: "https://json.example.com/stories/budget",
      title: "Parliament passes the budget",
      summaryText: "The vote was 260 to 90.",
      contentHtml: "<p>The budget passed with 260 votes.</p>",
      published: "2026-11-24T10:00:00Z",
      updated: "2026-11-24T11:00:00Z",
      authors: ["Olena Shevchenko"],
      categories: ["Politics", "Economy"],
      image: "https://json.example.com/img/budget.jpg",
    });
  });

  it("reads a JSON Feed 1.0 author", () => {
    const json = JSON.stringify({
      version: "https://jsonfeed.org/version/1",
      title: "Old",
      items: [{ id: "a", url: "https://old.example/a", title: "A", author: { name: "Ida Old" } }],
    });
    expect(parseFeed(json, "https://old.example/feed.json").items[0]?.authors).toEqual(["Ida Old"]);
  });

  it("keeps a numeric id and turns content_text into escaped paragraphs", () => {
    expect(feed.items[1]).toMatchObject({
      guid: "42",
      contentHtml: "<p>A text-only note.</p>\n<p>Second paragraph with &lt;angle&gt; brackets.</p>",
    });
  });
});
