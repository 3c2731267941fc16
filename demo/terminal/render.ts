/**
 * A bot message as a terminal shows it: its entities (what Telegram made of the bot's HTML) as
 * ANSI styles when the output is a terminal, links as "text (url)" always, and its inline
 * buttons on numbered lines, so that a person can press one by typing its number.
 */
import type { InlineKeyboardButton, Message, MessageEntity } from "grammy/types";

/** ANSI codes that open and close a style; none when the output is not a terminal. */
const STYLES: Partial<Record<MessageEntity["type"], [string, string]>> = {
  bold: ["\x1b[1m", "\x1b[22m"],
  italic: ["\x1b[3m", "\x1b[23m"],
  underline: ["\x1b[4m", "\x1b[24m"],
  strikethrough: ["\x1b[9m", "\x1b[29m"],
  spoiler: ["\x1b[2m", "\x1b[22m"],
  code: ["\x1b[36m", "\x1b[39m"],
  pre: ["\x1b[36m", "\x1b[39m"],
  text_link: ["\x1b[4m", "\x1b[24m"],
  blockquote: ["\x1b[3m", "\x1b[23m"],
  expandable_blockquote: ["\x1b[3m", "\x1b[23m"],
};

function opening(entity: MessageEntity, color: boolean): string {
  return color ? (STYLES[entity.type]?.[0] ?? "") : "";
}

function closing(entity: MessageEntity, color: boolean): string {
  const style = color ? (STYLES[entity.type]?.[1] ?? "") : "";
  return entity.type === "text_link" ? `${style} (${entity.url})` : style;
}

/**
 * The text with its entities applied. Offsets are UTF-16 units, as JavaScript strings count, so
 * the text is walked by code unit; at each position the entities that end close (innermost
 * first) before those that start open (outermost first).
 */
export function renderEntities(text: string, entities: readonly MessageEntity[] = [], color = false): string {
  if (entities.length === 0) return text;
  const starts = new Map<number, MessageEntity[]>();
  const ends = new Map<number, MessageEntity[]>();
  entities.forEach((entity) => {
    (starts.get(entity.offset) ?? starts.set(entity.offset, []).get(entity.offset)!).push(entity);
    const end = entity.offset + entity.length;
    (ends.get(end) ?? ends.set(end, []).get(end)!).push(entity);
  });
  let out = "";
  for (let i = 0; i <= text.length; i++) {
    // Inner entities started later (or are shorter): they close first.
    for (const entity of (ends.get(i) ?? []).sort((a, b) => b.offset - a.offset || a.length - b.length)) out += closing(entity, color);
    for (const entity of (starts.get(i) ?? []).sort((a, b) => b.length - a.length)) out += opening(entity, color);
    if (i < text.length) out += text[i];
  }
  return out;
}

/** A button the person can press by its number. */
export interface NumberedButton {
  number: number;
  messageId: number;
  button: InlineKeyboardButton;
}

/** What a message's text and caption read as, formatted. */
export function renderBody(message: Message, color: boolean): string {
  if (message.text !== undefined) return renderEntities(message.text, message.entities, color);
  const caption = message.caption !== undefined ? renderEntities(message.caption, message.caption_entities, color) : "";
  const photo = message.photo ? "[photo]" : message.document ? `[document ${message.document.file_name ?? ""}]`.replace(" ]", "]") : "[message]";
  return caption ? `${photo}\n${caption}` : photo;
}

function buttonLabel(entry: NumberedButton): string {
  const { button } = entry;
  const target = "url" in button && button.url ? ` → ${button.url}` : "switch_inline_query" in button || "switch_inline_query_current_chat" in button ? " (inline query)" : "";
  return `[${entry.number}] ${button.text}${target}`;
}

/**
 * The message's keyboard, a line per row, numbering its buttons from `firstNumber`; returns the
 * lines and the buttons in the order of their numbers.
 */
export function renderKeyboard(message: Message, firstNumber: number): { lines: string[]; buttons: NumberedButton[] } {
  const rows = message.reply_markup?.inline_keyboard ?? [];
  const buttons: NumberedButton[] = [];
  const lines = rows.map((row) =>
    row
      .map((button) => {
        const entry = { number: firstNumber + buttons.length, messageId: message.message_id, button };
        buttons.push(entry);
        return buttonLabel(entry);
      })
      .join("   "),
  );
  return { lines, buttons };
}
