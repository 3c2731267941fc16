/**
 * newsbrief's admins, managed by admins:
 *   /admins                 who they are (ADMIN_IDS and those added here)
 *   /admins add <user id>   makes someone an admin; their command menu gets the admin commands
 *   /admins remove <id>     the reverse (ADMIN_IDS cannot be removed here)
 *   /audit [page]           the audit log, newest first, paged with buttons
 *   /stats                  the newsroom's figures (see admins/stats.ts)
 * Every admin action goes to the audit log; everyone else gets a polite refusal.
 */
import type { I18n } from "@grammyjs/i18n";
import { Composer } from "grammy";
import type { BotContext, CoreContext } from "../context.ts";
import { isBotAdmin } from "../permissions.ts";
import { escapeHtml } from "../../brief/index.ts";
import { publishAdminMenu, removeAdminMenu } from "../commands.ts";
import { collectStats, type NewsroomStats } from "../../admins/stats.ts";

export const ADMIN_COMMANDS = ["admins", "audit", "stats"] as const;
/** Topics and failing sources listed in /stats at most. */
const STATS_LIST = 15;
const AUDIT_PAGE = 10;
/** Pages further back than this are not offered (the log is for recent actions). */
const AUDIT_MAX_PAGE = 100;

export function adminsFeature(i18n: I18n<CoreContext>): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const adminsOnly = feature.filter((ctx) => isBotAdmin(ctx));
  const others = feature.filter((ctx) => !isBotAdmin(ctx));

  others.command([...ADMIN_COMMANDS], async (ctx) => {
    ctx.log.warn({ userId: ctx.from?.id, command: ctx.message?.text }, "admin command refused: not a newsbrief admin");
    await ctx.reply(ctx.t("admin-only"));
  });
  others.callbackQuery(/^audit:/, async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.t("admin-only") });
  });

  adminsOnly.command("admins", async (ctx) => {
    const [verb, arg, ...rest] = ctx.match.trim().split(/\s+/).filter(Boolean);
    const by = ctx.from!.id;
    if (verb === undefined) {
      const lines = ctx.deps.admins.list().map((a) => (a.fromConfig ? ctx.t("admins-entry-config", { id: String(a.id) }) : ctx.t("admins-entry", { id: String(a.id) })));
      await ctx.reply([ctx.t("admins-title"), ...lines, "", ctx.t("admins-usage")].join("\n"), { parse_mode: "HTML" });
      return;
    }
    const id = arg !== undefined && /^\d{1,15}$/.test(arg) ? Number(arg) : undefined;
    if ((verb !== "add" && verb !== "remove") || id === undefined || id <= 0 || rest.length > 0) {
      await ctx.reply(ctx.t("admins-usage"), { parse_mode: "HTML" });
      return;
    }
    if (verb === "remove" && id === by) {
      await ctx.reply(ctx.t("admins-not-yourself"));
      return;
    }
    const change = verb === "add" ? await ctx.deps.admins.add(id, by, ctx.chat.id) : await ctx.deps.admins.remove(id, by, ctx.chat.id);
    if (change === "added") await publishAdminMenu(ctx.api, i18n, ctx.config.defaultLocale, id, ctx.log);
    if (change === "removed") await removeAdminMenu(ctx.api, id, ctx.log);
    await ctx.reply(ctx.t(`admins-${change}`, { id: String(id) }));
  });

  adminsOnly.command("audit", async (ctx) => {
    const page = Math.min(AUDIT_MAX_PAGE, Math.max(1, Number.parseInt(ctx.match.trim() || "1", 10) || 1));
    await ctx.deps.store.audit.record({ actorId: ctx.from?.id ?? null, chatId: ctx.chat.id, action: "audit.view", details: { page } });
    const { text, keyboard } = await auditPage(ctx, page);
    await ctx.reply(text, { parse_mode: "HTML", ...(keyboard.length > 0 ? { reply_markup: { inline_keyboard: [keyboard] } } : {}) });
  });

  adminsOnly.command("stats", async (ctx) => {
    await ctx.deps.store.audit.record({ actorId: ctx.from?.id ?? null, chatId: ctx.chat.id, action: "stats.view" });
    const stats = await collectStats(ctx.deps.store, ctx.deps.now());
    const names = new Map((await ctx.deps.store.topics.listAll()).map((t) => [t.topic.slug, t.topic.names[ctx.locale]]));
    await ctx.reply(statsText(ctx, stats, names), { parse_mode: "HTML" });
  });

  adminsOnly.callbackQuery(/^audit:(\d{1,3})$/, async (ctx) => {
    const page = Math.min(AUDIT_MAX_PAGE, Math.max(1, Number(ctx.match[1])));
    const { text, keyboard } = await auditPage(ctx, page);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: { inline_keyboard: keyboard.length > 0 ? [keyboard] : [] } }).catch((error: unknown) => {
      ctx.log.debug({ err: error }, "audit page unchanged");
    });
  });
  // Forged or malformed audit buttons.
  adminsOnly.callbackQuery(/^audit:/, async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.t("breaking-stale-button") });
  });

  return feature;
}

async function auditPage(ctx: BotContext, page: number): Promise<{ text: string; keyboard: Array<{ text: string; callback_data: string }> }> {
  // One entry more than a page tells whether there is an older page.
  const entries = await ctx.deps.store.audit.recent({ limit: AUDIT_PAGE + 1, offset: (page - 1) * AUDIT_PAGE });
  const shown = entries.slice(0, AUDIT_PAGE);
  if (shown.length === 0) return { text: ctx.t("audit-empty"), keyboard: page > 1 ? [{ text: "◀️", callback_data: `audit:${page - 1}` }] : [] };
  const lines = shown.map((e) => {
    const details = JSON.stringify(e.details);
    return `<code>${escapeHtml(e.at.slice(0, 16).replace("T", " "))}</code> ${escapeHtml(e.action)} · ${e.actorId ?? "—"}${details === "{}" ? "" : ` <i>${escapeHtml(details.length > 160 ? `${details.slice(0, 159)}…` : details)}</i>`}`;
  });
  const keyboard = [
    ...(page > 1 ? [{ text: "◀️", callback_data: `audit:${page - 1}` }] : []),
    ...(entries.length > AUDIT_PAGE && page < AUDIT_MAX_PAGE ? [{ text: "▶️", callback_data: `audit:${page + 1}` }] : []),
  ];
  return { text: [ctx.t("audit-title", { page }), ...lines].join("\n"), keyboard };
}

function statsText(ctx: BotContext, stats: NewsroomStats, names: Map<string, string>): string {
  const kinds = Object.entries(stats.chats.byType)
    .map(([type, count]) => ctx.t("stats-chat-kind", { kind: ctx.t(`stats-kind-${type}`), count }))
    .join(", ");
  const topics = stats.topics.slice(0, STATS_LIST).map((t) => `• ${escapeHtml(names.get(t.slug) ?? t.slug)}: ${t.count}`);
  const failing = stats.failingSources
    .slice(0, STATS_LIST)
    .map((s) => `• ${escapeHtml(s.name)} (#${s.id}): ${ctx.t("stats-source-failures", { count: s.failures })}${s.lastError ? ` <i>${escapeHtml(s.lastError.slice(0, 120))}</i>` : ""}`);
  return [
    ctx.t("stats-title"),
    ctx.t("stats-chats", { active: stats.chats.active, blocked: stats.chats.blocked, left: stats.chats.left }),
    ...(kinds ? [kinds] : []),
    "",
    ctx.t("stats-topics"),
    ...(topics.length > 0 ? topics : [ctx.t("stats-none")]),
    "",
    ctx.t("stats-today", { stories: stats.storiesToday, sent: stats.deliveriesToday.sent, failed: stats.deliveriesToday.failed, blocked: stats.deliveriesToday.blocked }),
    ctx.t("stats-queue", { count: stats.queue }),
    "",
    ctx.t("stats-failing"),
    ...(failing.length > 0 ? failing : [ctx.t("stats-none")]),
  ].join("\n");
}
