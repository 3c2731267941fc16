/** Managing a channel from a private chat: the list of set-up channels and one channel's menu. */
import { InlineKeyboard } from "grammy";
import { channelButton } from "./channel-button.ts";
import type { Translate } from "../../i18n/locales.ts";
import { settingsButton } from "./settings.ts";
import { subscriptionsButton } from "./subscriptions.ts";
import { topicsButton } from "./topics.ts";

export function channelMenuKeyboard(t: Translate, chatId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("channel-button-topics"), topicsButton.encode({ op: "page", remote: chatId, page: 0 }))
    .text(t("channel-button-words"), topicsButton.encode({ op: "words", remote: chatId }))
    .row()
    .text(t("channel-button-subscriptions"), subscriptionsButton.encode({ op: "list", remote: chatId }))
    .text(t("channel-button-settings"), settingsButton.encode({ remote: chatId, op: "open", page: "main" }))
    .row()
    .text(t("channel-button-forget"), channelButton.encode({ op: "forget", chatId }));
}

export function channelListKeyboard(channels: readonly { id: number; title: string }[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const channel of channels) keyboard.text(channel.title, channelButton.encode({ op: "menu", chatId: channel.id })).row();
  return keyboard;
}

export { channelButton };
