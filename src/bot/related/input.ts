/**
 * What the user gave /related or /search: a link or words, checked before anything is looked up.
 * Words are matched as words: quotes, operators and punctuation are not syntax here, so
 * nothing a user types can break a query.
 */
import { textTerms } from "../../related/terms.ts";

/** Longer than any headline: more is a pasted article, not a query. */
export const MAX_QUERY_CHARS = 300;

export type QueryInput =
  | { kind: "empty" }
  | { kind: "too-long" }
  | { kind: "no-words" }
  | { kind: "bad-link" }
  | { kind: "link"; url: string }
  | { kind: "words"; words: string };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function parseQuery(text: string): QueryInput {
  const trimmed = text.trim();
  if (!trimmed) return { kind: "empty" };
  if (trimmed.length > MAX_QUERY_CHARS) return { kind: "too-long" };
  if (!/\s/.test(trimmed) && (trimmed.includes("://") || /^www\./i.test(trimmed) || /^(?:mailto|javascript|data|file|tel):/i.test(trimmed))) {
    const candidate = SCHEME.test(trimmed) ? trimmed : `https://${trimmed}`;
    try {
      const url = new URL(candidate);
      if ((url.protocol === "http:" || url.protocol === "https:") && url.hostname) return { kind: "link", url: url.href };
    } catch {
      // Falls through: not a link we can open.
    }
    return { kind: "bad-link" };
  }
  const words = trimmed.replace(/\s+/g, " ");
  if (textTerms(words).words.length === 0) return { kind: "no-words" };
  return { kind: "words", words };
}
