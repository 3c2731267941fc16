/**
 * Sentence scoring with the signals that work for news (weights tuned on the CNN/DailyMail dev
 * rows, see bench/brief.ts and the closing note of issue 4):
 * - position: news is written as an inverted pyramid, the lead carries the story;
 * - centrality: a sentence that shares words with the rest of the article is about its subject;
 * - headline overlap: the headline names the story;
 * - named entities and numbers: who, where, how many;
 * - shape: very short fragments and very long run-ons make poor brief sentences; a quotation or a
 *   sentence opening with a pronoun or a connective leans on context the brief does not carry.
 */
import { contentStems, wordCount } from "./tokens.ts";

export interface ScoreWeights {
  /** Weight of the position prior 1 / (1 + index)^positionDecay. */
  position: number;
  positionDecay: number;
  centrality: number;
  headline: number;
  entities: number;
  /** Penalty for a sentence that opens with a quotation mark. */
  quote: number;
  /** Penalty for a sentence that opens with a pronoun or a connective ("He", "But", "Він"). */
  dangling: number;
  /** Sentences shorter than this many words are penalised… */
  minWords: number;
  /** …and longer than this. */
  maxWords: number;
  shape: number;
}

export const DEFAULT_WEIGHTS: ScoreWeights = {
  position: 1,
  positionDecay: 0.7,
  centrality: 0.5,
  headline: 0.35,
  entities: 0.15,
  quote: 0.1,
  dangling: 0,
  minWords: 10,
  maxWords: 35,
  shape: 0.3,
};

/**
 * For a one-sentence brief: the sentence that best stands for the whole article, which is less
 * often the lead (tuned on the XSum dev rows, whose reference is one sentence; it also picks a
 * better single sentence than the lead on the CNN/DailyMail rows).
 */
export const ONE_SENTENCE_WEIGHTS: ScoreWeights = {
  ...DEFAULT_WEIGHTS,
  positionDecay: 0.2,
  centrality: 1.5,
  maxWords: 45,
};

export interface ScoredSentence {
  /** Position in the article (0 = first). */
  index: number;
  text: string;
  words: number;
  /** Content-stem counts, for similarity between sentences. */
  vector: Map<string, number>;
  norm: number;
  score: number;
}

const DANGLING_START =
  /^(?:he|she|it|they|his|her|its|their|this|that|these|those|but|and|or|so|also|however|meanwhile|still|yet|він|вона|воно|вони|його|її|їх|це|ця|цей|ці|але|та|і|проте|однак|також|водночас)(?![\p{L}\p{N}])/iu;
const QUOTE_START = /^["'“‘«„]/;

/** `stems[i]`, when given, are `contentStems(sentences[i])` already computed by the caller. */
export function scoreSentences(
  sentences: readonly string[],
  title: string | undefined,
  weights: ScoreWeights = DEFAULT_WEIGHTS,
  stems?: readonly (readonly string[])[],
): ScoredSentence[] {
  const scored = sentences.map((text, index) => {
    const vector = countStems(stems?.[index] ?? contentStems(text));
    return { index, text, words: wordCount(text), vector, norm: norm(vector), score: 0 };
  });

  const documentVector = new Map<string, number>();
  for (const sentence of scored) {
    for (const [stem, count] of sentence.vector) documentVector.set(stem, (documentVector.get(stem) ?? 0) + count);
  }
  let documentSquares = 0;
  for (const count of documentVector.values()) documentSquares += count * count;
  const titleStems = new Set(title ? contentStems(title) : []);

  for (const sentence of scored) {
    const position = 1 / Math.pow(1 + sentence.index, weights.positionDecay);
    const centrality = centralityOf(sentence, documentVector, documentSquares);
    const headline = titleStems.size > 0 ? overlap(sentence.vector, titleStems) / titleStems.size : 0;
    const entities = Math.min(1, entityCount(sentence.text) / Math.max(4, sentence.words / 3));
    let shape = 0;
    if (sentence.words < weights.minWords) shape -= (weights.minWords - sentence.words) / weights.minWords;
    if (sentence.words > weights.maxWords) shape -= Math.min(1, (sentence.words - weights.maxWords) / weights.maxWords);
    sentence.score =
      weights.position * position +
      weights.centrality * centrality +
      weights.headline * headline +
      weights.entities * entities +
      weights.shape * shape -
      (QUOTE_START.test(sentence.text) ? weights.quote : 0) -
      (weights.dangling > 0 && sentence.index > 0 && DANGLING_START.test(sentence.text) ? weights.dangling : 0);
  }
  return scored;
}

/** Cosine similarity of two sentences' content stems. */
export function similarity(a: ScoredSentence, b: ScoredSentence): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  let dot = 0;
  const [small, large] = a.vector.size < b.vector.size ? [a.vector, b.vector] : [b.vector, a.vector];
  for (const [stem, count] of small) dot += count * (large.get(stem) ?? 0);
  return dot / (a.norm * b.norm);
}

/**
 * Cosine of the sentence with the rest of the article (the sentence itself taken out). Computed
 * from the sentence's own stems only, with the document's sum of squares precomputed: O(sentence).
 */
function centralityOf(sentence: ScoredSentence, documentVector: Map<string, number>, documentSquares: number): number {
  if (sentence.norm === 0) return 0;
  let dot = 0;
  let restSquares = documentSquares;
  for (const [stem, own] of sentence.vector) {
    const total = documentVector.get(stem) ?? own;
    const rest = total - own;
    dot += own * rest;
    restSquares += rest * rest - total * total;
  }
  return restSquares <= 0 ? 0 : dot / (sentence.norm * Math.sqrt(restSquares));
}

function countStems(stems: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const stem of stems) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  return counts;
}

function norm(vector: Map<string, number>): number {
  let sum = 0;
  for (const count of vector.values()) sum += count * count;
  return Math.sqrt(sum);
}

function overlap(vector: Map<string, number>, stems: Set<string>): number {
  let shared = 0;
  for (const stem of stems) if (vector.has(stem)) shared++;
  return shared;
}

// A word that opens (after any quotes or brackets) with a capital, a digit or a currency sign.
const ENTITY_WORD = /(?:^|\s)["'“‘«(\[]*(?:[$£€₴]?\p{N}|(\p{Lu}))/gu;

/** Capitalised words after the first word (names, places, organisations) and numbers. */
function entityCount(text: string): number {
  let count = 0;
  for (const match of text.matchAll(ENTITY_WORD)) {
    // A sentence's first word is capitalised anyway; a number there still counts.
    if (match.index === 0 && match[1] !== undefined) continue;
    count++;
  }
  return count;
}
