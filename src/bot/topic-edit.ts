/** An admin's edit of the topic catalog, as the /topicadd command and its guided version make it. */
import { TopicValidationError, type Topic } from "../topics/index.ts";
import type { BotContext } from "./context.ts";
import { escapeHtml } from "../brief/index.ts";

/**
 * Validates, stores and audits an admin's topic, keeping what the edit does not mention
 * (keywords, excludes, and sections unless given). Returns the reply, as Telegram HTML.
 */
export async function saveTopic(ctx: BotContext, parsed: TopicCommand): Promise<string> {
  const existing = await ctx.deps.store.topics.get(parsed.slug);
  const topic: Topic = {
    ...existing?.topic,
    slug: parsed.slug,
    names: parsed.names,
    aliases: parsed.aliases,
    sections: parsed.sections ?? existing?.topic.sections ?? [],
  };
  try {
    await ctx.deps.store.topics.upsert(topic);
  } catch (error) {
    if (!(error instanceof TopicValidationError)) throw error;
    return ctx.t("topic-admin-invalid", { problems: escapeHtml(error.problems.map((p) => `• ${p}`).join("\n")) });
  }
  await ctx.deps.store.audit.record({
    actorId: ctx.from?.id ?? null,
    chatId: ctx.chat?.id ?? null,
    action: existing ? "topic.edit" : "topic.add",
    details: { slug: topic.slug, names: topic.names, aliases: topic.aliases, sections: topic.sections },
  });
  const variables = { name: escapeHtml(topic.names[ctx.locale]), slug: topic.slug, bot: ctx.me.username };
  return existing ? ctx.t("topic-admin-edited", variables) : ctx.t("topic-admin-added", variables);
}

export interface TopicCommand {
  slug: string;
  names: { en: string; uk: string };
  aliases: string[];
  sections?: string[];
}

/** `<slug> <English name> | <Ukrainian name> | aliases [| sections]`; undefined when the shape is wrong. */
export function parseTopicCommand(text: string): TopicCommand | undefined {
  const match = /^\s*(\S+)\s+([\s\S]*)$/.exec(text);
  if (!match) return undefined;
  const [, slug = "", rest = ""] = match;
  const parts = rest.split("|").map((part) => part.trim());
  if (parts.length < 3 || parts.length > 4) return undefined;
  const [en = "", uk = "", aliases = "", sections] = parts;
  const list = (value: string) => value.split(",").map((item) => item.trim()).filter((item) => item !== "");
  return { slug, names: { en, uk }, aliases: list(aliases), ...(sections !== undefined ? { sections: list(sections) } : {}) };
}
