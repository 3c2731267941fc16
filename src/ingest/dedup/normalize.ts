/**
 * Text folded for comparing stories: Unicode-compatibility forms unified
 * (NFKC: full-width letters, ligatures), lower case, and everything that is not
 * a letter or a digit (punctuation, quotes, dashes, whitespace) treated as one
 * separator. Two outlets' copies of a wire story differ in exactly these.
 */
export function words(text: string): string[] {
  return text.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
