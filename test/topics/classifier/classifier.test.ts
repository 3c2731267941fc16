import { describe, expect, it } from "vitest";
import { TopicClassifier, type LabeledText } from "../../../src/topics/classifier/classifier.ts";
import { crossValidatePredictions } from "../../../src/topics/classifier/evaluate.ts";
import { fitTemperature } from "../../../src/topics/classifier/calibration.ts";
import { trainComplementNaiveBayes } from "../../../src/topics/classifier/complement-naive-bayes.ts";
import { cleanMarkup, DEFAULT_FEATURE_OPTIONS, FeatureExtractor } from "../../../src/topics/classifier/features.ts";
import { scores } from "../../../src/topics/classifier/linear.ts";
import { score, stratifiedFolds } from "../../../src/topics/classifier/metrics.ts";
import { trainLinearSvm } from "../../../src/topics/classifier/svm.ts";
import { EncodedCorpus, Vectorizer, type SparseVector } from "../../../src/topics/classifier/vectorizer.ts";

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

  it("places word forms it never saw next to the ones it learned (prefixes and letter n-grams)", () => {
    // Only "striker", "download" and "shares" occur in the corpus.
    expect(model.predict("Strikers").label).toBe("sport");
    expect(model.predict("Downloaded").label).toBe("tech");
    expect(model.predict("Shareholders").label).toBe("business");
  });

  it("keeps only the members the blend uses, and each alone still classifies", () => {
    for (const svmShare of [0, 1]) {
      const single = TopicClassifier.train(examples, { svmShare });
      const json = single.toJSON();
      expect(single.svmShare).toBe(svmShare);
      expect(json.svm === undefined).toBe(svmShare === 0);
      expect(json.complementNB === undefined).toBe(svmShare === 1);
      const loaded = TopicClassifier.fromJSON(JSON.parse(JSON.stringify(json)));
      expect(loaded.predict("The striker scored a late goal").label).toBe("sport");
      expect(loaded.predict("Investors welcomed the merger").label).toBe("business");
    }
    expect(() => TopicClassifier.train(examples, { svmShare: 2 })).toThrow(/svmShare/);
  });

  it("survives a JSON round trip with identical predictions", () => {
    const json = JSON.parse(JSON.stringify(model.toJSON()));
    const loaded = TopicClassifier.fromJSON(json);
    expect(loaded.labels).toEqual(model.labels);
    expect(loaded.svmShare).toBe(model.svmShare);
    for (const text of ["striker goal", "bank merger", "browser chip", "Strikers", "nothing known"]) {
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
    expect(() => TopicClassifier.fromJSON({ ...model.toJSON(), version: 1 })).toThrow(/version 1 is not supported .*train the model again/);
    const json = TopicClassifier.train(examples, { svmShare: 0.5 }).toJSON();
    const nb = json.complementNB as NonNullable<typeof json.complementNB>;
    expect(() => TopicClassifier.fromJSON({ ...json, complementNB: { ...nb, weights: nb.weights.slice(1) } })).toThrow(/weight rows/);
    expect(() => TopicClassifier.fromJSON({ ...json, complementNB: { ...nb, weights: nb.weights.map((row) => row.slice(1)) } })).toThrow(/differ in length/);
    expect(() => TopicClassifier.fromJSON({ ...json, svm: undefined })).toThrow(/svm missing/);
    expect(() => TopicClassifier.fromJSON({ ...json, svmShare: 1.5 })).toThrow(/blend weight/);
    expect(() => TopicClassifier.fromJSON({ ...json, complementNB: { ...nb, temperature: 0 } })).toThrow(/temperature/);
  });

  it("refuses to train on nothing", () => {
    expect(() => TopicClassifier.train([])).toThrow(/no labeled examples/);
  });
});

describe("features", () => {
  it("undoes feed markup", () => {
    expect(cleanMarkup("Intel&#39;s chips &lt;b&gt;up&lt;/b&gt; #39;")).toBe("Intel's chips  up  '");
  });

  it("describes a text by words, prefixes, capitalized names, word pairs and letter n-grams", () => {
    const bag = new FeatureExtractor({ prefixLength: 5, charMin: 3, charMax: 4 }).terms("Apple economies in 2004");
    expect(bag.word).toEqual(["apple", "economies", "in", "2004"]);
    expect(bag.prefix).toEqual(["p:econo"]);
    expect(bag.capitalized).toEqual(["c:Apple"]);
    expect(bag.bigram).toEqual(["apple economies", "economies in", "in 2004"]);
    expect(bag.char.slice(0, 8)).toEqual(["# ap", "#app", "#ppl", "#ple", "#le ", "# app", "#appl", "#pple"]);
    expect(bag.char).toContain("# in ");
  });

  it("rejects impossible settings", () => {
    expect(() => new FeatureExtractor({ ...DEFAULT_FEATURE_OPTIONS, prefixLength: 0 })).toThrow(/prefix length/);
    expect(() => new FeatureExtractor({ ...DEFAULT_FEATURE_OPTIONS, charMin: 5, charMax: 3 })).toThrow(/n-gram sizes/);
  });
});

describe("vectorizer", () => {
  const extractor = new FeatureExtractor(DEFAULT_FEATURE_OPTIONS);
  const bags = ["Shares rose on Monday", "The striker scored twice", "shares and shares again", "Monday Monday"].map((t) => extractor.terms(t));
  const corpus = new EncodedCorpus(bags);
  const specs = [
    { minDocumentFrequency: { word: 1, bigram: 2 }, share: 0.7 },
    { minDocumentFrequency: { char: 1 }, share: 0.3 },
  ];
  const vectorizer = Vectorizer.fit(corpus, [0, 1, 2], specs);
  const squaredLength = (x: SparseVector) => x.values.reduce((sum, v) => sum + v * v, 0);

  it("gives the same vectors on the fast training path and for a new text", () => {
    const fast = vectorizer.transformer(corpus);
    for (let d = 0; d < bags.length; d++) expect(fast(d)).toEqual(vectorizer.transform(bags[d] as (typeof bags)[number]));
  });

  it("weights the groups by their shares and keeps rare word pairs out", () => {
    expect(squaredLength(vectorizer.transform(bags[0] as (typeof bags)[number]))).toBeCloseTo(1, 12);
    // Document 3 was not fitted on: its words are unknown, but "#mon" and friends are not.
    expect(squaredLength(vectorizer.transform(bags[3] as (typeof bags)[number]))).toBeCloseTo(1, 12);
    const words = vectorizer.toJSON().groups[0]?.terms ?? [];
    expect(words).toContain("shares");
    expect(words.some((t) => t.includes(" "))).toBe(false);
    expect(vectorizer.transform(extractor.terms("")).indices).toHaveLength(0);
  });
});

describe("models", () => {
  // Feature 0 says class 0, feature 1 says class 1, feature 2 is noise.
  const vector = (values: number[]): SparseVector => ({ indices: Int32Array.from(values.map((_, i) => i)), values: Float64Array.from(values) });
  const vectors = [vector([1, 0, 0.5]), vector([0.9, 0.1, 0.2]), vector([0.1, 1, 0.5]), vector([0, 0.8, 0.1])];
  const y = [0, 0, 1, 1];
  const predicted = (model: Parameters<typeof scores>[0]) =>
    vectors.map((x) => {
      const s = scores(model, x);
      return (s[1] as number) > (s[0] as number) ? 1 : 0;
    });

  it("the SVM separates separable data, the same way every run", () => {
    const options = { cost: 1, seed: 3, maxEpochs: 100, tolerance: 1e-3 };
    const svm = trainLinearSvm(vectors, y, 2, 3, options);
    expect(predicted(svm)).toEqual(y);
    expect(trainLinearSvm(vectors, y, 2, 3, options)).toEqual(svm);
  });

  it("Complement Naive Bayes learns which features speak for which class", () => {
    const nb = trainComplementNaiveBayes(vectors, y, 2, 3, { alpha: 0.3 });
    expect(predicted(nb)).toEqual(y);
    expect(nb.weights[0]?.[0]).toBeGreaterThan(nb.weights[0]?.[1] ?? Infinity);
  });

  it("calibrates scores to the accuracy they earn", () => {
    // Right three times out of four: the probability of the top class should be 3/4, i.e. T = ln 3.
    const raw = [0, 0, 0, 0].map(() => Float64Array.from([1, 0]));
    expect(fitTemperature(raw, [0, 0, 0, 1])).toBeCloseTo(Math.log(3), 3);
    // Always right: very sure (the loss is flat to rounding past T ≈ 30); never right about the top: nearly flat.
    expect(fitTemperature(raw, [0, 0, 0, 0])).toBeGreaterThan(20);
    expect(fitTemperature(raw, [0, 1, 1, 1])).toBeLessThan(0.01);
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
