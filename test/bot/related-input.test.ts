import { describe, expect, it } from "vitest";
import { findButton, relatedButton } from "../../src/bot/related/buttons.ts";
import { parseQuery } from "../../src/bot/related/input.ts";

describe("parseQuery", () => {
  it("tells links from words and refuses what cannot be searched", () => {
    expect(parseQuery("  ")).toEqual({ kind: "empty" });
    expect(parseQuery("x".repeat(4000))).toEqual({ kind: "too-long" });
    expect(parseQuery('"" () - * AND')).toEqual({ kind: "no-words" });
    expect(parseQuery("https://example.com/a b")).toEqual({ kind: "words", words: "https://example.com/a b" });
    expect(parseQuery("https://Example.com/story")).toEqual({ kind: "link", url: "https://example.com/story" });
    expect(parseQuery("www.example.com/story")).toEqual({ kind: "link", url: "https://www.example.com/story" });
    expect(parseQuery("ftp://example.com/file")).toEqual({ kind: "bad-link" });
    expect(parseQuery("javascript:alert(1)")).toEqual({ kind: "bad-link" });
    expect(parseQuery('"grain deal"   Odesa')).toEqual({ kind: "words", words: '"grain deal" Odesa' });
  });
});

describe("related buttons", () => {
  it("reads the brief's button and the paging buttons, and refuses forged data", () => {
    expect(relatedButton.decode("rel:42")).toEqual({ articleId: 42, page: undefined });
    expect(relatedButton.decode(relatedButton.encode({ articleId: 42, page: 3 }))).toEqual({ articleId: 42, page: 3 });
    for (const forged of ["rel:", "rel:0", "rel:-1", "rel:42:x", "rel:42:1:2", "rel:1e3", "rel:42:-1"]) expect(relatedButton.decode(forged)).toBeUndefined();
    expect(findButton.decode(findButton.encode({ queryId: 7, page: 1 }))).toEqual({ queryId: 7, page: 1 });
    expect(findButton.decode("find:7")).toBeUndefined();
  });
});
