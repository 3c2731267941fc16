/**
 * Finds many phrases in a token stream at once. Phrases are compiled into a map
 * from their first word to the phrases that start with it, so matching costs
 * one map look-up per token (plus a few for stems), however many topics and
 * aliases there are — not one regular expression per alias per article.
 */
import { isShouting, tokenize, type Token } from "./text.ts";

export interface PatternToken {
  /** Lowercased comparison form (the stem, for a stem). */
  word: string;
  /** Matches any word that starts with `word` ("Пекін*"). */
  stem: boolean;
  /** Set when the phrase was written in capitals ("US"): the token must be written exactly so. */
  exactCase?: string;
}

/** Shortest stem allowed, so "Ки*" cannot swallow half the dictionary. */
export const MIN_STEM_LENGTH = 4;

/**
 * Reads a phrase as written in a catalog or a custom topic. A word in capitals
 * (two letters or more) is case-sensitive; a trailing `*` makes the word a stem.
 */
export function parsePhrase(phrase: string): PatternToken[] {
  // Split on the same boundaries as article text, remembering which words were followed by "*".
  const parts = phrase.split(/(\*)/);
  const tokens: PatternToken[] = [];
  let previous = "";
  for (const part of parts) {
    if (part === "*") {
      // Only a "*" glued to a word makes a stem; a loose one ("China *") means nothing.
      const last = tokens[tokens.length - 1];
      if (last && /[\p{L}\p{M}\p{N}]$/u.test(previous)) {
        last.stem = true;
        delete last.exactCase;
      }
    } else {
      for (const token of tokenize(part)) tokens.push(patternToken(token));
    }
    previous = part;
  }
  return tokens;
}

function patternToken(token: Token): PatternToken {
  const letters = token.raw.replace(/[^\p{L}]/gu, "");
  const capitals = letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  return capitals ? { word: token.word, stem: false, exactCase: token.raw } : { word: token.word, stem: false };
}

export interface PhraseEntry<T> {
  phrase: string;
  value: T;
}

export interface PhraseMatch<T> {
  value: T;
  /** The phrase as the catalog wrote it. */
  phrase: string;
  /** Token range [start, end) in the matched token list. */
  start: number;
  end: number;
}

interface Candidate<T> {
  tokens: PatternToken[];
  phrase: string;
  value: T;
}

export class PhraseMatcher<T> {
  private readonly byFirstWord = new Map<string, Candidate<T>[]>();
  private readonly byFirstStem = new Map<string, Candidate<T>[]>();
  private readonly stemLengths: number[];

  constructor(entries: Iterable<PhraseEntry<T>>) {
    const lengths = new Set<number>();
    for (const { phrase, value } of entries) {
      const tokens = parsePhrase(phrase);
      const first = tokens[0];
      if (!first) continue;
      const index = first.stem ? this.byFirstStem : this.byFirstWord;
      if (first.stem) lengths.add(first.word.length);
      const list = index.get(first.word);
      const candidate = { tokens, phrase, value };
      if (list) list.push(candidate);
      else index.set(first.word, [candidate]);
    }
    this.stemLengths = [...lengths].sort((a, b) => a - b);
  }

  /** Every occurrence of every phrase, overlapping ones included, in text order. */
  match(tokens: readonly Token[]): PhraseMatch<T>[] {
    const shouting = isShouting(tokens);
    const found: PhraseMatch<T>[] = [];
    for (let start = 0; start < tokens.length; start++) {
      const word = (tokens[start] as Token).word;
      this.tryAll(this.byFirstWord.get(word), tokens, start, shouting, found);
      for (const length of this.stemLengths) {
        if (length > word.length) break;
        this.tryAll(this.byFirstStem.get(word.slice(0, length)), tokens, start, shouting, found);
      }
    }
    return found;
  }

  matchText(text: string): PhraseMatch<T>[] {
    return this.match(tokenize(text));
  }

  private tryAll(candidates: Candidate<T>[] | undefined, tokens: readonly Token[], start: number, shouting: boolean, found: PhraseMatch<T>[]): void {
    if (!candidates) return;
    for (const candidate of candidates) {
      const end = start + candidate.tokens.length;
      if (end > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < candidate.tokens.length && ok; k++) {
        ok = tokenMatches(candidate.tokens[k] as PatternToken, tokens[start + k] as Token, shouting);
      }
      if (ok) found.push({ value: candidate.value, phrase: candidate.phrase, start, end });
    }
  }
}

function tokenMatches(pattern: PatternToken, token: Token, shouting: boolean): boolean {
  // In an all-caps headline capitals mean nothing: "US" there may be "us".
  if (pattern.exactCase !== undefined) return !shouting && token.raw === pattern.exactCase;
  if (pattern.stem) return token.word.startsWith(pattern.word);
  return token.word === pattern.word;
}
