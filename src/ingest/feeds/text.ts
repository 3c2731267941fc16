/** Feed text fields to plain text, and plain text to HTML where a field must be HTML. */
import { parse } from "node-html-parser";
import { escapeHtml } from "../../brief/index.ts";
import { collapseWhitespace, decodeEntities, plainText } from "../../extract/dom.ts";

// Scripts and styles in a feed's HTML are never text a reader should see.
const DROPPED_ELEMENTS = { script: false, style: false, noscript: false, textarea: false, pre: true };

/** A complete tag ("<b>", "</p>", "<img src=x/>", "<!-- -->"): the text is markup, not a bare "<". */
const TAG = /<(?:\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?|!--[\s\S]*?--)>/i;

/**
 * HTML, or text that may carry tags and entities (RSS titles and descriptions
 * are either), to one line of plain text; "" → undefined. Without a complete
 * tag a "<" is the character itself ("a<b", "x < y"), so only entities are decoded.
 */
export function htmlToText(html: string | undefined): string | undefined {
  if (html === undefined) return undefined;
  const text = TAG.test(html)
    ? plainText(parse(html, { comment: false, blockTextElements: DROPPED_ELEMENTS }))
    : collapseWhitespace(decodeEntities(html));
  return text || undefined;
}

/** Plain text (already decoded) to one line; "" → undefined. */
export function cleanText(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return collapseWhitespace(text) || undefined;
}

/** Plain text to HTML paragraphs (blank lines separate them), escaped. */
export function textToHtml(text: string | undefined): string | undefined {
  if (!text?.trim()) return undefined;
  return text
    .split(/\n\s*\n/)
    .map((para) => para.trim())
    .filter(Boolean)
    .map((para) => `<p>${escapeHtml(para).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

/** Non-empty, trimmed, de-duplicated (case-insensitively), in first-seen order. */
export function uniqueTexts(values: Iterable<string | undefined>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const text = cleanText(value);
    if (!text) continue;
    const key = text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out;
}
