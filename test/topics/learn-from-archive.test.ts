import { describe, expect, it } from "vitest";
import { archiveTrainingSet, assignTopics, DEFAULT_CATALOG, NO_BROAD_TOPIC, topicEvidence, type ArchiveArticle, type LabelPredictor } from "../../src/topics/index.ts";

const article = (slugs: string[], title = "t"): ArchiveArticle => ({ title, body: "b", slugs });

describe("archiveTrainingSet", () => {
  it("makes one example per article with one broad topic, a 'no broad topic' example of the others, and skips ambiguous ones", () => {
    const set = archiveTrainingSet([article(["sport"]), article(["sport", "kyiv"]), article(["kyiv"]), article(["sport", "economy"])], DEFAULT_CATALOG, 1);
    expect(set).toMatchObject({ topics: ["sport"], counts: { sport: 2, [NO_BROAD_TOPIC]: 1 } });
    expect("examples" in set && set.examples.map((e) => e.label)).toEqual(["sport", "sport", NO_BROAD_TOPIC]);
  });

  it("learns a topic only from the minimum number of articles, and needs a second class", () => {
    expect(archiveTrainingSet([article(["sport"]), article(["sport"])], DEFAULT_CATALOG, 2)).toHaveProperty("reason");
    const set = archiveTrainingSet([article(["sport"]), article(["sport"]), article(["economy"]), article(["kyiv"]), article(["kyiv"])], DEFAULT_CATALOG, 2);
    expect(set).toMatchObject({ topics: ["sport"] });
    // Economy (1 article) is not learned, and its article is not made a "no broad topic" example either.
    expect("examples" in set && set.examples.map((e) => e.label)).toEqual(["sport", "sport", NO_BROAD_TOPIC, NO_BROAD_TOPIC]);
  });

  it("keeps no more 'no broad topic' examples than the largest topic has, the newest first", () => {
    const set = archiveTrainingSet([article(["kyiv"], "new"), article(["kyiv"], "old"), article(["sport"])], DEFAULT_CATALOG, 1);
    expect("examples" in set && set.examples.map((e) => e.text.split("\n")[0])).toEqual(["t", "new"]);
  });
});

describe("topicEvidence", () => {
  const guessesSport: LabelPredictor = { predict: () => ({ label: "sport", ranked: [{ label: "sport", probability: 0.9 }] }) };

  it("names the source, the text, or the classifier as what carried a topic", () => {
    const bySection = assignTopics({ title: "Results", articleBody: "", section: "Sport" }, DEFAULT_CATALOG)[0];
    expect(bySection && topicEvidence(bySection)).toBe("source");
    const byText = assignTopics({ title: "Football: Premier League results", articleBody: "The football season ended." }, DEFAULT_CATALOG).find((t) => t.slug === "sport");
    expect(byText && topicEvidence(byText)).toBe("text");
    const byGuess = assignTopics({ title: "A late draw", articleBody: "The visitors equalised." }, DEFAULT_CATALOG, { classifier: guessesSport })[0];
    expect(byGuess?.slug).toBe("sport");
    expect(byGuess && topicEvidence(byGuess)).toBe("classifier");
  });
});
