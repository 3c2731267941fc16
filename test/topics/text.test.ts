import { describe, expect, it } from "vitest";
import { isShouting, normalizeText, tokenize, words } from "../../src/topics/text.ts";

describe("tokenize", () => {
  it("splits on punctuation, hyphens and apostrophes, keeping letters of every script", () => {
    expect(words("China’s role in Kyiv-based talks, Києві та Москві!")).toEqual(["china", "s", "role", "in", "kyiv", "based", "talks", "києві", "та", "москві"]);
  });

  it("keeps the original case for case-sensitive aliases", () => {
    expect(tokenize("US troops").map((t) => t.raw)).toEqual(["US", "troops"]);
  });

  it("drops accents from Latin letters but keeps Cyrillic й and ї", () => {
    expect(words("Zürich Košice")).toEqual(["zurich", "kosice"]);
    expect(words("Київ Йорданія")).toEqual(["київ", "йорданія"]);
  });

  it("writes Russian ё as е and folds full-width letters", () => {
    expect(normalizeText("Артём")).toBe("Артем");
    expect(words("ＮＡＴＯ")).toEqual(["nato"]);
  });
});

describe("isShouting", () => {
  it("is true for an all-caps headline and false for ordinary text with acronyms", () => {
    expect(isShouting(tokenize("BREAKING: TRUMP TELLS US TO LEAVE"))).toBe(true);
    expect(isShouting(tokenize("US and NATO members meet in Brussels"))).toBe(false);
  });
});
