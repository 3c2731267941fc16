/**
 * Questions the bot asks and waits for ("Which words?", "Which time zone?"). The question is a
 * ForceReply message; what it waits for is kept in the chat's session, so an answer given after
 * a restart still lands. In groups privacy mode only lets replies to the bot through, which is
 * exactly what ForceReply produces; in a private chat any plain text answers the latest question.
 */
import type { BotContext, PendingPrompt, PromptKind } from "../context.ts";
import type { ChatScope } from "./scope.ts";

/** Older questions are forgotten: an answer days later is more likely a new conversation. */
const PROMPT_TTL_MS = 24 * 60 * 60 * 1000;
/** A group may have a few admins answering at once; more than this and the oldest go. */
const MAX_PENDING = 5;

export async function ask(ctx: BotContext, kind: PromptKind, scope: ChatScope, text: string, placeholder: string): Promise<void> {
  const sent = await ctx.reply(text, {
    parse_mode: "HTML",
    reply_markup: { force_reply: true, selective: true, input_field_placeholder: placeholder.slice(0, 64) },
    // Replying to the user's own command makes `selective` aim the reply field at them alone.
    ...(ctx.message ? { reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true } } : {}),
  });
  const now = ctx.deps.now().getTime();
  const prompt: PendingPrompt = {
    kind,
    messageId: sent.message_id,
    userId: ctx.from?.id ?? 0,
    chatId: scope.chatId,
    threadId: scope.threadId,
    at: now,
  };
  ctx.session.prompts = [...live(ctx.session.prompts, now).filter((p) => p.userId !== prompt.userId || p.chatId !== prompt.chatId), prompt].slice(-MAX_PENDING);
}

/**
 * The question this message answers, taken off the list: the one it replies to (from the same
 * user), or in a private chat the latest one.
 */
export function takeAnswerTo(ctx: BotContext): PendingPrompt | undefined {
  const message = ctx.message;
  const from = ctx.from?.id;
  if (message === undefined || from === undefined) return undefined;
  const pending = live(ctx.session.prompts, ctx.deps.now().getTime());
  const repliedTo = message.reply_to_message?.message_id;
  let found = pending.find((p) => p.messageId === repliedTo && p.userId === from);
  if (found === undefined && ctx.chat?.type === "private" && repliedTo === undefined) found = pending.findLast((p) => p.userId === from);
  if (found !== undefined || pending.length !== (ctx.session.prompts?.length ?? 0)) {
    const rest = pending.filter((p) => p !== found);
    ctx.session.prompts = rest.length > 0 ? rest : undefined;
  }
  return found;
}

/** Forgets what this user was asked in this chat (/cancel); true when there was something. */
export function cancelPrompts(ctx: BotContext): boolean {
  const from = ctx.from?.id;
  const before = ctx.session.prompts ?? [];
  const rest = before.filter((p) => p.userId !== from);
  ctx.session.prompts = rest.length > 0 ? rest : undefined;
  return rest.length !== before.length;
}

function live(prompts: readonly PendingPrompt[] | undefined, now: number): PendingPrompt[] {
  return (prompts ?? []).filter((p) => now - p.at < PROMPT_TTL_MS);
}
