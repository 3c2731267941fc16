import { describe, expect, it } from "vitest";
import { discoverFeeds } from "../../../src/ingest/feeds/index.ts";
import { fixture } from "./fixtures.ts";

describe("discoverFeeds", () => {
  it("lists the page's feed alternates against <base href>, absolute, de-duplicated, in page order", () => {
    expect(discoverFeeds(fixture("page.html"), "https://www.gazette.example/")).toEqual([
      { url: "https://www.gazette.example/news/feeds/top.rss", title: "Top stories", format: "rss" },
      { url: "https://www.gazette.example/feeds/top.atom", title: "Top stories (Atom)", format: "atom" },
      { url: "https://www.gazette.example/feeds/top.json", format: "json" },
      { url: "https://www.gazette.example/index.rdf", title: "RDF", format: "rdf" },
    ]);
  });

  it("resolves against the page URL without <base>, and reads rel in any case and order", () => {
    const html = `<html><head><link type="application/atom+xml" rel="Alternate Feed" href="atom.xml"></head></html>`;
    expect(discoverFeeds(html, "https://blog.example/posts/1")).toEqual([
      { url: "https://blog.example/posts/atom.xml", format: "atom" },
    ]);
  });

  it("finds nothing on a page without feed links, or with unusable hrefs", () => {
    expect(discoverFeeds("<html><head><title>x</title></head><body>hi</body></html>", "https://x.example/")).toEqual([]);
    const html = `<link rel="alternate" type="application/rss+xml" href="javascript:void(0)">`;
    expect(discoverFeeds(html, "https://x.example/")).toEqual([]);
  });
});
