import { describe, expect, it } from "vitest";
import type { Article } from "../../src/extract/article.ts";
import { assignTopics, splitLead, type LabelPredictor } from "../../src/topics/assign.ts";
import { DEFAULT_CATALOG } from "../../src/topics/catalog.ts";
import { compileCatalog } from "../../src/topics/match.ts";
import { seedArticle } from "./fixtures/seed-article.ts";

const slugs = (article: Article, options = {}) => assignTopics(article, DEFAULT_CATALOG, options).map((t) => t.slug);

function article(fields: Partial<Article>): Article {
  return { url: "https://example.com/a", title: "", authors: [], tags: [], articleBody: "", links: [], ...fields };
}

describe("the seed article (Kyiv Post, China and a peacekeeping mission in Ukraine)", () => {
  const assigned = assignTopics(seedArticle, DEFAULT_CATALOG);

  it("is about China, the war in Ukraine and Russia, China first", () => {
    expect(assigned.map((t) => t.slug)).toEqual(["china", "war-in-ukraine", "russia"]);
  });

  it("is not filed under Kyiv, Europe or NATO for a passing mention in the lead", () => {
    const weak = assignTopics(seedArticle, DEFAULT_CATALOG, { minConfidence: 0 });
    for (const slug of ["kyiv", "europe", "nato"]) {
      const topic = weak.find((t) => t.slug === slug);
      expect(topic?.confidence ?? 0, slug).toBeLessThan(0.5);
      expect(topic?.confidence ?? 0, slug).toBeGreaterThan(0);
    }
  });

  it("explains China by the page's own block, the headline, the lead and the body", () => {
    const china = assigned[0];
    expect(china?.confidence).toBeGreaterThan(0.9);
    expect(china?.reasons.map((r) => r.source)).toEqual(["more-on", "headline", "body", "lead"]);
    expect(china?.reasons[0]?.detail).toBe("More on China");
  });

  it("does not take topics from the related cards of other stories", () => {
    // "Read Next" cards are labelled Kyiv, US and War in Ukraine; only "More on X" names this page's topic.
    const withoutText = { ...seedArticle, title: "A story", description: "", articleBody: "Nothing here." };
    expect(slugs(withoutText)).toEqual(["china"]);
  });

  it("orders the same with the source's section set, which only strengthens China", () => {
    const withSection = assignTopics({ ...seedArticle, section: "China", links: [] }, DEFAULT_CATALOG);
    expect(withSection.map((t) => t.slug)).toEqual(["china", "war-in-ukraine", "russia"]);
    expect(withSection[0]?.reasons[0]).toMatchObject({ source: "section", detail: "China" });
  });
});

describe("evidence", () => {
  it("takes a source's section and tags in any spelling", () => {
    expect(slugs(article({ title: "Day 1000", section: "war-in-ukraine" }))).toEqual(["war-in-ukraine"]);
    expect(slugs(article({ title: "Markets", tags: ["Business", "Beijing"] }))).toEqual(["economy", "china"]);
  });

  it("reads a headline label such as OPINION:", () => {
    expect(slugs(article({ title: "OPINION: Is the US Trying to Save Russia From China?" }))).toContain("opinion");
  });

  it("never assigns a format from words in the text", () => {
    expect(slugs(article({ title: "In-depth opinion", articleBody: "opinion analysis opinion in-depth" }))).not.toContain("opinion");
  });

  it("needs several body mentions, not one", () => {
    // The lead (first ~40 words) has no mention: only the body counts here.
    const body = (n: number) => [`${"Ships sail again. ".repeat(14)}`, ...Array.from({ length: 12 }, (_, i) => (i < n ? "Officials in Odesa met." : "Officials met again."))].join("\n\n");
    expect(slugs(article({ title: "A meeting", articleBody: body(1) }))).toEqual([]);
    expect(slugs(article({ title: "A meeting", articleBody: body(3) }))).toEqual([]);
    expect(slugs(article({ title: "A meeting", articleBody: body(8) }))).toEqual(["odesa"]);
  });

  it("takes a headline that names a place, but not one that only hints at a topic", () => {
    expect(slugs(article({ title: "Odesa port reopens", articleBody: "Ships sail again." }))).toEqual(["odesa"]);
    expect(slugs(article({ title: "Zelensky meets soldiers", articleBody: "He thanked them." }))).toEqual([]);
  });

  it("does not count the publisher's name as a mention of its city", () => {
    const post = article({ title: "An interview", siteName: "Kyiv Post", articleBody: "He told Kyiv Post. Kyiv Post asked again. Kyiv Post readers wrote." });
    expect(slugs(post)).not.toContain("kyiv");
  });

  it("gives each topic once, sorted by confidence with rounded values", () => {
    const result = assignTopics(seedArticle, DEFAULT_CATALOG, { minConfidence: 0 });
    expect(new Set(result.map((t) => t.slug)).size).toBe(result.length);
    expect(result.map((t) => t.confidence)).toEqual([...result.map((t) => t.confidence)].sort((a, b) => b - a));
  });
});

describe("other languages", () => {
  it("assigns topics to a Ukrainian article through inflected names", () => {
    const uk = article({
      title: "Вибухи в Одесі: росія атакувала порт",
      articleBody: "Уночі росія атакувала Одесу дронами. У Одесі пошкоджено порт.\n\nПовітряні сили повідомили про збиті дрони над Одещиною.",
    });
    expect(slugs(uk)).toEqual(["odesa", "russia"]);
  });

  it("accepts an already compiled catalog", () => {
    const compiled = compileCatalog(DEFAULT_CATALOG);
    expect(assignTopics(seedArticle, compiled)).toEqual(assignTopics(seedArticle, DEFAULT_CATALOG));
  });
});

describe("the learned classifier", () => {
  const sporty: LabelPredictor = {
    predict: () => ({ label: "sport", ranked: [{ label: "sport", probability: 0.9 }, { label: "business", probability: 0.1 }] }),
  };

  it("adds a broad topic when the article has no section", () => {
    const result = assignTopics(article({ title: "Late winner", articleBody: "A late goal." }), DEFAULT_CATALOG, { classifier: sporty });
    expect(result.map((t) => t.slug)).toEqual(["sport"]);
    expect(result[0]?.reasons[0]).toMatchObject({ source: "classifier", detail: "sport 0.90" });
  });

  it("is not asked when the source gave a section", () => {
    const result = assignTopics(article({ title: "Late winner", section: "Opinion", articleBody: "A late goal." }), DEFAULT_CATALOG, { classifier: sporty });
    expect(result.map((t) => t.slug)).toEqual(["opinion"]);
  });

  it("only ever assigns broad topics", () => {
    const kyivLabel: LabelPredictor = { predict: () => ({ label: "kyiv", ranked: [{ label: "kyiv", probability: 1 }] }) };
    expect(slugs(article({ title: "x", articleBody: "y" }), { classifier: kyivLabel })).toEqual([]);
  });
});

describe("splitLead", () => {
  it("reads the description once when the first paragraph repeats it", () => {
    const { lead, body } = splitLead({ description: "First para.", articleBody: "First para.\n\nSecond para.\n\nThird." });
    expect(lead).toBe("First para.\n\nSecond para.\n\nThird.");
    expect(body).toBe("");
  });

  it("stops the lead after about forty words", () => {
    const long = "word ".repeat(45).trim();
    const { lead, body } = splitLead({ articleBody: `${long}\n\nSecond.` });
    expect(lead).toBe(long);
    expect(body).toBe("Second.");
  });
});
