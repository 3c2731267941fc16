/**
 * What a document is described by, in five kinds of terms, all learned from
 * the training texts (no hand-written word lists):
 * - `word`: whole words, lowercased ("economy");
 * - `prefix`: the first letters of longer words ("p:econo"), so "economy",
 *   "economic" and "economists" share evidence without a language-specific stemmer;
 * - `capitalized`: words written with a capital, as written ("c:Apple"), which
 *   keeps names apart from common words ("Apple" the company, "apple" the fruit);
 * - `bigram`: adjacent word pairs ("interest rates");
 * - `char`: letter 3–5-grams inside words ("#ocke" in "hockey"/"rocket"), which
 *   place unseen spellings and word forms near seen ones — they matter most for
 *   headlines, where every word counts.
 * Which kinds a model uses, and how they are weighted, is the vectorizer's business.
 */
import { tokenize } from "../text.ts";

export type TermKind = "word" | "prefix" | "capitalized" | "bigram" | "char";
export const TERM_KINDS: readonly TermKind[] = ["word", "prefix", "capitalized", "bigram", "char"];

/** The terms of one document by kind, with repeats (counts matter). */
export type TermBag = Record<TermKind, string[]>;

export interface FeatureOptions {
  /** Words longer than this also give their first `prefixLength` letters as a term. */
  prefixLength: number;
  /** Shortest and longest letter n-gram (word boundaries count as a character). */
  charMin: number;
  charMax: number;
}

export const DEFAULT_FEATURE_OPTIONS: Readonly<FeatureOptions> = { prefixLength: 5, charMin: 3, charMax: 5 };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * Undoes markup that feeds and scraped data sets leave in text: HTML entities
 * (also the bare "#39;" form whose "&" was lost) and tags such as `<b>`.
 */
export function cleanMarkup(text: string): string {
  return text
    .replace(/&?#(\d{1,5});/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&([a-z]+);/gi, (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole)
    .replace(/<\/?[a-z][^>]*>/gi, " ");
}

const CAPITALIZED = /^\p{Lu}/u;

export class FeatureExtractor {
  constructor(readonly options: FeatureOptions) {
    const { prefixLength, charMin, charMax } = options;
    if (!Number.isInteger(prefixLength) || prefixLength < 1) throw new Error(`prefix length must be a whole number >= 1, got ${prefixLength}`);
    if (!Number.isInteger(charMin) || !Number.isInteger(charMax) || charMin < 1 || charMax < charMin) {
      throw new Error(`letter n-gram sizes must be whole numbers with 1 <= min <= max, got ${charMin}–${charMax}`);
    }
  }

  terms(text: string): TermBag {
    const { prefixLength, charMin, charMax } = this.options;
    // Numbers stay as they are: a year or a score line is topical ("2-1", "2004").
    const tokens = tokenize(cleanMarkup(text));
    const bag: TermBag = { word: [], prefix: [], capitalized: [], bigram: [], char: [] };
    let previous: string | undefined;
    for (const { word, raw } of tokens) {
      bag.word.push(word);
      if (word.length > prefixLength) bag.prefix.push(`p:${word.slice(0, prefixLength)}`);
      if (CAPITALIZED.test(raw)) bag.capitalized.push(`c:${raw}`);
      if (previous !== undefined) bag.bigram.push(`${previous} ${word}`);
      previous = word;
      const padded = ` ${word} `;
      for (let n = charMin; n <= charMax && n <= padded.length; n++) {
        for (let i = 0; i + n <= padded.length; i++) bag.char.push(`#${padded.slice(i, i + n)}`);
      }
    }
    return bag;
  }
}
