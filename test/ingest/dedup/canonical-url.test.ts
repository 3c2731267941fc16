import { describe, expect, it } from "vitest";
import { canonicalUrl } from "../../../src/ingest/dedup/index.ts";

describe("canonicalUrl", () => {
  it.each([
    ["https://news.example.org/a?utm_source=rss&utm_medium=feed", "https://news.example.org/a"],
    ["https://news.example.org/a?id=7&UTM_Campaign=x&page=2", "https://news.example.org/a?id=7&page=2"],
    ["https://news.example.org/a?fbclid=IwAR0&gclid=abc&dclid=1&msclkid=2&mc_cid=3&mc_eid=4&yclid=5&_ga=6&igshid=7", "https://news.example.org/a"],
    ["https://news.example.org/a?ref_src=twsrc%5Etfw", "https://news.example.org/a"],
    ["https://news.example.org/a?ref=rss", "https://news.example.org/a"],
    ["https://news.example.org/a?ref=producthunt.com", "https://news.example.org/a"],
    ["https://git.example.com/repo/file?ref=main", "https://git.example.com/repo/file?ref=main"],
    ["https://news.example.org/a#comments", "https://news.example.org/a"],
    ["HTTPS://News.Example.ORG:443/Path/Story", "https://news.example.org/Path/Story"],
    ["http://news.example.org:80/a", "http://news.example.org/a"],
    ["http://news.example.org:8080/a", "http://news.example.org:8080/a"],
    ["https://news.example.org/a?", "https://news.example.org/a"],
    ["https://news.example.org/a?utm_source=x#top", "https://news.example.org/a"],
    ["https://news.example.org/search?q=a%20b&sort=new&q=c", "https://news.example.org/search?q=a%20b&sort=new&q=c"],
    ["https://news.example.org/a?b=2&a=1", "https://news.example.org/a?b=2&a=1"],
    ["  https://news.example.org/a  ", "https://news.example.org/a"],
  ])("%s → %s", (input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  it("returns input that is not a URL trimmed, unchanged otherwise", () => {
    expect(canonicalUrl("  not a url ")).toBe("not a url");
    expect(canonicalUrl("/relative/path?utm_source=x")).toBe("/relative/path?utm_source=x");
    expect(canonicalUrl("")).toBe("");
  });

  it("is idempotent", () => {
    const once = canonicalUrl("HTTPS://Example.com:443/x?id=1&utm_source=a&fbclid=b#c");
    expect(canonicalUrl(once)).toBe(once);
  });
});
