// Entities Telegram finds by itself in every text (tdlib's find_entities), simplified to the kinds a
// bot and its tests notice: bot commands, mentions, hashtags, cashtags, URLs and e-mail addresses.
import type { MessageEntity } from "grammy/types";
import { sortEntities } from "./entity-utils.ts";

const WORD = /[\p{L}\p{N}_]/u;
const HASHTAG_LETTER = /[\p{L}\p{Nd}_\u200c\u00b7\u0d80-\u0dff]/u;
const COMMON_TLDS = "com|org|net|io|ru|de|uk|fr|eu|info|dev|app|me|co|news|edu|gov|tv|ai|us|ca|au|in|jp|it|es|nl|ua|by|kz|ch|se|no|pl";
const URL_PATTERN = new RegExp(
  `(?:\\b(?:https?|ftp|tg|tonsite)://[^\\s<>"]+|\\bwww\\.[^\\s<>"]+|\\b(?:[a-z0-9-]+\\.)+(?:${COMMON_TLDS})\\b(?:[/?#][^\\s<>"]*)?)`,
  "giu",
);
const EMAIL_PATTERN = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b/giu;

/** The code point just before `index` ("" at the start), stepping over surrogate pairs. */
function charBefore(text: string, index: number): string {
  if (index === 0) return "";
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return String.fromCodePoint(text.codePointAt(start) ?? 0);
}

export function detectEntities(text: string): MessageEntity[] {
  const found: MessageEntity[] = [];
  const add = (type: "mention" | "hashtag" | "cashtag" | "bot_command" | "url" | "email", offset: number, length: number): void => {
    found.push({ type, offset, length });
  };

  for (const match of text.matchAll(/\/([a-zA-Z0-9_]{1,64})(@[a-zA-Z0-9_]{3,32})?/g)) {
    const start = match.index;
    const before = charBefore(text, start);
    const after = text.charAt(start + match[0].length);
    if (before !== "" && (WORD.test(before) || "/<>".includes(before))) continue;
    if (after !== "" && (WORD.test(after) || "/<>@".includes(after))) continue;
    add("bot_command", start, match[0].length);
  }
  for (const match of text.matchAll(/@([a-zA-Z0-9_]{2,32})/g)) {
    const before = charBefore(text, match.index);
    const after = text.charAt(match.index + match[0].length);
    if ((before !== "" && WORD.test(before)) || (after !== "" && WORD.test(after))) continue;
    add("mention", match.index, match[0].length);
  }
  for (const match of text.matchAll(/#([\p{L}\p{Nd}_\u200c\u00b7\u0d80-\u0dff]{1,256})/gu)) {
    const before = charBefore(text, match.index);
    if (before !== "" && HASHTAG_LETTER.test(before)) continue;
    if (text.charAt(match.index + match[0].length) === "#") continue;
    if (!/\p{L}/u.test(match[1] ?? "")) continue;
    add("hashtag", match.index, match[0].length);
  }
  for (const match of text.matchAll(/\$(1INCH|[A-Z]{1,8})/g)) {
    const before = charBefore(text, match.index);
    const after = text.charAt(match.index + match[0].length);
    if ((before !== "" && (HASHTAG_LETTER.test(before) || before === "$")) || (after !== "" && (HASHTAG_LETTER.test(after) || after === "$"))) continue;
    add("cashtag", match.index, match[0].length);
  }
  for (const match of text.matchAll(EMAIL_PATTERN)) add("email", match.index, match[0].length);
  for (const match of text.matchAll(URL_PATTERN)) {
    // Trailing punctuation ends a sentence, not the URL.
    const url = match[0].replace(/[.,;:!?'")\]]+$/u, "");
    if (url.length > 0) add("url", match.index, url.length);
  }
  return removeIntersecting(sortEntities(found));
}

/** Keeps the first of any overlapping entities (tdlib's remove_intersecting_entities). */
function removeIntersecting(entities: MessageEntity[]): MessageEntity[] {
  const kept: MessageEntity[] = [];
  let lastEnd = 0;
  for (const entity of entities) {
    if (entity.offset >= lastEnd) {
      kept.push(entity);
      lastEnd = entity.offset + entity.length;
    }
  }
  return kept;
}

const SPLITTABLE = new Set(["bold", "italic", "underline", "strikethrough", "spoiler"]);
const BLOCKQUOTES = new Set(["blockquote", "expandable_blockquote"]);

/** Adds detected entities that do not cross the ones the sender gave (tdlib's merge_new_entities). */
export function mergeDetectedEntities(given: MessageEntity[], detected: MessageEntity[]): MessageEntity[] {
  const blocking = given.filter((e) => !SPLITTABLE.has(e.type));
  const merged = [...given];
  for (const entity of detected) {
    const end = entity.offset + entity.length;
    const crosses = blocking.some((other) => {
      const otherEnd = other.offset + other.length;
      const overlaps = entity.offset < otherEnd && other.offset < end;
      if (!overlaps) return false;
      // A blockquote may contain a detected entity, but not be crossed by one.
      return !(BLOCKQUOTES.has(other.type) && entity.offset >= other.offset && end <= otherEnd);
    });
    if (!crosses) merged.push(entity);
  }
  return sortEntities(merged);
}
