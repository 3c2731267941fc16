import { describe, expect, it } from "vitest";
import { composeRelated, pageOf, urlKey } from "../../src/related/answer.ts";

const link = (url: string, title = url) => ({ url, title, source: null, publishedAt: null });

describe("composeRelated", () => {
  it("lists the same story first, then the page's links, then similar stories, each link once and never the story", () => {
    const items = composeRelated({
      story: { url: "https://a.example/story" },
      sameStory: [link("https://b.example/story")],
      pageLinks: [link("https://a.example/next"), link("http://www.b.example/story/")],
      similar: [link("https://a.example/story#comments"), link("https://c.example/x"), link("https://a.example/next")],
    });
    expect(items.map((i) => [i.section, i.url])).toEqual([
      ["same-story", "https://b.example/story"],
      ["related", "https://a.example/next"],
      ["related", "https://c.example/x"],
    ]);
  });

  it("leaves out links without a headline", () => {
    expect(composeRelated({ story: null, sameStory: [], pageLinks: [link("https://a.example/x", " ")], similar: [] })).toEqual([]);
  });
});

describe("urlKey and pageOf", () => {
  it("treats a link written differently as the same story", () => {
    expect(urlKey("https://www.Example.com/a/b/#top")).toBe(urlKey("http://example.com/a/b"));
    expect(urlKey("https://example.com/a?id=1")).not.toBe(urlKey("https://example.com/a?id=2"));
    expect(urlKey("https://example.com:443/a")).toBe(urlKey("http://example.com/a"));
  });

  it("keeps two sites on one host apart by their ports (a wire's copy is not the story itself)", () => {
    expect(urlKey("http://127.0.0.1:40319/news/a")).not.toBe(urlKey("http://127.0.0.1:33605/news/a"));
    const items = composeRelated({ story: { url: "http://127.0.0.1:40319/news/a" }, sameStory: [link("http://127.0.0.1:33605/news/a")], pageLinks: [], similar: [] });
    expect(items.map((i) => i.url)).toEqual(["http://127.0.0.1:33605/news/a"]);
  });

  it("clamps a page number that is out of range (a stale button)", () => {
    expect(pageOf([1, 2, 3, 4, 5, 6], 9, 5)).toEqual({ items: [6], page: 1, pages: 2 });
    expect(pageOf([], 0, 5)).toEqual({ items: [], page: 0, pages: 1 });
  });
});
