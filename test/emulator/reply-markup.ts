// reply_markup checks. Inline keyboards are stored on the message (and shown to users, who can
// click them); reply keyboards, keyboard removal and force_reply are accepted but not stored,
// because Telegram's Message.reply_markup only ever carries an inline keyboard.
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { badRequest } from "./api-error.ts";
import { checkedLink } from "./formatting/entity-utils.ts";
import { optJson, type Params } from "./params.ts";

const BUTTON_ACTIONS = [
  "url", "callback_data", "web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay",
] as const;

/** The inline keyboard to store, `undefined` when none, after Telegram's validation. */
export function readInlineKeyboard(params: Params): InlineKeyboardMarkup | undefined {
  const markup = optJson(params, "reply_markup", "Can't parse reply keyboard markup JSON object");
  if (markup === undefined) return undefined;
  if (typeof markup !== "object" || markup === null) throw badRequest("Can't parse reply keyboard markup JSON object");
  const record = markup as Record<string, unknown>;
  if (!("inline_keyboard" in record)) {
    if ("keyboard" in record || "remove_keyboard" in record || "force_reply" in record) return undefined;
    throw badRequest("Can't parse reply keyboard markup JSON object");
  }
  const rows = record["inline_keyboard"];
  if (!Array.isArray(rows)) throw badRequest("Field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array");
  let count = 0;
  const keyboard: InlineKeyboardButton[][] = rows.map((row: unknown) => {
    if (!Array.isArray(row)) throw badRequest("Field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
    return row.map((button: unknown) => {
      count++;
      return readButton(button);
    });
  });
  if (count > 100) throw badRequest("Reply markup is too long");
  return { inline_keyboard: keyboard };
}

function readButton(raw: unknown): InlineKeyboardButton {
  if (typeof raw !== "object" || raw === null) throw badRequest("Can't parse inline keyboard button: InlineKeyboardButton must be an Object");
  const button = raw as Record<string, unknown>;
  if (typeof button["text"] !== "string") throw badRequest("Can't parse inline keyboard button: Field \"text\" must be of type String");
  const actions = BUTTON_ACTIONS.filter((action) => button[action] !== undefined);
  if (actions.length === 0) throw badRequest("Can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  const data = button["callback_data"];
  if (data !== undefined) {
    const bytes = typeof data === "string" ? Buffer.byteLength(data, "utf8") : 0;
    if (bytes < 1 || bytes > 64) throw badRequest("BUTTON_DATA_INVALID");
  }
  const url = button["url"];
  if (url !== undefined) {
    if (typeof url !== "string" || (checkedLink(url) === "" && !/^tg:\/\/user\?id=\d+$/.test(url))) {
      throw badRequest(`Inline keyboard button URL '${String(url)}' is invalid: Wrong HTTP URL`);
    }
  }
  return button as unknown as InlineKeyboardButton;
}

/** Every callback_data on a keyboard, for checking what a user can click. */
export function callbackDataOf(markup: InlineKeyboardMarkup | undefined): string[] {
  const data: string[] = [];
  for (const row of markup?.inline_keyboard ?? []) {
    for (const button of row) if ("callback_data" in button && typeof button.callback_data === "string") data.push(button.callback_data);
  }
  return data;
}
