// Telegram's legacy "Markdown" parse mode, transcribed from tdlib's parse_markdown.
import type { MessageEntity } from "grammy/types";
import { byteOffset, checkedLink, linkUserId } from "./entity-utils.ts";
import type { ParseResult, UserLookup } from "./types.ts";

export function parseMarkdownLegacy(text: string, lookupUser: UserLookup): ParseResult {
  const at = (i: number): string => text[i] ?? "\0";
  let out = "";
  const entities: MessageEntity[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = at(i);
    if (c === "\\" && "_*`[".includes(at(i + 1)) && at(i + 1) !== "\0") {
      out += at(++i);
      continue;
    }
    if (!"_*`[".includes(c)) {
      out += c;
      continue;
    }
    const beginPos = i;
    const endCharacter = c === "[" ? "]" : c;
    let isPre = false;
    let language = "";
    i++;
    if (c === "`" && at(i) === "`" && at(i + 1) === "`") {
      i += 2;
      isPre = true;
      let languageEnd = i;
      while (!/^[ \t\r\n\0\v]$/.test(at(languageEnd)) && at(languageEnd) !== "`") languageEnd++;
      if (i !== languageEnd && languageEnd < text.length && at(languageEnd) !== "`") {
        language = text.slice(i, languageEnd);
        i = languageEnd;
      }
      if (at(i) === "\n" || at(i) === "\r") {
        if ((at(i + 1) === "\n" || at(i + 1) === "\r") && at(i) !== at(i + 1)) i += 2;
        else i++;
      }
    }
    const entityOffset = out.length;
    while (i < text.length && (at(i) !== endCharacter || (isPre && !(at(i + 1) === "`" && at(i + 2) === "`")))) {
      out += at(i++);
    }
    if (i === text.length) {
      return { ok: false, error: `Can't find end of the entity starting at byte offset ${byteOffset(text, beginPos)}` };
    }
    const length = out.length - entityOffset;
    if (length > 0) {
      if (c === "_") entities.push({ type: "italic", offset: entityOffset, length });
      else if (c === "*") entities.push({ type: "bold", offset: entityOffset, length });
      else if (c === "[") {
        let url = "";
        if (at(i + 1) !== "(") url = text.slice(beginPos + 1, i);
        else {
          i += 2;
          while (i < text.length && at(i) !== ")") url += at(i++);
        }
        const userId = linkUserId(url);
        const user = userId === undefined ? undefined : lookupUser(userId);
        if (user !== undefined) entities.push({ type: "text_mention", offset: entityOffset, length, user });
        else {
          const link = userId === undefined ? checkedLink(url) : "";
          if (link !== "") entities.push({ type: "text_link", offset: entityOffset, length, url: link });
        }
      } else if (isPre) {
        entities.push(language === "" ? { type: "pre", offset: entityOffset, length } : { type: "pre", offset: entityOffset, length, language });
      } else entities.push({ type: "code", offset: entityOffset, length });
    }
    if (isPre) i += 2;
  }
  return { ok: true, text: out, entities };
}
