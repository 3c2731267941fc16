/**
 * Editing the topic catalog from the bot, for newsbrief's admins (config `adminIds`) only:
 *   /topicadd <slug> <English name> | <Ukrainian name> | alias, alias… [| section label, …]
 *   /topicoff <slug>   stops offering a topic (subscriptions are kept)
 *   /topicon <slug>    offers it again
 * Editing an existing topic keeps what the command does not mention (keywords, excludes, and
 * sections unless given). Every change goes to the audit log.
 */
import { Composer } from "grammy";
import { TopicValidationError, type Topic } from "../../topics/index.ts";
import type { BotContext } from "../context.ts";
import { escapeHtml } from "../html.ts";
import { isBotAdmin } from "../permissions.ts";

export function topicAdminFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const adminsOnly = feature.filter((ctx) => isBotAdmin(ctx));
  const others = feature.filter((ctx) => !isBotAdmin(ctx));

  others.command(["topicadd", "topicoff", "topicon"], async (ctx) => {
    ctx.log.warn({ userId: ctx.from?.id }, "topic edit refused: not a newsbrief admin");
    await ctx.reply(ctx.t("topic-admin-only"));
  });

  adminsOnly.command("topicadd", async (ctx) => {
    const parsed = parseTopicCommand(ctx.match);
    if (parsed === undefined) {
      await ctx.reply(ctx.t("topic-admin-usage"), { parse_mode: "HTML" });
      return;
    }
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
      await ctx.reply(ctx.t("topic-admin-invalid", { problems: escapeHtml(error.problems.map((p) => `• ${p}`).join("\n")) }), { parse_mode: "HTML" });
      return;
    }
    await ctx.deps.store.audit.record({
      actorId: ctx.from?.id ?? null,
      chatId: ctx.chat.id,
      action: existing ? "topic.edit" : "topic.add",
      details: { slug: topic.slug, names: topic.names, aliases: topic.aliases, sections: topic.sections },
    });
    const name = escapeHtml(topic.names[ctx.locale]);
    const variables = { name, slug: topic.slug, bot: ctx.me.username };
    await ctx.reply(existing ? ctx.t("topic-admin-edited", variables) : ctx.t("topic-admin-added", variables), { parse_mode: "HTML" });
  });

  for (const [command, enabled] of [
    ["topicoff", false],
    ["topicon", true],
  ] as const) {
    adminsOnly.command(command, async (ctx) => {
      const slug = ctx.match.trim().toLowerCase();
      const existing = slug === "" ? undefined : await ctx.deps.store.topics.get(slug);
      if (existing === undefined) {
        await ctx.reply(ctx.t("topic-admin-unknown", { slug: escapeHtml(slug) }), { parse_mode: "HTML" });
        return;
      }
      await ctx.deps.store.topics.setEnabled(slug, enabled);
      await ctx.deps.store.audit.record({ actorId: ctx.from?.id ?? null, chatId: ctx.chat.id, action: enabled ? "topic.enable" : "topic.disable", details: { slug } });
      const name = escapeHtml(existing.topic.names[ctx.locale]);
      await ctx.reply(enabled ? ctx.t("topic-admin-enabled", { name }) : ctx.t("topic-admin-disabled", { name }), { parse_mode: "HTML" });
    });
  }

  return feature;
}

interface TopicCommand {
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
