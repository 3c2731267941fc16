import { GrammyError } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { botFor } from "./helpers.ts";
import { parseHtml, startEmulator, type TelegramEmulator } from "./index.ts";

const noUsers = (): undefined => undefined;

describe("Telegram HTML parsing (tdlib's rules and wording)", () => {
  it("accepts every supported tag, nested, and produces Telegram's entities", () => {
    const html =
      '<b>bold <i>both</i></b> <u>u</u><s>s</s> <a href="https://example.com/x?a=1&amp;b=2">link</a> ' +
      '<code>c</code> <pre><code class="language-ts">let a</code></pre> <tg-spoiler>s</tg-spoiler> ' +
      '<span class="tg-spoiler">t</span> <blockquote expandable>q</blockquote> <STRONG>caps</STRONG>';
    const result = parseHtml(html, noUsers);
    expect(result).toEqual({
      ok: true,
      text: "bold both us link c let a s t q caps",
      entities: [
        { type: "bold", offset: 0, length: 9 },
        { type: "italic", offset: 5, length: 4 },
        { type: "underline", offset: 10, length: 1 },
        { type: "strikethrough", offset: 11, length: 1 },
        { type: "text_link", offset: 13, length: 4, url: "https://example.com/x?a=1&b=2" },
        { type: "code", offset: 18, length: 1 },
        { type: "pre", offset: 20, length: 5, language: "ts" },
        { type: "spoiler", offset: 26, length: 1 },
        { type: "spoiler", offset: 28, length: 1 },
        { type: "expandable_blockquote", offset: 30, length: 1 },
        { type: "bold", offset: 32, length: 4 },
      ],
    });
  });

  it("decodes &lt; &gt; &amp; &quot; and numeric references, counting offsets in UTF-16", () => {
    const result = parseHtml("&lt;tag&gt; &amp; &quot;q&quot; &#39; &#x1F600;<b>x</b>", noUsers);
    expect(result).toEqual({ ok: true, text: "<tag> & \"q\" ' 😀x", entities: [{ type: "bold", offset: 16, length: 1 }] });
  });

  it("keeps a bare & and unknown named entities as literal text, as Telegram does", () => {
    expect(parseHtml("Tom & Jerry &copy; 2024 > 1", noUsers)).toEqual({ ok: true, text: "Tom & Jerry &copy; 2024 > 1", entities: [] });
  });

  it.each([
    ["<foo>x</foo>", 'Unsupported start tag "foo" at byte offset 0'],
    ["1 < 2", 'Unsupported start tag "" at byte offset 2'],
    ["a <b", "Unclosed start tag at byte offset 2"],
    ["<b>bold", 'Can\'t find end tag corresponding to start tag "b"'],
    ["<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'],
    ["x</b>", "Unexpected end tag at byte offset 1"],
    ["<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'],
    ["<a href=https://x.com>x</a>", "Unexpected end of name token at byte offset 8"],
    ["привет <br>", 'Unsupported start tag "br" at byte offset 13'],
    ["<b>x</b", "Unclosed end tag at byte offset 4"],
  ])("rejects %j with %j", (html, error) => {
    expect(parseHtml(html, noUsers)).toEqual({ ok: false, error });
  });

  it("drops links Telegram cannot use instead of failing", () => {
    expect(parseHtml('<a href="not a url">x</a>', noUsers)).toEqual({ ok: true, text: "x", entities: [] });
  });
});

describe("HTML through sendMessage", () => {
  let emulator: TelegramEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ flood: false });
  });
  afterAll(async () => {
    await emulator.close();
  });

  async function sendError(text: string): Promise<GrammyError> {
    const chat = emulator.privateChat(emulator.createUser());
    const error: unknown = await botFor(emulator).api.sendMessage(chat.id, text, { parse_mode: "HTML" }).catch((e: unknown) => e);
    if (!(error instanceof GrammyError)) throw new Error(`expected a GrammyError, got ${String(error)}`);
    return error;
  }

  it("answers 400 with Telegram's full description for an unknown tag and for a bare <", async () => {
    const unknownTag = await sendError("Read <this>");
    expect(unknownTag.error_code).toBe(400);
    expect(unknownTag.description).toBe('Bad Request: can\'t parse entities: Unsupported start tag "this" at byte offset 5');
    expect((await sendError("price < 5")).description).toBe('Bad Request: can\'t parse entities: Unsupported start tag "" at byte offset 6');
    expect((await sendError("<i>open")).description).toBe('Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "i"');
  });

  it("sends a bare & unchanged instead of failing, like Telegram", async () => {
    const chat = emulator.privateChat(emulator.createUser());
    const sent = await botFor(emulator).api.sendMessage(chat.id, "<b>M&A</b> news", { parse_mode: "HTML" });
    expect(sent.text).toBe("M&A news");
  });

  it("stores the parsed text and entities on the sent message", async () => {
    const chat = emulator.privateChat(emulator.createUser());
    const sent = await botFor(emulator).api.sendMessage(chat.id, "<b>Brief</b>: read https://example.com/a now", { parse_mode: "HTML" });
    expect(sent.text).toBe("Brief: read https://example.com/a now");
    // Telegram adds the url entity it detects by itself.
    expect(sent.entities).toEqual([
      { type: "bold", offset: 0, length: 5 },
      { type: "url", offset: 12, length: 21 },
    ]);
    expect(emulator.botMessages(chat.id)).toEqual([sent]);
  });
});
