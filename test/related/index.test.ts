import { describe, expect, it } from "vitest";
import { RelatedIndex } from "../../src/related/index.ts";
import { textTerms } from "../../src/related/terms.ts";

const stories = [
  { id: "quake-1", title: "Magnitude 6.1 earthquake hits Sumatra", text: "A magnitude 6.1 earthquake struck off the coast of Sumatra on Tuesday, Indonesia's geophysics agency said. Buildings shook in Padang." },
  { id: "quake-2", title: "Sumatra quake shakes Padang", text: "The 6.1 earthquake near Sumatra damaged houses in Padang, officials in Indonesia said on Tuesday." },
  { id: "quake-3", title: "Strong earthquake rattles Sumatra, no tsunami", text: "Indonesia said the Sumatra earthquake of magnitude 6.1 caused no tsunami; Padang residents fled buildings." },
  { id: "quake-other", title: "Earthquake hits northern California", text: "A magnitude 4.4 earthquake struck near Eureka in northern California on Sunday, the USGS said. No damage was reported." },
  { id: "rehab", title: "Actress checks into rehab", text: "The actress Lindsay Lohan checked into a rehab clinic in Malibu, her spokesman confirmed." },
  { id: "sox", title: "Red Sox offer Teixeira $200 million", text: "The Boston Red Sox made Mark Teixeira an eight-year, $200 million offer, reports claimed." },
];

function indexOf(rows: typeof stories, tuning = {}) {
  const index = new RelatedIndex(tuning);
  for (const row of rows) index.add(row);
  index.seal();
  return index;
}

describe("RelatedIndex", () => {
  it("ranks reports of the same event above a story of the same kind about another event", () => {
    const index = indexOf(stories);
    const ids = index.similarTo(0, { k: 5 }).map((hit) => hit.id);
    expect(ids.slice(0, 2).sort()).toEqual(["quake-2", "quake-3"]);
    expect(ids.indexOf("quake-other")).toBeGreaterThan(1);
  });

  it("never returns the story itself, nor what the caller excludes, nor stories that share nothing", () => {
    const index = indexOf(stories);
    const ids = index.similarTo(0, { k: 10, exclude: new Set([1]) }).map((hit) => hit.id);
    expect(ids).not.toContain("quake-1");
    expect(ids).not.toContain("quake-2");
    expect(ids).not.toContain("rehab");
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("finds stories for words that are not in the index, in any inflection", () => {
    const index = indexOf([
      ...stories,
      { id: "uk", title: "Уряд України ухвалив нові санкції", text: "Кабінет міністрів України ухвалив санкції проти російських компаній." },
      { id: "uk-other", title: "Погода в Києві", text: "У Києві очікується дощ і прохолодна погода." },
    ]);
    expect(index.similarToText({ title: "", text: "санкціями України" }, { k: 3 }).map((h) => h.id)).toEqual(["uk"]);
    expect(index.similarToText({ title: "", text: "earthquakes in Sumatra" }, { k: 1 }).map((h) => h.id)[0]).toMatch(/^quake-/);
  });

  it("prefers the story closer in time when two are as similar", () => {
    const day = 86_400_000;
    const index = indexOf([
      { id: "old", title: "Budget vote in parliament", text: "Parliament votes on the budget.", date: new Date(Date.UTC(2026, 0, 1)) },
      { id: "new", title: "Budget vote in parliament", text: "Parliament votes on the budget.", date: new Date(Date.UTC(2026, 2, 1)) },
    ] as never);
    const now = new Date(Date.UTC(2026, 2, 1) + day);
    expect(index.similarToText({ title: "budget vote", text: "" }, { k: 2, now }).map((h) => h.id)).toEqual(["new", "old"]);
  });

  it("answers an empty index and an empty query with nothing", () => {
    expect(new RelatedIndex().similarToText({ title: "", text: "anything" }, { k: 5 })).toEqual([]);
    expect(indexOf(stories).similarToText({ title: "", text: "the of and" }, { k: 5 })).toEqual([]);
  });
});

describe("textTerms", () => {
  it("stems English, Ukrainian and Russian and keeps names and numbers apart", () => {
    expect(textTerms("Reports said the Sox were offering").words).toEqual(["report", "said", "sox", "offer"]);
    expect(textTerms("новинами").words).toEqual(textTerms("новини").words);
    expect(textTerms("новостями России").words).toEqual(textTerms("новости Россия").words);
    expect(textTerms("Talks with Teixeira reached $200 million in 2008").names).toEqual(["teixeira", "200", "2008"]);
  });
});
