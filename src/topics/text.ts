/**
 * Unicode-aware text normalization and tokenization shared by topic matching,
 * custom topics and the classifier. One tokenizer for both sides (aliases and
 * articles) is what makes phrase matching consistent: whatever an alias splits
 * into, the article text splits into the same way.
 */

/** One word of a text. `word` is the comparison form, `raw` keeps the case as written. */
export interface Token {
  /** Normalized and lowercased: the form aliases are compared against. */
  word: string;
  /** Normalized but in the original case, for case-sensitive aliases ("US", "NATO"). */
  raw: string;
}

// Letters (any script), combining marks and digits. Everything else separates
// words: spaces, punctuation, hyphens ("Kyiv-based" → kyiv, based) and
// apostrophes ("China’s" → china, s), so a possessive or compound still
// mentions its parts while a longer word ("Chinatown", "Kyivstar") is one
// token and never matches a shorter alias.
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

// Latin letters lose their accents ("Zürich" ≡ "Zurich"); Cyrillic keeps them,
// because й/ї/ё are different letters there, not decorated ones.
const LATIN_WITH_MARKS = /(\p{Script=Latin})\p{M}+/gu;

/**
 * Canonical form of a text before tokenizing: compatibility forms folded
 * (full-width letters, ligatures), accents dropped from Latin letters, and
 * Russian ё written as е (most Russian text omits the dots).
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(LATIN_WITH_MARKS, "$1")
    .normalize("NFC")
    .replace(/ё/g, "е")
    .replace(/Ё/g, "Е");
}

/** Splits a text into tokens (see `Token`). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of normalizeText(text).matchAll(WORD)) {
    const raw = match[0];
    tokens.push({ word: raw.toLowerCase(), raw });
  }
  return tokens;
}

/** The comparison forms of a text's words, in order. */
export function words(text: string): string[] {
  return tokenize(text).map((token) => token.word);
}

/**
 * True when a text is written mostly in capitals ("BREAKING: TRUMP TELLS US…"),
 * where the case of a word says nothing and case-sensitive aliases must not match.
 */
export function isShouting(tokens: readonly Token[]): boolean {
  let letterWords = 0;
  let upperWords = 0;
  for (const token of tokens) {
    if (token.raw.length < 2 || !/\p{L}/u.test(token.raw)) continue;
    letterWords++;
    if (token.raw === token.raw.toUpperCase() && token.raw !== token.raw.toLowerCase()) upperWords++;
  }
  return letterWords >= 3 && upperWords / letterWords > 0.6;
}
