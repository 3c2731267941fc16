/**
 * Answers to the bot's questions (see `subscriptions/prompts.ts`): words to follow, a time zone.
 * Runs after the commands, so a command is never taken for an answer.
 */
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { subscribeToText } from "../subscriptions/actions.ts";
import { cancelPrompts, takeAnswerTo } from "../subscriptions/prompts.ts";
import { localScope, remoteScope, mayManage, type ChatScope } from "../subscriptions/scope.ts";
import { askForTimeZone, setTimeZoneFromText } from "./settings.ts";
import { askForWords } from "./topics.ts";

export function promptsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("cancel", async (ctx) => {
    await ctx.reply(cancelPrompts(ctx) ? ctx.t("prompt-cancelled") : ctx.t("prompt-nothing-to-cancel"));
  });

  feature.on("message:text", async (ctx, next) => {
    if (ctx.message.text.startsWith("/")) return next();
    const prompt = takeAnswerTo(ctx);
    if (prompt === undefined) return next();
    const here = localScope(ctx);
    const scope: ChatScope | undefined =
      here !== undefined && prompt.chatId === here.chatId ? { ...here, threadId: prompt.threadId } : await remoteScope(ctx, prompt.chatId);
    if (scope === undefined) {
      await ctx.reply(ctx.t("prompt-chat-gone"));
      return;
    }
    // Rights may have changed since the question was asked.
    if (!(await mayManage(ctx, scope))) {
      await ctx.reply(ctx.t("admins-only"));
      return;
    }
    const text = ctx.message.text;
    const outcome = prompt.kind === "words" ? await subscribeToText(ctx, scope, text) : await setTimeZoneFromText(ctx, scope, text);
    await ctx.reply(outcome.text, { parse_mode: "HTML" });
    // Something unusable is asked for again, so the answer box stays open.
    if (outcome.error === true) await (prompt.kind === "words" ? askForWords(ctx, scope) : askForTimeZone(ctx, scope));
  });

  return feature;
}
