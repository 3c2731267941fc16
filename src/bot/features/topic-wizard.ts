/**
 * `/topicadd` without arguments: a guided conversation that asks an admin for the slug, the
 * names in both languages and the aliases, then saves the topic as the one-line command does.
 * It is a conversation (persisted) so that an admin can answer after the bot restarted.
 */
import type { Conversation } from "@grammyjs/conversations";
import { isValidSlug } from "../../topics/index.ts";
import type { BotContext, ConversationContext } from "../context.ts";
import { saveTopic } from "../topic-edit.ts";

export const TOPIC_WIZARD = "topic-wizard";

type WizardConversation = Conversation<BotContext, ConversationContext>;

export async function topicWizard(conversation: WizardConversation, ctx: ConversationContext): Promise<void> {
  const slug = await ask(conversation, ctx, "topic-wizard-slug", (text) => (isValidSlug(text.toLowerCase()) ? undefined : "topic-wizard-slug-invalid"));
  const en = await ask(conversation, ctx, "topic-wizard-name-en");
  const uk = await ask(conversation, ctx, "topic-wizard-name-uk");
  const aliases = await ask(conversation, ctx, "topic-wizard-aliases");
  const parsed = {
    slug: slug.toLowerCase(),
    names: { en, uk },
    aliases: aliases.split(",").map((alias) => alias.trim()).filter((alias) => alias !== ""),
  };
  // Storing runs once, outside the replay: `external` hands it the current outside context.
  const reply = await conversation.external((outer) => saveTopic(outer, parsed));
  await ctx.reply(reply, { parse_mode: "HTML" });
}

/**
 * Asks one question and waits for a text answer; a command (such as /cancel) leaves the conversation.
 * `problem` names the locale key explaining why an answer is refused, or undefined to take it.
 */
async function ask(
  conversation: WizardConversation,
  ctx: ConversationContext,
  question: string,
  problem: (text: string) => string | undefined = () => undefined,
): Promise<string> {
  await ctx.reply(ctx.t(question), { parse_mode: "HTML" });
  for (;;) {
    const answer = await conversation.waitFor("message:text", { otherwise: (other) => other.reply(other.t("topic-wizard-text-only")) });
    const text = answer.message.text.trim();
    if (text.startsWith("/")) {
      // /cancel, or another command: the wizard stops and any other command runs as usual.
      await answer.reply(answer.t("topic-wizard-cancelled"));
      return conversation.halt({ next: text.split(/[\s@]/)[0] !== "/cancel" });
    }
    const refusal = text === "" ? question : problem(text);
    if (refusal === undefined) return text;
    await answer.reply(answer.t(refusal), { parse_mode: "HTML" });
  }
}
