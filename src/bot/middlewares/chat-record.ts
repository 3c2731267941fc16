import type { MiddlewareFn } from "grammy";
import { localeFromLanguageCode } from "../../i18n/locales.ts";
import type { ChatType } from "../../store/index.ts";
import type { CoreContext } from "../context.ts";

/**
 * Loads the stored chat of the update (creating it on first contact, in the user's Telegram
 * language when newsbrief speaks it) and decides the locale of every reply.
 */
export function chatRecord(): MiddlewareFn<CoreContext> {
  return async (ctx, next) => {
    const userLocale = localeFromLanguageCode(ctx.from?.language_code);
    const chat = ctx.chat;
    if (chat) {
      const { chats } = ctx.deps.store;
      const title = "title" in chat ? chat.title : undefined;
      const username = "username" in chat ? chat.username : undefined;
      let record = await chats.get(chat.id);
      const stale = record === undefined || record.status !== "active" || record.title !== (title ?? null) || record.username !== (username ?? null);
      if (stale && record?.status !== "migrated") {
        record = await chats.touch({ id: chat.id, type: chat.type as ChatType, title, username }, userLocale);
      }
      ctx.chatRecord = record;
    }
    ctx.locale = ctx.chatRecord?.locale ?? userLocale ?? ctx.config.defaultLocale;
    await next();
  };
}
