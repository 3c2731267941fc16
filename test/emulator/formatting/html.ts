// Telegram's HTML parse mode, transcribed from tdlib's parse_html (td/telegram/MessageEntity.cpp)
// so that the emulator accepts and rejects exactly what Telegram does, with the same wording.
// Notable real behaviours kept on purpose: a bare "&" or ">" is literal text (only "<" is
// reserved), unknown named entities like "&copy;" stay literal, and tags are case-insensitive.
import type { MessageEntity } from "grammy/types";
import { byteOffset, checkedLink, linkUserId, sortEntities } from "./entity-utils.ts";
import type { ParseResult, UserLookup } from "./types.ts";

const SUPPORTED_TAGS = new Set([
  "a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins",
  "tg-spoiler", "tg-emoji", "span", "pre", "code", "blockquote",
]);

// td::is_space also treats the C string terminator as a space; we model "past the end" as "\0".
const isSpace = (c: string): boolean =>
  c === " " || c === "\t" || c === "\r" || c === "\n" || c === "\0" || c === "\v";
const isAlpha = (c: string): boolean => /^[A-Za-z]$/.test(c);
const isAlnum = (c: string): boolean => /^[A-Za-z0-9]$/.test(c);

interface OpenTag {
  tagName: string;
  argument: string;
  entityOffset: number;
  /** Position in the output text where the tag's content starts (for <a> without href). */
  outputStart: number;
}

/**
 * Decodes an HTML character reference starting at `pos` ("&" there). Returns the code point and
 * the position after it, or undefined when it is not one Telegram understands (then "&" is literal).
 */
export function decodeHtmlEntity(text: string, pos: number): { code: number; next: number } | undefined {
  const at = (i: number): string => text[i] ?? "\0";
  let end = pos + 1;
  let code = 0;
  if (at(pos + 1) === "#") {
    end++;
    if (at(pos + 2) === "x") {
      end++;
      while (/^[0-9A-Fa-f]$/.test(at(end))) code = code * 16 + parseInt(at(end++), 16);
    } else {
      while (/^[0-9]$/.test(at(end))) code = code * 10 + Number(at(end++));
    }
    if (code === 0 || code >= 0x10ffff || end - pos >= 10) return undefined;
  } else {
    while (isAlpha(at(end))) end++;
    const name = text.slice(pos + 1, end);
    const named: Record<string, number> = { lt: 0x3c, gt: 0x3e, amp: 0x26, quot: 0x22 };
    const value = named[name];
    if (value === undefined) return undefined;
    code = value;
  }
  return { code, next: at(end) === ";" ? end + 1 : end };
}

export function parseHtml(text: string, lookupUser: UserLookup): ParseResult {
  const at = (i: number): string => text[i] ?? "\0";
  const fail = (error: string): ParseResult => ({ ok: false, error });
  const offsetOf = (i: number): number => byteOffset(text, i);
  let out = "";
  let hasSurrogateReference = false;
  const entities: MessageEntity[] = [];
  const open: OpenTag[] = [];

  for (let i = 0; i < text.length; i++) {
    const c = at(i);
    if (c === "&") {
      const decoded = decodeHtmlEntity(text, i);
      if (decoded !== undefined) {
        if (decoded.code >= 0xd800 && decoded.code <= 0xdfff) hasSurrogateReference = true;
        out += String.fromCodePoint(decoded.code);
        i = decoded.next - 1;
        continue;
      }
    }
    if (c !== "<") {
      out += c;
      continue;
    }

    const beginPos = i++;
    if (at(i) !== "/") {
      // A start tag.
      while (!isSpace(at(i)) && at(i) !== ">") i++;
      if (at(i) === "\0") return fail(`Unclosed start tag at byte offset ${offsetOf(beginPos)}`);
      const tagName = text.slice(beginPos + 1, i).toLowerCase();
      if (!SUPPORTED_TAGS.has(tagName)) {
        return fail(`Unsupported start tag "${tagName}" at byte offset ${offsetOf(beginPos)}`);
      }

      let argument = "";
      while (at(i) !== ">") {
        while (at(i) !== "\0" && isSpace(at(i))) i++;
        if (at(i) === ">") break;
        const attributeBegin = i;
        while (!isSpace(at(i)) && !"=>/\"'".includes(at(i))) i++;
        const attributeName = text.slice(attributeBegin, i);
        if (attributeName === "") {
          return fail(`Empty attribute name in the tag "${tagName}" at byte offset ${offsetOf(beginPos)}`);
        }
        while (at(i) !== "\0" && isSpace(at(i))) i++;
        if (at(i) !== "=") {
          if (at(i) === "\0") return fail(`Unclosed start tag "${tagName}" at byte offset ${offsetOf(beginPos)}`);
          if (tagName === "blockquote" && attributeName === "expandable") argument = "1";
          continue;
        }
        i++;
        while (at(i) !== "\0" && isSpace(at(i))) i++;
        if (at(i) === "\0") return fail(`Unclosed start tag "${tagName}" at byte offset ${offsetOf(beginPos)}`);

        let value = "";
        if (at(i) !== "'" && at(i) !== '"') {
          // A name token: letters, digits, periods or hyphens, case-insensitive.
          const tokenBegin = i;
          while (isAlnum(at(i)) || at(i) === "." || at(i) === "-") i++;
          value = text.slice(tokenBegin, i).toLowerCase();
          if (!isSpace(at(i)) && at(i) !== ">") {
            return fail(`Unexpected end of name token at byte offset ${offsetOf(tokenBegin)}`);
          }
        } else {
          const quote = at(i++);
          while (at(i) !== quote && at(i) !== "\0") {
            if (at(i) === "&") {
              const decoded = decodeHtmlEntity(text, i);
              if (decoded !== undefined) {
                value += String.fromCodePoint(decoded.code);
                i = decoded.next;
                continue;
              }
            }
            value += at(i++);
          }
          if (at(i) === quote) i++;
        }
        if (at(i) === "\0") return fail(`Unclosed start tag at byte offset ${offsetOf(beginPos)}`);

        if (tagName === "a" && attributeName === "href") argument = value;
        else if (tagName === "code" && attributeName === "class" && value.startsWith("language-")) argument = value.slice(9);
        else if (tagName === "span" && attributeName === "class" && value.startsWith("tg-")) argument = value.slice(3);
        else if (tagName === "tg-emoji" && attributeName === "emoji-id") argument = value;
        else if (tagName === "blockquote" && attributeName === "expandable") argument = "1";
      }

      if (tagName === "span" && argument !== "spoiler") {
        return fail(`Tag "span" must have class "tg-spoiler" at byte offset ${offsetOf(beginPos)}`);
      }
      open.push({ tagName, argument, entityOffset: out.length, outputStart: out.length });
      continue;
    }

    // An end tag.
    const top = open[open.length - 1];
    if (top === undefined) return fail(`Unexpected end tag at byte offset ${offsetOf(beginPos)}`);
    while (!isSpace(at(i)) && at(i) !== ">") i++;
    const endTagName = text.slice(beginPos + 2, i).toLowerCase();
    while (isSpace(at(i)) && at(i) !== "\0") i++;
    if (at(i) !== ">") return fail(`Unclosed end tag at byte offset ${offsetOf(beginPos)}`);
    const tagName = top.tagName;
    if (endTagName !== "" && endTagName !== tagName) {
      return fail(
        `Unmatched end tag at byte offset ${offsetOf(beginPos)}, expected "</${tagName}>", found "</${endTagName}>"`,
      );
    }

    const offset = top.entityOffset;
    const length = out.length - offset;
    if (length > 0) {
      const last = entities[entities.length - 1];
      const sameSpan = last !== undefined && last.offset === offset && last.length === length;
      if (tagName === "i" || tagName === "em") entities.push({ type: "italic", offset, length });
      else if (tagName === "b" || tagName === "strong") entities.push({ type: "bold", offset, length });
      else if (tagName === "s" || tagName === "strike" || tagName === "del") entities.push({ type: "strikethrough", offset, length });
      else if (tagName === "u" || tagName === "ins") entities.push({ type: "underline", offset, length });
      else if (tagName === "tg-spoiler" || tagName === "span") entities.push({ type: "spoiler", offset, length });
      else if (tagName === "tg-emoji") {
        if (!/^-?\d{1,19}$/.test(top.argument) || BigInt(top.argument) === 0n) {
          return fail("Invalid custom emoji identifier specified");
        }
        entities.push({ type: "custom_emoji", offset, length, custom_emoji_id: top.argument });
      } else if (tagName === "a") {
        const url = top.argument === "" ? out.slice(top.outputStart) : top.argument;
        const userId = linkUserId(url);
        const user = userId === undefined ? undefined : lookupUser(userId);
        if (user !== undefined) entities.push({ type: "text_mention", offset, length, user });
        else if (userId === undefined) {
          const link = checkedLink(url);
          if (link !== "") entities.push({ type: "text_link", offset, length, url: link });
        }
      } else if (tagName === "pre") {
        // <pre><code class="language-x">…</code></pre> makes one pre entity with a language.
        if (last !== undefined && sameSpan && last.type === "code" && codeLanguage(last) !== "") {
          entities[entities.length - 1] = { type: "pre", offset, length, language: codeLanguage(last) };
        } else {
          entities.push({ type: "pre", offset, length });
        }
      } else if (tagName === "code") {
        if (last !== undefined && sameSpan && last.type === "pre" && top.argument !== "") {
          entities[entities.length - 1] = { type: "pre", offset, length, language: top.argument };
        } else {
          entities.push(withCodeLanguage({ type: "code", offset, length }, top.argument));
        }
      } else if (tagName === "blockquote") {
        entities.push({ type: top.argument === "" ? "blockquote" : "expandable_blockquote", offset, length });
      }
    }
    open.pop();
  }

  const unclosed = open[open.length - 1];
  if (unclosed !== undefined) {
    return fail(`Can't find end tag corresponding to start tag "${unclosed.tagName}"`);
  }
  // tdlib encodes each referenced surrogate on its own, which is never valid UTF-8.
  if (hasSurrogateReference) {
    return fail(
      "Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units",
    );
  }
  // A language remembered on a bare <code> is dropped, as tdlib does.
  const cleaned = entities.map((e) => (e.type === "code" ? { type: "code" as const, offset: e.offset, length: e.length } : e));
  return { ok: true, text: out, entities: sortEntities(cleaned) };
}

// While parsing, a <code class="language-x"> remembers its language until a wrapping <pre> closes.
const codeLanguages = new WeakMap<MessageEntity, string>();
function withCodeLanguage(entity: MessageEntity, language: string): MessageEntity {
  if (language !== "") codeLanguages.set(entity, language);
  return entity;
}
function codeLanguage(entity: MessageEntity): string {
  return codeLanguages.get(entity) ?? "";
}
