// Telegram's MarkdownV2 parse mode, transcribed from tdlib's parse_markdown_v2 so that reserved
// characters, nesting and error wording match Telegram ("Character '.' is reserved and must be
// escaped with the preceding '\'", "Can't find end of Bold entity at byte offset 0", …).
import type { MessageEntity } from "grammy/types";
import { byteOffset, checkedLink, linkUserId, sortEntities } from "./entity-utils.ts";
import type { ParseResult, UserLookup } from "./types.ts";

type Kind =
  | "Bold" | "Italic" | "Underline" | "Strikethrough" | "Spoiler" | "Code" | "Pre" | "PreCode"
  | "TextUrl" | "CustomEmoji" | "BlockQuote";

interface Open {
  kind: Kind;
  argument: string;
  entityOffset: number;
  /** Index in the source where the entity's markup began (for error messages). */
  sourceIndex: number;
  /** Where the entity's content starts in the output (for links without a URL part). */
  outputStart: number;
}

const reserved = (c: string): string => `Character '${c}' is reserved and must be escaped with the preceding '\\'`;

export function parseMarkdownV2(text: string, lookupUser: UserLookup): ParseResult {
  const at = (i: number): string => text[i] ?? "\0";
  const fail = (error: string): ParseResult => ({ ok: false, error });
  const isEscapable = (c: string): boolean => c !== "\0" && c.charCodeAt(0) > 0 && c.charCodeAt(0) <= 126;
  let out = "";
  const entities: MessageEntity[] = [];
  const open: Open[] = [];
  let haveBlockquote = false;

  for (let i = 0; i < text.length; i++) {
    const c = at(i);
    if (c === "\\" && isEscapable(at(i + 1))) {
      i++;
      out += at(i);
      continue;
    }
    const top = open[open.length - 1];
    const reservedChars =
      top !== undefined && (top.kind === "Code" || top.kind === "Pre" || top.kind === "PreCode")
        ? "`"
        : "_*[]()~`>#+-=|{}.!\n";
    if (!reservedChars.includes(c)) {
      out += c;
      continue;
    }

    let isEnd = false;
    if (top !== undefined) {
      if (haveBlockquote && c === "\n" && (i + 1 === text.length || at(i + 1) !== ">")) isEnd = true;
      else {
        switch (top.kind) {
          case "Bold": isEnd = c === "*"; break;
          case "Italic": isEnd = c === "_" && at(i + 1) !== "_"; break;
          case "Code": isEnd = c === "`"; break;
          case "Pre":
          case "PreCode": isEnd = c === "`" && at(i + 1) === "`" && at(i + 2) === "`"; break;
          case "TextUrl":
          case "CustomEmoji": isEnd = c === "]"; break;
          case "Underline": isEnd = c === "_" && at(i + 1) === "_"; break;
          case "Strikethrough": isEnd = c === "~"; break;
          case "Spoiler": isEnd = c === "|" && at(i + 1) === "|"; break;
          case "BlockQuote": isEnd = false; break;
        }
      }
    }

    if (!isEnd) {
      let kind: Kind | undefined;
      let argument = "";
      const sourceIndex = i;
      switch (c) {
        case "_":
          if (at(i + 1) === "_") {
            kind = "Underline";
            i++;
          } else kind = "Italic";
          break;
        case "*": kind = "Bold"; break;
        case "~": kind = "Strikethrough"; break;
        case "|":
          if (at(i + 1) !== "|") return fail(reserved(c));
          i++;
          kind = "Spoiler";
          break;
        case "[": kind = "TextUrl"; break;
        case "`":
          if (at(i + 1) === "`" && at(i + 2) === "`") {
            i += 3;
            kind = "Pre";
            let languageEnd = i;
            while (!/^[ \t\r\n\0\v]$/.test(at(languageEnd)) && at(languageEnd) !== "`") languageEnd++;
            if (i !== languageEnd && languageEnd < text.length && at(languageEnd) !== "`") {
              kind = "PreCode";
              argument = text.slice(i, languageEnd);
              i = languageEnd;
            }
            // One line break right after the opening fence is not part of the code.
            if (at(i) === "\n" || at(i) === "\r") {
              if ((at(i + 1) === "\n" || at(i + 1) === "\r") && at(i) !== at(i + 1)) i += 2;
              else i++;
            }
            i--;
          } else kind = "Code";
          break;
        case "!":
          if (at(i + 1) !== "[") return fail(reserved(c));
          i++;
          kind = "CustomEmoji";
          break;
        case "\n":
          out += "\n";
          if (i + 1 < text.length && at(i + 1) === ">") {
            i++;
            if (!haveBlockquote) {
              kind = "BlockQuote";
              haveBlockquote = true;
            }
          }
          break;
        case ">":
          if (i !== 0) return fail(reserved(c));
          kind = "BlockQuote";
          haveBlockquote = true;
          break;
        default:
          return fail(reserved(c));
      }
      if (kind === undefined) continue;
      open.push({ kind, argument, entityOffset: out.length, sourceIndex, outputStart: out.length });
      continue;
    }

    // The end of the innermost entity.
    const entity = top;
    if (entity === undefined) continue;
    if (c === "\n" && entity.kind !== "BlockQuote") {
      return fail(`Can't find end of ${entity.kind} entity at byte offset ${byteOffset(text, entity.sourceIndex)}`);
    }
    let argument = entity.argument;
    let skip = out.length === entity.entityOffset;
    let mentionUser: ReturnType<UserLookup>;
    switch (entity.kind) {
      case "Underline":
      case "Spoiler":
        i++;
        break;
      case "Pre":
      case "PreCode":
        i += 2;
        break;
      case "TextUrl": {
        let url: string;
        if (at(i + 1) !== "(") {
          url = out.slice(entity.outputStart);
        } else {
          i += 2;
          const urlBegin = i;
          url = "";
          while (i < text.length && at(i) !== ")") {
            if (at(i) === "\\" && isEscapable(at(i + 1))) {
              url += at(i + 1);
              i += 2;
              continue;
            }
            url += at(i++);
          }
          if (at(i) !== ")") return fail(`Can't find end of a URL at byte offset ${byteOffset(text, urlBegin)}`);
        }
        const userId = linkUserId(url);
        mentionUser = userId === undefined ? undefined : lookupUser(userId);
        if (mentionUser === undefined) {
          const link = userId === undefined ? checkedLink(url) : "";
          if (link === "") skip = true;
          else argument = link;
        }
        break;
      }
      case "CustomEmoji": {
        if (at(i + 1) !== "(") return fail("Custom emoji entity must contain a tg://emoji URL");
        i += 2;
        const urlBegin = i;
        let url = "";
        while (i < text.length && at(i) !== ")") {
          if (at(i) === "\\" && isEscapable(at(i + 1))) {
            url += at(i + 1);
            i += 2;
            continue;
          }
          url += at(i++);
        }
        if (at(i) !== ")") return fail(`Can't find end of a custom emoji URL at byte offset ${byteOffset(text, urlBegin)}`);
        const id = /^tg:\/\/emoji\?id=(\d+)$/.exec(url)?.[1];
        if (id === undefined) return fail("Custom emoji URL must have an emoji identifier");
        argument = id;
        break;
      }
      case "BlockQuote":
        haveBlockquote = false;
        out += c;
        break;
      default:
        break;
    }
    if (!skip) {
      const offset = entity.entityOffset;
      const length = out.length - offset;
      entities.push(toEntity(entity.kind, offset, length, argument, mentionUser));
    }
    open.pop();
  }

  if (haveBlockquote) {
    const last = open[open.length - 1];
    if (last?.kind === "BlockQuote") {
      const length = out.length - last.entityOffset;
      if (length !== 0) entities.push({ type: "blockquote", offset: last.entityOffset, length });
      open.pop();
    }
  }
  const unclosed = open[open.length - 1];
  if (unclosed !== undefined) {
    return fail(`Can't find end of ${unclosed.kind} entity at byte offset ${byteOffset(text, unclosed.sourceIndex)}`);
  }
  return { ok: true, text: out, entities: sortEntities(entities) };
}

function toEntity(kind: Kind, offset: number, length: number, argument: string, user: ReturnType<UserLookup>): MessageEntity {
  switch (kind) {
    case "Bold": return { type: "bold", offset, length };
    case "Italic": return { type: "italic", offset, length };
    case "Underline": return { type: "underline", offset, length };
    case "Strikethrough": return { type: "strikethrough", offset, length };
    case "Spoiler": return { type: "spoiler", offset, length };
    case "Code": return { type: "code", offset, length };
    case "Pre": return { type: "pre", offset, length };
    case "PreCode": return { type: "pre", offset, length, language: argument };
    case "CustomEmoji": return { type: "custom_emoji", offset, length, custom_emoji_id: argument };
    case "BlockQuote": return { type: "blockquote", offset, length };
    case "TextUrl":
      return user !== undefined ? { type: "text_mention", offset, length, user } : { type: "text_link", offset, length, url: argument };
  }
}
