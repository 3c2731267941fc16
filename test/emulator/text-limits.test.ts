import { GrammyError } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { botFor } from "./helpers.ts";
import { formatText, startEmulator, type TelegramEmulator } from "./index.ts";

const noUsers = (): undefined => undefined;
const html = (text: string): { text: string; parseMode: string } => ({ text, parseMode: "HTML" });

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return "no error";
}

describe("text limits, measured after entity parsing in UTF-16 code units", () => {
  it("allows 4096 characters and refuses 4097", () => {
    expect(formatText({ text: "a".repeat(4096) }, "text", noUsers).text).toHaveLength(4096);
    expect(errorOf(() => formatText({ text: "a".repeat(4097) }, "text", noUsers))).toBe("Bad Request: message is too long");
  });

  it("does not count markup: tags and entities are measured after parsing", () => {
    expect(formatText(html(`<b>${"a".repeat(4096)}</b>`), "text", noUsers).text).toHaveLength(4096);
    expect(formatText(html("&amp;".repeat(4096)), "text", noUsers).text).toBe("&".repeat(4096));
    expect(errorOf(() => formatText(html("&amp;".repeat(4097)), "text", noUsers))).toBe("Bad Request: message is too long");
  });

  it("counts an emoji outside the BMP as two", () => {
    expect(formatText({ text: "😀".repeat(2048) }, "text", noUsers).text).toHaveLength(4096);
    // 2049 emoji are only 2049 code points but 4098 UTF-16 units.
    expect(errorOf(() => formatText({ text: "😀".repeat(2049) }, "text", noUsers))).toBe("Bad Request: message is too long");
  });

  it("limits captions to 1024", () => {
    expect(formatText({ text: "é".repeat(1024) }, "caption", noUsers).text).toHaveLength(1024);
    expect(errorOf(() => formatText({ text: "😀".repeat(513) }, "caption", noUsers))).toBe("Bad Request: message caption is too long");
  });

  it("refuses empty text, also when only whitespace or empty tags remain", () => {
    for (const text of ["", "  \n ", "<b></b>", "<b> </b>\n"]) {
      expect(errorOf(() => formatText(html(text), "text", noUsers))).toBe("Bad Request: message text is empty");
    }
  });

  it("trims surrounding whitespace and removes \\r, moving entities along", () => {
    expect(formatText(html("\n  <b>Title</b>\r\nbody  \n"), "text", noUsers)).toEqual({
      text: "Title\nbody",
      entities: [{ type: "bold", offset: 0, length: 5 }],
    });
  });

  it("checks an explicit entities array against the text", () => {
    expect(formatText({ text: "hello", entities: [{ type: "bold", offset: 0, length: 5 }] }, "text", noUsers).entities).toEqual([
      { type: "bold", offset: 0, length: 5 },
    ]);
    expect(errorOf(() => formatText({ text: "hello", entities: [{ type: "bold", offset: 3, length: 5 }] }, "text", noUsers))).toBe(
      "Bad Request: entity beginning at UTF-16 offset 3 ends after the end of the text at UTF-16 offset 8",
    );
    expect(errorOf(() => formatText({ text: "hi", entities: '[{"type":"blink","offset":0,"length":1}]' }, "text", noUsers))).toBe(
      'Bad Request: can\'t parse entities: unsupported entity type "blink"',
    );
  });
});

describe("limits through the API", () => {
  let emulator: TelegramEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ flood: false });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("answers 400 'message is too long' for 4097 characters and sends 4096 emoji units", async () => {
    const api = botFor(emulator).api;
    const chat = emulator.privateChat(emulator.createUser());
    const error: unknown = await api.sendMessage(chat.id, "x".repeat(4097)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).description).toBe("Bad Request: message is too long");
    const sent = await api.sendMessage(chat.id, "😀".repeat(2048));
    expect(sent.text).toHaveLength(4096);
  });

  it("answers 400 'message text is empty'", async () => {
    const chat = emulator.privateChat(emulator.createUser());
    const error: unknown = await botFor(emulator).api.sendMessage(chat.id, "   ").catch((e: unknown) => e);
    expect((error as GrammyError).description).toBe("Bad Request: message text is empty");
  });
});
