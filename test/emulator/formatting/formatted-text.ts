// From what the bot sent (text + parse_mode or entities) to what Telegram stores: parse, clean
// control characters, trim, enforce the length limit (counted in UTF-16 code units after parsing,
// so "<b>x</b>" is one character and an emoji is two), then add the entities Telegram detects.
// Mirrors tdlib's fix_formatted_text.
import type { MessageEntity } from "grammy/types";
import { badRequest } from "../api-error.ts";
import { detectEntities, mergeDetectedEntities } from "./detect-entities.ts";
import { byteOffset, sortEntities } from "./entity-utils.ts";
import { parseHtml } from "./html.ts";
import { parseInputEntities } from "./input-entities.ts";
import { parseMarkdownLegacy } from "./markdown.ts";
import { parseMarkdownV2 } from "./markdown-v2.ts";
import type { ParseResult, UserLookup } from "./types.ts";

export type TextKind = "text" | "caption";
export const TEXT_LIMITS: Record<TextKind, number> = { text: 4096, caption: 1024 };

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

export interface FormatInput {
  text: string;
  parseMode?: string | undefined;
  /** The raw `entities` parameter (array or JSON string); wins over parse_mode. */
  entities?: unknown;
}

export function parseWithMode(text: string, parseMode: string, lookupUser: UserLookup): ParseResult {
  switch (parseMode.toLowerCase()) {
    case "html":
      return parseHtml(text, lookupUser);
    case "markdownv2":
      return parseMarkdownV2(text, lookupUser);
    case "markdown":
      return parseMarkdownLegacy(text, lookupUser);
    default:
      throw badRequest("Unsupported parse_mode");
  }
}

export function formatText(input: FormatInput, kind: TextKind, lookupUser: UserLookup): FormattedText {
  let parsed: FormattedText;
  if (input.entities !== undefined && input.entities !== null && input.entities !== "") {
    parsed = { text: input.text, entities: parseInputEntities(input.entities, lookupUser) };
    checkEntityBounds(parsed);
  } else if (input.parseMode !== undefined && input.parseMode !== "") {
    const result = parseWithMode(input.text, input.parseMode, lookupUser);
    if (!result.ok) throw badRequest(`Can't parse entities: ${result.error}`);
    parsed = { text: result.text, entities: result.entities };
  } else {
    parsed = { text: input.text, entities: [] };
  }

  const cleaned = trim(clean(parsed));
  if (cleaned.text === "") {
    if (kind === "text") throw badRequest("Message text is empty");
    return cleaned;
  }
  if (cleaned.text.length > TEXT_LIMITS[kind]) {
    throw badRequest(kind === "text" ? "Message is too long" : "Message caption is too long");
  }
  return { text: cleaned.text, entities: mergeDetectedEntities(cleaned.entities, detectEntities(cleaned.text)) };
}

function checkEntityBounds({ text, entities }: FormattedText): void {
  const isLowSurrogate = (index: number): boolean => {
    const code = text.charCodeAt(index);
    return code >= 0xdc00 && code <= 0xdfff && index > 0;
  };
  for (const e of entities) {
    if (e.offset < 0 || e.offset > 1_000_000) throw badRequest(`Receive an entity with incorrect offset ${e.offset}`);
    if (e.length < 0 || e.length > 1_000_000) throw badRequest(`Receive an entity with incorrect length ${e.length}`);
  }
  for (const e of entities) {
    if (e.length === 0) continue;
    const end = e.offset + e.length;
    if (e.offset >= text.length) throw badRequest(`Entity begins after the end of the text at UTF-16 offset ${e.offset}`);
    if (end > text.length) {
      throw badRequest(`Entity beginning at UTF-16 offset ${e.offset} ends after the end of the text at UTF-16 offset ${end}`);
    }
    if (isLowSurrogate(e.offset)) {
      throw badRequest(`Entity begins in a middle of a UTF-16 symbol at byte offset ${byteOffset(text, e.offset + 1)}`);
    }
    if (end < text.length && isLowSurrogate(end)) {
      throw badRequest(
        `Entity beginning at UTF-16 offset ${e.offset} ends in a middle of a UTF-16 symbol at byte offset ${byteOffset(text, end + 1)}`,
      );
    }
  }
}

/**
 * tdlib's clean_input_string: control characters become spaces (a newline stays), "\r" and the
 * bidi/line separators U+2028–U+202E and a few combining marks are removed; entities follow.
 */
function clean({ text, entities }: FormattedText): FormattedText {
  let out = "";
  // newIndex[i] = position in `out` of source index i (one past the end included).
  const newIndex = new Array<number>(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    newIndex[i] = out.length;
    const code = text.charCodeAt(i);
    if (code === 13 || (code >= 0x2028 && code <= 0x202e) || code === 0x0333 || code === 0x033f || code === 0x030a) continue;
    out += code < 32 && code !== 10 ? " " : text.charAt(i);
  }
  newIndex[text.length] = out.length;
  if (out.length === text.length) return { text, entities: entities.filter((e) => e.length > 0) };
  const moved = entities
    .map((e) => {
      const start = newIndex[e.offset] ?? out.length;
      const end = newIndex[e.offset + e.length] ?? out.length;
      return { ...e, offset: start, length: end - start };
    })
    .filter((e) => e.length > 0);
  return { text: out, entities: sortEntities(moved) };
}

/** Trailing spaces and newlines go; leading ones go up to the first entity (tdlib's rule). */
function trim({ text, entities }: FormattedText): FormattedText {
  let end = text.length;
  while (end > 0 && (text[end - 1] === " " || text[end - 1] === "\n")) end--;
  const kept = entities
    .filter((e) => e.length > 0 && e.offset < end)
    .map((e) => (e.offset + e.length > end ? { ...e, length: end - e.offset } : e));
  const firstEntity = kept.length === 0 ? end : Math.min(...kept.map((e) => e.offset));
  let start = 0;
  while (start < firstEntity && start < end && (text[start] === " " || text[start] === "\n")) start++;
  return {
    text: text.slice(start, end),
    entities: sortEntities(start === 0 ? kept : kept.map((e) => ({ ...e, offset: e.offset - start }))),
  };
}
