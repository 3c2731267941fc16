/** /language: pick English or Ukrainian for this chat, by inline keyboard. */
import { Composer, InlineKeyboard } from "grammy";
import { SUPPORTED_LOCALES, isSupportedLocale, type Locale } from "../../i18n/locales.ts";
import { answerAdminsOnly, answerInvalid, redraw } from "../callback-answers.ts";
import { callbackCodec } from "../callback-data.ts";
import type { BotContext } from "../context.ts";
import { canManageChat } from "../permissions.ts";

const LANGUAGE_NAMES: Record<Locale, string> = { en: "English", uk: "Українська" };

export const languageButton = callbackCodec<Locale>("lang", {
  encode: (locale) => locale,
  decode: (payload) => (isSupportedLocale(payload) ? payload : undefined),
});

export function languageKeyboard(current: Locale): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const locale of SUPPORTED_LOCALES) {
    keyboard.text(`${locale === current ? "✓ " : ""}${LANGUAGE_NAMES[locale]}`, languageButton.encode(locale));
  }
  return keyboard;
}

export function languageFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("language", async (ctx) => {
    await ctx.reply(ctx.t("language-choose"), { reply_markup: languageKeyboard(ctx.locale) });
  });

  feature.callbackQuery(languageButton.pattern, async (ctx) => {
    const locale = languageButton.decode(ctx.callbackQuery.data);
    const chat = ctx.chatRecord;
    if (locale === undefined || chat === undefined) return answerInvalid(ctx);
    if (!(await canManageChat(ctx))) return answerAdminsOnly(ctx);
    await ctx.deps.store.chats.setLocale(chat.id, locale);
    await ctx.deps.store.audit.record({ actorId: ctx.from.id, chatId: chat.id, action: "chat.locale", details: { locale } });
    ctx.locale = locale;
    ctx.i18n.useLocale(locale);
    await ctx.answerCallbackQuery({ text: ctx.t("language-changed") });
    await redraw(ctx, ctx.t("language-choose"), languageKeyboard(locale));
  });

  return feature;
}
