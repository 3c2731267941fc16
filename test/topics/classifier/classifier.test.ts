import { describe, expect, it } from "vitest";
import { TopicClassifier, type LabeledText } from "../../../src/topics/classifier/classifier.ts";
import { crossValidatePredictions } from "../../../src/topics/classifier/evaluate.ts";
import { cleanMarkup, FeatureExtractor } from "../../../src/topics/classifier/features.ts";
import { score, stratifiedFolds } from "../../../src/topics/classifier/metrics.ts";

/** A tiny synthetic corpus: three topics with their own vocabulary and some shared filler. */
function corpus(): LabeledText[] {
  const vocab: Record<string, string[]> = {
    sport: ["striker", "goal", "league", "coach", "match", "stadium", "referee", "penalty"],
    business: ["shares", "profit", "investors", "bank", "merger", "revenue", "market", "quarter"],
    tech: ["software", "chip", "browser", "server", "laptop", "hackers", "network", "download"],
  };
  const filler = ["the", "said", "on", "monday", "new", "report", "people", "week"];
  const examples: LabeledText[] = [];
  for (const [label, words] of Object.entries(vocab)) {
    for (let i = 0; i < 12; i++) {
      const text = [0, 1, 2, 3].map((k) => `${words[(i + k * 3) % words.length]} ${filler[(i + k) % filler.length]}`).join(" ");
      examples.push({ text, label });
    }
  }
  return examples;
}

describe("TopicClassifier", () => {
  const examples = corpus();
  const model = TopicClassifier.train(examples);

  it("learns the labels and predicts them for unseen texts", () => {
    expect(model.labels).toEqual(["business", "sport", "tech"]);
    expect(model.predict("The striker scored a late goal").label).toBe("sport");
    expect(model.predict("Investors welcomed the merger").label).toBe("business");
    expect(model.predict("Hackers attacked the server").label).toBe("tech");
  });

  it("ranks every label with probabilities that sum to 1", () => {
    const { ranked } = model.predict("bank profit");
    expect(ranked.map((r) => r.label).sort()).toEqual(["business", "sport", "tech"]);
    expect(ranked.reduce((sum, r) => sum + r.probability, 0)).toBeCloseTo(1, 9);
    expect(ranked[0]?.label).toBe("business");
    expect(ranked[0]?.probability).toBeGreaterThan(0.5);
  });

  it("gives a text with no known word a near-even, deterministic answer", () => {
    const { label, ranked } = model.predict("zzz qqq");
    expect(model.predict("qqq zzz").label).toBe(label);
    for (const r of ranked) expect(r.probability).toBeCloseTo(1 / 3, 1);
  });

  it("uses its word lists to place words it never saw in training", () => {
    // "quarterback" and "touchdown" are not in the corpus, only in the sport list.
    expect(model.predict("quarterback touchdown").label).toBe("sport");
    const withoutLists = TopicClassifier.train(examples, { lexicon: false });
    expect(withoutLists.predict("quarterback touchdown").label).not.toBe("sport");
  });

  it("survives a JSON round trip with identical predictions", () => {
    const json = JSON.parse(JSON.stringify(model.toJSON()));
    const loaded = TopicClassifier.fromJSON(json);
    expect(loaded.labels).toEqual(model.labels);
    expect(loaded.logisticShare).toBe(model.logisticShare);
    for (const text of ["striker goal", "bank merger", "browser chip", "quarterback", "nothing known"]) {
      const a = model.predict(text).ranked;
      const b = loaded.predict(text).ranked;
      expect(b.map((r) => r.label)).toEqual(a.map((r) => r.label));
      b.forEach((r, i) => expect(r.probability).toBeCloseTo(a[i]?.probability ?? 0, 4));
    }
  });

  it("is deterministic: the same data gives the same model", () => {
    expect(JSON.stringify(TopicClassifier.train(examples).toJSON())).toBe(JSON.stringify(model.toJSON()));
  });

  it("rejects JSON that is not a model, saying why", () => {
    expect(() => TopicClassifier.fromJSON(null)).toThrow(/not a JSON object/);
    expect(() => TopicClassifier.fromJSON({ format: "other" })).toThrow(/format/);
    expect(() => TopicClassifier.fromJSON({ ...model.toJSON(), version: 99 })).toThrow(/version 99 is not supported/);
    const json = model.toJSON();
    expect(() => TopicClassifier.fromJSON({ ...json, naiveBayes: { ...json.naiveBayes, weights: json.naiveBayes.weights.slice(1) } })).toThrow(/weight rows/);
  });

  it("refuses to train on nothing", () => {
    expect(() => TopicClassifier.train([])).toThrow(/no labeled examples/);
  });
});

describe("features", () => {
  it("undoes feed markup and cuts words to their stem length", () => {
    expect(cleanMarkup("Intel&#39;s chips &lt;b&gt;up&lt;/b&gt; #39;")).toBe("Intel's chips  up  '");
    const features = new FeatureExtractor({ stemLength: 7, bigrams: false });
    expect(features.terms("Economic economies in 2004")).toEqual(["economi", "economi", "in", "2004"]);
  });
});

describe("evaluation", () => {
  it("spreads every class evenly over the folds, the same way each run", () => {
    const labels = [...Array(10).fill("a"), ...Array(5).fill("b")] as string[];
    const folds = stratifiedFolds(labels, 5, 7);
    expect(stratifiedFolds(labels, 5, 7)).toEqual(folds);
    for (let k = 0; k < 5; k++) {
      expect(labels.filter((l, i) => l === "a" && folds[i] === k)).toHaveLength(2);
      expect(labels.filter((l, i) => l === "b" && folds[i] === k)).toHaveLength(1);
    }
    expect(() => stratifiedFolds(labels, 1, 1)).toThrow(/at least 2 folds/);
  });

  it("scores macro-F1 like the eval scorer", () => {
    const result = score(["a", "a", "b", "b"], ["a", "b", "b", "b"]);
    expect(result.accuracy).toBe(0.75);
    // a: P=1 R=.5 F1=.667; b: P=.667 R=1 F1=.8
    expect(result.macroF1).toBeCloseTo((2 / 3 + 0.8) / 2, 9);
    expect(result.perClass.a).toMatchObject({ precision: 1, recall: 0.5, support: 2 });
  });

  it("cross-validates the synthetic corpus almost perfectly", () => {
    const examples = corpus();
    const predictions = crossValidatePredictions(examples, 3);
    expect(score(examples.map((e) => e.label), predictions).macroF1).toBeGreaterThan(0.9);
  });
});
