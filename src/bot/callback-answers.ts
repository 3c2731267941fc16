/** How every button press ends: an answer, and the menu redrawn in place. */
import { GrammyError, type InlineKeyboard } from "grammy";
import type { BotContext } from "./context.ts";

/** A forged or stale press: said politely, nothing changed. */
export async function answerInvalid(ctx: BotContext): Promise<void> {
  ctx.log.info({ data: ctx.callbackQuery?.data }, "refused an invalid button");
  await ctx.answerCallbackQuery({ text: ctx.t("button-invalid") });
}

export async function answerAdminsOnly(ctx: BotContext): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t("admins-only"), show_alert: true });
}

/** Redraws the button's message; pressing the same choice twice leaves it as it was. */
export async function redraw(ctx: BotContext, text: string, keyboard: InlineKeyboard): Promise<void> {
  try {
    await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard, link_preview_options: { is_disabled: true } });
  } catch (error) {
    if (error instanceof GrammyError && /message is not modified/i.test(error.description)) return;
    throw error;
  }
}
