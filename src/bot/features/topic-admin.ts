/**
 * Editing the topic catalog from the bot, for newsbrief's admins (config `adminIds`) only:
 *   /topicadd <slug> <English name> | <Ukrainian name> | alias, alias… [| section label, …]
 *   /topicadd          (in a private chat) the same, asked for step by step; see topic-wizard.ts
 *   /topicoff <slug>   stops offering a topic (subscriptions are kept)
 *   /topicon <slug>    offers it again
 * Editing an existing topic keeps what the command does not mention (keywords, excludes, and
 * sections unless given). Every change goes to the audit log.
 */
import { Composer } from "grammy";
import { TOPIC_WIZARD } from "./topic-wizard.ts";
import type { BotContext } from "../context.ts";
import { escapeHtml } from "../../brief/index.ts";
import { parseTopicCommand, saveTopic } from "../topic-edit.ts";
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
    if (ctx.match.trim() === "" && ctx.chat.type === "private") {
      await ctx.conversation.enter(TOPIC_WIZARD);
      return;
    }
    const parsed = parseTopicCommand(ctx.match);
    if (parsed === undefined) {
      await ctx.reply(ctx.t("topic-admin-usage"), { parse_mode: "HTML" });
      return;
    }
    await ctx.reply(await saveTopic(ctx, parsed), { parse_mode: "HTML" });
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
