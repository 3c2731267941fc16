import { GrammyError, HttpError, type BotError } from "grammy";
import type { BotContext } from "./context.ts";

/**
 * The error boundary around every feature: log what failed with the update's logger, tell
 * the user when we can, and keep the bot running.
 */
export async function handleUpdateError(error: BotError<BotContext>): Promise<void> {
  const ctx = error.ctx;
  const log = ctx.log ?? ctx.deps?.logger;
  const cause = error.error;
  if (cause instanceof GrammyError) {
    log?.error({ method: cause.method, code: cause.error_code, description: cause.description }, "Telegram refused a request");
  } else if (cause instanceof HttpError) {
    log?.error({ err: cause.error }, "could not reach Telegram");
  } else {
    log?.error({ err: cause }, "handler failed");
  }
  await apologize(ctx);
}

async function apologize(ctx: BotContext): Promise<void> {
  try {
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery({ text: ctx.t("error-generic") });
    } else if (ctx.chat?.type === "private" && ctx.message) {
      await ctx.reply(ctx.t("error-generic"));
    }
  } catch (error) {
    ctx.log?.debug({ err: error }, "could not tell the user about the error");
  }
}

