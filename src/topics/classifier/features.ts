/**
 * Terms a document is described by: its words, cut to a common stem length
 * (a cheap, language-neutral stemmer: "economic"/"economy" → "economi",
 * "shares"/"shareholders" stay apart only past 7 letters), optional pairs of
 * adjacent words, and a feature per prior-knowledge list a word belongs to.
 */
import { words } from "../text.ts";
import type { Lexicon } from "./lexicon.ts";

export interface FeatureOptions {
  /** Keep at most this many leading characters of a word; 0 keeps words whole. */
  stemLength: number;
  /** Also emit adjacent word pairs. */
  bigrams: boolean;
  /** Word lists that each add a shared feature (`@name`) per word found in them. */
  lexicon?: Lexicon;
}

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

export class FeatureExtractor {
  private readonly lexicon = new Map<string, string[]>();

  constructor(readonly options: FeatureOptions) {
    for (const [name, list] of Object.entries(options.lexicon ?? {})) {
      for (const word of list) {
        const key = word.toLowerCase();
        this.lexicon.set(key, [...(this.lexicon.get(key) ?? []), `@${name}`]);
      }
    }
  }

  /** The terms of a text, with repeats (counts matter). */
  terms(text: string): string[] {
    // Numbers stay as they are: a year or a score line is topical ("2-1", "2004").
    const all = words(cleanMarkup(text));
    const stemLength = this.options.stemLength;
    const terms = stemLength > 0 ? all.map((w) => w.slice(0, stemLength)) : all.slice();
    if (this.options.bigrams) {
      const n = terms.length;
      for (let i = 0; i + 1 < n; i++) terms.push(`${terms[i]} ${terms[i + 1]}`);
    }
    if (this.lexicon.size) for (const word of all) terms.push(...(this.lexicon.get(word) ?? []));
    return terms;
  }
}
