import { describe, expect, it } from "vitest";
import { parseMarkdownV2 } from "./index.ts";

const noUsers = (): undefined => undefined;

describe("Telegram MarkdownV2 parsing", () => {
  it("parses nested entities, escapes, links and code blocks", () => {
    const result = parseMarkdownV2("*bold _both_* __u__ ~s~ ||sp|| [link](https://example.com/a\\)b) `c` ```ts\nlet a\n``` 1\\.5", noUsers);
    expect(result).toEqual({
      ok: true,
      text: "bold both u s sp link c let a\n 1.5",
      entities: [
        { type: "bold", offset: 0, length: 9 },
        { type: "italic", offset: 5, length: 4 },
        { type: "underline", offset: 10, length: 1 },
        { type: "strikethrough", offset: 12, length: 1 },
        { type: "spoiler", offset: 14, length: 2 },
        { type: "text_link", offset: 17, length: 4, url: "https://example.com/a)b" },
        { type: "code", offset: 22, length: 1 },
        { type: "pre", offset: 24, length: 6, language: "ts" },
      ],
    });
  });

  it.each([
    ["Version 1.5", "Character '.' is reserved and must be escaped with the preceding '\\'"],
    ["a - b", "Character '-' is reserved and must be escaped with the preceding '\\'"],
    ["*bold", "Can't find end of Bold entity at byte offset 0"],
    ["ok _it", "Can't find end of Italic entity at byte offset 3"],
    ["[x](https://e.com", "Can't find end of a URL at byte offset 4"],
  ])("rejects %j with %j", (text, error) => {
    expect(parseMarkdownV2(text, noUsers)).toEqual({ ok: false, error });
  });

  it("parses a blockquote made of > lines", () => {
    expect(parseMarkdownV2(">quoted\n>more\nafter", noUsers)).toEqual({
      ok: true,
      text: "quoted\nmore\nafter",
      entities: [{ type: "blockquote", offset: 0, length: 12 }],
    });
  });
});
