/**
 * The learned topic classifier: text → label with probabilities.
 *
 * Two linear models over one vocabulary, blended:
 * - multinomial Naive Bayes on term counts, which learns most from few and
 *   short examples (headlines);
 * - logistic regression on sublinear TF-IDF, which does better on long
 *   articles, where NB's independence assumption makes it overconfident.
 * How much each counts is chosen at training time by an inner cross-validation
 * on the training data itself, so one command suits headline feeds and
 * full-text sources alike. Training is deterministic (seeded folds and SGD order).
 */
import { FeatureExtractor, type FeatureOptions } from "./features.ts";
import { BROAD_TOPIC_LEXICON, type Lexicon } from "./lexicon.ts";
import { scores, softmax, type LinearWeights } from "./linear.ts";
import { trainLogisticRegression } from "./logistic-regression.ts";
import { trainNaiveBayes } from "./naive-bayes.ts";
import { stratifiedFolds, score } from "./metrics.ts";
import { round, Vectorizer, type VectorizerJSON } from "./vectorizer.ts";

export interface LabeledText {
  text: string;
  label: string;
}

export interface LabelProbability {
  label: string;
  probability: number;
}

export interface Prediction {
  /** The most probable label. */
  label: string;
  /** Every label, most probable first; probabilities sum to 1. */
  ranked: LabelProbability[];
}

export interface TrainOptions {
  /** Word stem length (0: whole words). */
  stemLength: number;
  bigrams: boolean;
  /** Add the built-in broad-topic word lists as features. */
  lexicon: boolean;
  /** Naive Bayes additive smoothing. */
  alpha: number;
  /** Logistic regression: passes over the data, L2 strength, initial learning rate. */
  epochs: number;
  l2: number;
  learningRate: number;
  seed: number;
  /** Weight of logistic regression in the blend (0–1); chosen by inner cross-validation when absent. */
  logisticShare?: number;
  /** Folds of that inner cross-validation. */
  innerFolds: number;
}

export const DEFAULT_TRAIN_OPTIONS: Readonly<TrainOptions> = {
  stemLength: 7,
  bigrams: false,
  lexicon: true,
  alpha: 1,
  epochs: 20,
  l2: 1e-4,
  learningRate: 2,
  seed: 1,
  innerFolds: 3,
};

/** Blends tried by the inner cross-validation; on a tie the earlier (more even) one wins. */
const SHARES = [0.5, 0.25, 0.75, 0, 1];
/**
 * NB's log-likelihoods grow with document length and saturate its
 * probabilities; dividing them by (terms / this) keeps a long article's NB
 * vote comparable with logistic regression's.
 */
const NB_TERMS_PER_UNIT = 3;

const FORMAT = "newsbrief-topic-classifier";
const VERSION = 1;

interface WeightsJSON {
  weights: number[][];
  bias: number[];
}

export interface ClassifierJSON {
  format: typeof FORMAT;
  version: typeof VERSION;
  labels: string[];
  features: { stemLength: number; bigrams: boolean; lexicon?: Lexicon };
  vectorizer: VectorizerJSON;
  naiveBayes: WeightsJSON;
  logisticRegression: WeightsJSON;
  logisticShare: number;
}

interface Members {
  vectorizer: Vectorizer;
  naiveBayes: LinearWeights;
  logisticRegression: LinearWeights;
}

export class TopicClassifier {
  private constructor(
    readonly labels: readonly string[],
    private readonly features: FeatureExtractor,
    private readonly members: Members,
    /** Weight of logistic regression in the blend. */
    readonly logisticShare: number,
  ) {}

  static train(examples: readonly LabeledText[], options: Partial<TrainOptions> = {}): TopicClassifier {
    const settings: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, ...options };
    if (examples.length === 0) throw new Error("no labeled examples to train on");
    const labels = [...new Set(examples.map((e) => e.label))].sort();
    const labelIndex = new Map(labels.map((label, i) => [label, i]));
    const y = examples.map((e) => labelIndex.get(e.label) as number);
    const features = new FeatureExtractor(featureOptions(settings));
    const termLists = examples.map((e) => features.terms(e.text));

    const share = settings.logisticShare ?? chooseShare(termLists, y, labels.length, settings);
    return new TopicClassifier(labels, features, fitMembers(termLists, y, labels.length, settings), share);
  }

  predict(text: string): Prediction {
    const probabilities = blend(this.members, this.features.terms(text), this.logisticShare);
    const ranked = this.labels
      .map((label, i) => ({ label, probability: probabilities[i] as number }))
      // Ties (a text with no known word) fall back to label order: deterministic.
      .sort((a, b) => b.probability - a.probability || (a.label < b.label ? -1 : 1));
    return { label: (ranked[0] as LabelProbability).label, ranked };
  }

  toJSON(): ClassifierJSON {
    const weights = (m: LinearWeights): WeightsJSON => ({
      weights: m.weights.map((w) => Array.from(w, round)),
      bias: Array.from(m.bias, round),
    });
    const { stemLength, bigrams, lexicon } = this.features.options;
    return {
      format: FORMAT,
      version: VERSION,
      labels: [...this.labels],
      // The word lists travel with the model, so a saved model keeps predicting the same.
      features: lexicon ? { stemLength, bigrams, lexicon } : { stemLength, bigrams },
      vectorizer: this.members.vectorizer.toJSON(),
      naiveBayes: weights(this.members.naiveBayes),
      logisticRegression: weights(this.members.logisticRegression),
      logisticShare: this.logisticShare,
    };
  }

  /** Loads a saved model; throws a one-line explanation when the JSON is not one. */
  static fromJSON(json: unknown): TopicClassifier {
    const model = parseClassifierJSON(json);
    const vectorizer = Vectorizer.fromJSON(model.vectorizer);
    const load = (name: string, m: WeightsJSON): LinearWeights => {
      if (m.weights.length !== model.labels.length || m.bias.length !== model.labels.length) {
        throw new Error(`not a newsbrief topic model: ${name} has ${m.weights.length} weight rows for ${model.labels.length} labels`);
      }
      if (m.weights.some((row) => row.length !== vectorizer.size)) {
        throw new Error(`not a newsbrief topic model: ${name} weights and vocabulary differ in length`);
      }
      return { weights: m.weights.map((w) => Float64Array.from(w)), bias: Float64Array.from(m.bias) };
    };
    const members: Members = {
      vectorizer,
      naiveBayes: load("naiveBayes", model.naiveBayes),
      logisticRegression: load("logisticRegression", model.logisticRegression),
    };
    const features = new FeatureExtractor(
      model.features.lexicon
        ? { stemLength: model.features.stemLength, bigrams: model.features.bigrams, lexicon: model.features.lexicon }
        : { stemLength: model.features.stemLength, bigrams: model.features.bigrams },
    );
    return new TopicClassifier(model.labels, features, members, model.logisticShare);
  }
}

function featureOptions(settings: TrainOptions): FeatureOptions {
  const base = { stemLength: settings.stemLength, bigrams: settings.bigrams };
  return settings.lexicon ? { ...base, lexicon: BROAD_TOPIC_LEXICON } : base;
}

function fitMembers(termLists: readonly string[][], y: readonly number[], classCount: number, settings: TrainOptions): Members {
  const vectorizer = Vectorizer.fit(termLists, { minDocumentFrequency: 1 });
  const counts = termLists.map((t) => vectorizer.counts(t));
  const tfidf = termLists.map((t) => vectorizer.tfidf(t));
  return {
    vectorizer,
    naiveBayes: trainNaiveBayes(counts, y, classCount, vectorizer.size, settings),
    logisticRegression: trainLogisticRegression(tfidf, y, classCount, vectorizer.size, settings),
  };
}

function blend(members: Members, terms: readonly string[], logisticShare: number): Float64Array {
  const temperature = Math.max(1, terms.length / NB_TERMS_PER_UNIT);
  const nb = scores(members.naiveBayes, members.vectorizer.counts(terms));
  for (let i = 0; i < nb.length; i++) nb[i] = (nb[i] as number) / temperature;
  const nbProbabilities = softmax(nb);
  const lrProbabilities = softmax(scores(members.logisticRegression, members.vectorizer.tfidf(terms)));
  return nbProbabilities.map((p, i) => (1 - logisticShare) * p + logisticShare * (lrProbabilities[i] as number));
}

/** The blend that scores best (macro-F1) in a cross-validation on the training data alone. */
function chooseShare(termLists: readonly string[][], y: readonly number[], classCount: number, settings: TrainOptions): number {
  const perClass = new Array<number>(classCount).fill(0);
  for (const c of y) perClass[c] = (perClass[c] as number) + 1;
  // Too little data to judge: an even blend.
  if (classCount < 2 || Math.min(...perClass) < settings.innerFolds) return SHARES[0] as number;

  const gold = y.map(String);
  const fold = stratifiedFolds(gold, settings.innerFolds, settings.seed + 1);
  const predicted = SHARES.map(() => new Array<string>(y.length).fill(""));
  for (let k = 0; k < settings.innerFolds; k++) {
    const train = termLists.filter((_, i) => fold[i] !== k);
    const members = fitMembers(
      train,
      y.filter((_, i) => fold[i] !== k),
      classCount,
      settings,
    );
    termLists.forEach((terms, i) => {
      if (fold[i] !== k) return;
      SHARES.forEach((share, s) => {
        const p = blend(members, terms, share);
        let best = 0;
        for (let c = 1; c < p.length; c++) if ((p[c] as number) > (p[best] as number)) best = c;
        (predicted[s] as string[])[i] = String(best);
      });
    });
  }
  let bestShare = SHARES[0] as number;
  let bestScore = -1;
  SHARES.forEach((share, s) => {
    const f1 = score(gold, predicted[s] as string[]).macroF1;
    if (f1 > bestScore + 1e-9) {
      bestScore = f1;
      bestShare = share;
    }
  });
  return bestShare;
}

function parseClassifierJSON(json: unknown): ClassifierJSON {
  const fail = (why: string): never => {
    throw new Error(`not a newsbrief topic model: ${why}`);
  };
  if (typeof json !== "object" || json === null) return fail("not a JSON object");
  const model = json as Record<string, unknown>;
  if (model.format !== FORMAT) return fail(`format is ${JSON.stringify(model.format)}, expected "${FORMAT}"`);
  if (model.version !== VERSION) return fail(`version ${String(model.version)} is not supported (this build reads version ${VERSION})`);
  const isNumbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((n) => typeof n === "number");
  const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");
  if (!isStrings(model.labels) || model.labels.length === 0) return fail("labels missing");
  const features = model.features as Record<string, unknown> | undefined;
  if (!features || typeof features.stemLength !== "number" || typeof features.bigrams !== "boolean") return fail("feature settings missing");
  if (features.lexicon !== undefined && (typeof features.lexicon !== "object" || features.lexicon === null || !Object.values(features.lexicon).every(isStrings))) {
    return fail("word lists malformed");
  }
  const vectorizer = model.vectorizer as Record<string, unknown> | undefined;
  if (!vectorizer || !isStrings(vectorizer.terms) || !isNumbers(vectorizer.idf)) return fail("vocabulary missing");
  for (const name of ["naiveBayes", "logisticRegression"]) {
    const member = model[name] as Record<string, unknown> | undefined;
    if (!member || !Array.isArray(member.weights) || !member.weights.every(isNumbers) || !isNumbers(member.bias)) return fail(`${name} weights missing`);
  }
  if (typeof model.logisticShare !== "number" || model.logisticShare < 0 || model.logisticShare > 1) return fail("blend weight missing");
  return model as unknown as ClassifierJSON;
}
