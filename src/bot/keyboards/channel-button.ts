/**
 * The buttons that open a channel's menu (or take it off the list). Apart from the menu itself
 * so that every remote view (topics, subscriptions, settings) can lead back to it.
 */
import type { InlineKeyboard } from "grammy";
import { callbackCodec } from "../callback-data.ts";
import { parseInteger } from "../subscriptions/callback-parts.ts";

export type ChannelAction = { op: "menu" | "forget"; chatId: number };

export const channelButton = callbackCodec<ChannelAction>("ch", {
  encode: (a) => `${a.op === "menu" ? "m" : "f"}:${a.chatId}`,
  decode: (payload) => {
    const [op, id, ...extra] = payload.split(":");
    const chatId = parseInteger(id);
    if (chatId === undefined || chatId >= 0 || extra.length > 0) return undefined;
    if (op === "m") return { op: "menu", chatId };
    if (op === "f") return { op: "forget", chatId };
    return undefined;
  },
});

/** A "back to the channel" row under a view of a channel managed from a private chat. */
export function withChannelBack(keyboard: InlineKeyboard, remote: number | undefined, label: string): InlineKeyboard {
  return remote === undefined ? keyboard : keyboard.row().text(label, channelButton.encode({ op: "menu", chatId: remote }));
}
