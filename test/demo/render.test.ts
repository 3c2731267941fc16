/** A bot message as the demo prints it in a terminal. */
import type { Message } from "grammy/types";
import { describe, expect, it } from "vitest";
import { renderEntities, renderKeyboard } from "../../demo/terminal/render.ts";
import { parseHtml } from "../emulator/index.ts";

/** What Telegram makes of the bot's HTML: the text and its entities. */
function fromHtml(html: string) {
  const parsed = parseHtml(html, () => undefined);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed;
}

describe("renderEntities", () => {
  it("writes links as text (url), with or without colour", () => {
    const { text, entities } = fromHtml('<b>Headline</b>\n\nRead at <a href="https://example.com/a">Example</a>.');
    expect(renderEntities(text, entities, false)).toBe("Headline\n\nRead at Example (https://example.com/a).");
    expect(renderEntities(text, entities, true)).toBe("\x1b[1mHeadline\x1b[22m\n\nRead at \x1b[4mExample\x1b[24m (https://example.com/a).");
  });

  it("closes nested styles innermost first, and counts offsets in UTF-16 units (emoji)", () => {
    const { text, entities } = fromHtml("🔥 <b>bold <i>both</i></b> 🇺🇦 <i>after</i>");
    expect(renderEntities(text, entities, true)).toBe("🔥 \x1b[1mbold \x1b[3mboth\x1b[23m\x1b[22m 🇺🇦 \x1b[3mafter\x1b[23m");
    expect(renderEntities(text, entities, false)).toBe("🔥 bold both 🇺🇦 after");
  });
});

describe("renderKeyboard", () => {
  it("numbers the buttons row by row from the number given", () => {
    const message = {
      message_id: 7,
      date: 0,
      chat: { id: 1, type: "private", first_name: "A" },
      reply_markup: { inline_keyboard: [[{ text: "China", callback_data: "t:china" }, { text: "NATO", callback_data: "t:nato" }], [{ text: "Read", url: "https://example.com/" }]] },
    } as Message;
    const { lines, buttons } = renderKeyboard(message, 5);
    expect(lines).toEqual(["[5] China   [6] NATO", "[7] Read → https://example.com/"]);
    expect(buttons.map((b) => [b.number, b.messageId, b.button.text])).toEqual([[5, 7, "China"], [6, 7, "NATO"], [7, 7, "Read"]]);
  });
});
