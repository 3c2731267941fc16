import { describe, expect, it } from "vitest";
import { DEFAULT_CATALOG } from "../../src/topics/catalog.ts";
import { compileCatalog, findMentions, labelKey, topicsForLabel } from "../../src/topics/match.ts";
import { PhraseMatcher, parsePhrase } from "../../src/topics/phrase-matcher.ts";

const catalog = compileCatalog(DEFAULT_CATALOG);
const slugsIn = (text: string) => [...new Set(findMentions(catalog, text).map((m) => m.slug))].sort();
const phrasesIn = (text: string, slug: string) => findMentions(catalog, text).filter((m) => m.slug === slug).map((m) => m.phrase);

describe("phrase matching on word boundaries", () => {
  it("never matches a word inside another word", () => {
    expect(slugsIn("Crowds filled Chinatown")).toEqual([]);
    // Kyivstar is a telecom company, not the city.
    expect(slugsIn("Kyivstar restored its network")).toEqual([]);
    expect(slugsIn("Abonenty Київстар")).toEqual([]);
  });

  it("matches possessives and hyphenated compounds", () => {
    expect(phrasesIn("China’s envoy met a Kyiv-based analyst", "china")).toEqual(["China"]);
    expect(phrasesIn("a Kyiv-based analyst", "kyiv")).toEqual(["Kyiv"]);
  });

  it("matches every spelling and case form of Kyiv, and none of the names that only contain it", () => {
    for (const text of ["in Kyiv", "in Kiev", "у Києві", "до Києва", "Київ", "в Киеве", "из Киева", "KYIV"]) {
      expect(slugsIn(text), text).toContain("kyiv");
    }
    expect(phrasesIn("said in an interview with the Kyiv Post", "kyiv")).toEqual([]);
    expect(phrasesIn("Dynamo Kyiv won 2-0", "kyiv")).toEqual([]);
  });

  it("matches China through Beijing, Xi Jinping and the Ukrainian and Russian names", () => {
    expect(phrasesIn("Xi Jinping visited", "china")).toEqual(["Xi Jinping"]);
    expect(slugsIn("Пекін заявив")).toContain("china");
    expect(slugsIn("переговори з Китаєм")).toContain("china");
    expect(slugsIn("в Китае")).toContain("china");
    expect(findMentions(catalog, "Chinese diplomats").find((m) => m.slug === "china")?.strength).toBe("keyword");
  });

  it("matches an alias in capitals only when written in capitals", () => {
    expect(slugsIn("US troops arrived")).toContain("united-states");
    expect(slugsIn("the U.S. said")).toContain("united-states");
    expect(slugsIn("tell us what you think")).not.toContain("united-states");
    expect(slugsIn("NATO summit")).toContain("nato");
    expect(slugsIn("Nato summit")).toContain("nato");
    expect(slugsIn("саміт НАТО")).toContain("nato");
  });

  it("does not trust capitals in an all-caps headline", () => {
    expect(slugsIn("WHY THEY TOLD US NOTHING ABOUT IT")).not.toContain("united-states");
  });

  it("drops a mention covered by one of the topic's excludes", () => {
    expect(phrasesIn("trade with Latin America", "united-states")).toEqual([]);
    expect(phrasesIn("trade with America", "united-states")).toEqual(["America"]);
  });

  it("counts overlapping mentions of one topic once, as the longest", () => {
    const mentions = findMentions(catalog, "the war in Ukraine goes on").filter((m) => m.slug === "war-in-ukraine");
    expect(mentions.map((m) => [m.phrase, m.strength])).toEqual([["war in Ukraine", "alias"]]);
  });

  it("ignores the publisher's own name when asked to", () => {
    const text = "Kyiv Today reported from Kyiv";
    expect(findMentions(catalog, text).filter((m) => m.slug === "kyiv")).toHaveLength(2);
    expect(findMentions(catalog, text, { ignore: ["Kyiv Today"] }).filter((m) => m.slug === "kyiv")).toHaveLength(1);
  });
});

describe("PhraseMatcher", () => {
  it("matches stems only from the start of a word", () => {
    const matcher = new PhraseMatcher([{ phrase: "Одес*", value: "odesa" }]);
    expect(matcher.matchText("в Одесі та Одещині").map((m) => m.start)).toEqual([1]);
    expect(matcher.matchText("Одеса, Одесою")).toHaveLength(2);
  });

  it("treats a loose * as nothing and a glued one as a stem", () => {
    expect(parsePhrase("China *")).toEqual([{ word: "china", stem: false }]);
    expect(parsePhrase("Пекін*")).toEqual([{ word: "пекін", stem: true }]);
  });

  it("finds multi-word phrases among many and reports token positions", () => {
    const matcher = new PhraseMatcher([
      { phrase: "grain deal", value: 1 },
      { phrase: "grain", value: 2 },
      { phrase: "deal breaker", value: 3 },
    ]);
    expect(matcher.matchText("The grain deal breaker").map((m) => [m.value, m.start, m.end])).toEqual([
      [1, 1, 3],
      [2, 1, 2],
      [3, 2, 4],
    ]);
  });
});

describe("section and tag labels", () => {
  it("reads a label in any spelling", () => {
    expect(labelKey("War in Ukraine")).toBe(labelKey("war-in-ukraine"));
    expect(topicsForLabel(catalog, "WAR IN UKRAINE")).toEqual(["war-in-ukraine"]);
    expect(topicsForLabel(catalog, "in-depth")).toEqual(["in-depth"]);
    expect(topicsForLabel(catalog, "Business")).toEqual(["economy"]);
    expect(topicsForLabel(catalog, "Китай")).toEqual(["china"]);
    expect(topicsForLabel(catalog, "Canada")).toEqual([]);
  });
});
