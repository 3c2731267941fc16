/**
 * Picks the brief's sentences: greedy maximal marginal relevance (a sentence's score minus its
 * similarity to what is already chosen), under a word budget, returned in article order
 * (order.ts then decides which of them opens the brief).
 */
import { similarity, type ScoredSentence } from "./score.ts";

export interface SelectionOptions {
  maxWords: number;
  minSentences: number;
  maxSentences: number;
  /** How much similarity to the chosen sentences costs (MMR's λ). */
  redundancy: number;
  /** Once this many words are chosen (and minSentences reached), stop: a brief is better short. */
  targetWords: number;
}

export const DEFAULT_SELECTION: SelectionOptions = {
  maxWords: 90,
  minSentences: 2,
  maxSentences: 4,
  redundancy: 0.5,
  targetWords: 62,
};

export function selectSentences(scored: readonly ScoredSentence[], options: SelectionOptions): ScoredSentence[] {
  const chosen: ScoredSentence[] = [];
  const remaining = scored.filter((sentence) => sentence.words > 0);
  let usedWords = 0;

  while (chosen.length < options.maxSentences && remaining.length > 0) {
    if (chosen.length >= options.minSentences && usedWords >= options.targetWords) break;
    let best: ScoredSentence | undefined;
    let bestValue = -Infinity;
    for (const candidate of remaining) {
      if (usedWords + candidate.words > options.maxWords) continue;
      let maxSimilarity = 0;
      for (const picked of chosen) maxSimilarity = Math.max(maxSimilarity, similarity(candidate, picked));
      const value = candidate.score - options.redundancy * maxSimilarity;
      if (value > bestValue) {
        bestValue = value;
        best = candidate;
      }
    }
    if (!best) break;
    chosen.push(best);
    usedWords += best.words;
    remaining.splice(remaining.indexOf(best), 1);
  }
  return chosen.sort((a, b) => a.index - b.index);
}
