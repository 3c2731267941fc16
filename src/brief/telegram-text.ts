/**
 * Text rules of Telegram messages, for the brief renderer: HTML escaping, safe links, valid
 * hashtags, and lengths as Telegram counts them (UTF-16 code units of the text after entity
 * parsing, i.e. without tags, with "&lt;" counting as one character).
 */

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Makes an external string safe to send: well-formed UTF-16 (a lone surrogate would make the
 * request invalid UTF-8), no control characters, one line.
 */
export function cleanInline(text: string): string {
  return text
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The URL, normalised, when it is http(s); anything else is never made a link. */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
    // Telegram rejects a button whose host has no top-level domain ("http://localhost/").
    if (!url.hostname.includes(".") && !url.hostname.startsWith("[")) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

/** Longest hashtag kept (Telegram recognises longer ones, nobody reads them). */
const MAX_HASHTAG_LENGTH = 48;

/**
 * A topic as a Telegram hashtag without "#": letters, digits and underscores only, words joined
 * in PascalCase ("war in Ukraine" → "WarInUkraine"); undefined when nothing usable is left
 * (Telegram does not recognise a hashtag of digits only).
 */
export function toHashtag(topic: string): string | undefined {
  const words = cleanInline(topic).normalize("NFC").replace(/^#+/, "").split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
  const joined =
    words.length === 1
      ? (words[0] ?? "")
      : words.map((word) => word.charAt(0).toLocaleUpperCase() + word.slice(1)).join("");
  const tag = cutUnits(joined, MAX_HASHTAG_LENGTH);
  return /\p{L}/u.test(tag) ? tag : undefined;
}

/** The first code units of the text, up to `max`, never splitting a surrogate pair. */
export function cutUnits(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--; // the high half of a pair whose low half would be cut off
  return text.slice(0, end);
}

/**
 * Shortens plain text to at most `max` code units: at the last sentence end when that keeps at
 * least half, else at the last word boundary, else at a character, marking a cut with "…".
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return max === 1 ? "…" : "";
  const room = cutUnits(text, max - 1); // leave room for "…"
  const sentenceEnd = lastMatchEnd(room, /[.!?…]["'”’»)]*(?=\s)/g);
  if (sentenceEnd >= max / 2) return room.slice(0, sentenceEnd);
  const space = room.lastIndexOf(" ");
  const base = space >= max / 3 ? room.slice(0, space) : room;
  return `${base.replace(/[\s,;:—–-]+$/u, "")}…`;
}

function lastMatchEnd(text: string, pattern: RegExp): number {
  let end = -1;
  for (const match of text.matchAll(pattern)) end = match.index + match[0].length;
  return end;
}
