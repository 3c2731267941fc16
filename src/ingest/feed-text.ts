/**
 * A feed's HTML (content:encoded, Atom content, JSON Feed content_html) as the plain text the
 * brief reads: paragraphs on lines of their own, separated by a blank line, scripts dropped.
 */
import { parse } from "node-html-parser";

export function feedHtmlToText(html: string): string {
  const root = parse(html, { blockTextElements: { script: false, style: false, noscript: false, pre: true } });
  return root.structuredText
    .split("\n")
    .map((line) => line.replace(/[\s\u00a0]+/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
}

/** Words in a text, counted the way a reader would (for "is this the full story or a teaser?"). */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
