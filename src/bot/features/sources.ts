/**
 * The newsroom's sources, managed from the bot by newsbrief's admins (config `adminIds`) only:
 *   /sources                     every source with its state, paged
 *   /addsource <url>             finds the feed behind a page, shows it, and adds it on "Add"
 *   /removesource, /pausesource, /resumesource <id>
 *   an .opml document            imports every feed in it
 *   /exportsources               sends the sources back as an OPML document
 * Every change goes to the audit log. Everyone else is refused, and their documents are left
 * to the features after this one.
 */
import { randomBytes } from "node:crypto";
import { Composer, InlineKeyboard, InputFile } from "grammy";
import type { Document } from "grammy/types";
import { escapeHtml } from "../../brief/index.ts";
import { OpmlParseError } from "../../ingest/feeds/index.ts";
import { decodeBody } from "../../ingest/http/index.ts";
import { addSource, exportOpml, importOpml, inspectSource, type ImportReport, type SourcePreview } from "../../ingest/sources.ts";
import type { SourceRecord } from "../../store/index.ts";
import { answerInvalid, redraw } from "../callback-answers.ts";
import type { BotContext, PendingSource } from "../context.ts";
import { downloadFile, FileDownloadError } from "../files.ts";
import { previewKeyboard, sourcePageCount, sourcesButton, sourcesPagerKeyboard } from "../keyboards/sources.ts";
import { isBotAdmin } from "../permissions.ts";
import { parseSourceId, parseSourceUrl } from "../sources/arguments.ts";
import { cut, onPage, previewText, refusalReason, sourcesPage, type ViewOptions } from "../sources/view.ts";

const SOURCE_COMMANDS = ["sources", "addsource", "removesource", "pausesource", "resumesource", "exportsources"];
/** A preview older than this is stale: the feed may have changed, so the admin looks again. */
const PREVIEW_TTL_MS = 30 * 60_000;
/** Far more than a reader's export of a thousand feeds (about 200 KB). */
const MAX_OPML_BYTES = 2 * 1024 * 1024;
/** Refused outlines listed one per line after the counts; the rest only counted. */
const MAX_REFUSED_SHOWN = 10;

export function sourcesFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const admins = feature.filter((ctx) => isBotAdmin(ctx));
  const others = feature.filter((ctx) => !isBotAdmin(ctx));

  others.command(SOURCE_COMMANDS, async (ctx) => {
    ctx.log.warn({ userId: ctx.from?.id }, "source command refused: not a newsbrief admin");
    await ctx.reply(ctx.t("sources-admin-only"));
  });
  others.callbackQuery(sourcesButton.pattern, async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.t("sources-admin-only"), show_alert: true });
  });

  admins.command("sources", async (ctx) => {
    const sources = await ctx.deps.store.sources.list();
    const pages = sourcePageCount(sources.length);
    await ctx.reply(await pageText(ctx, sources, 0), {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_markup: sourcesPagerKeyboard((key) => ctx.t(key), 0, pages),
    });
  });

  admins.command("addsource", async (ctx) => {
    const argument = parseSourceUrl(ctx.match);
    if (!argument.ok) {
      if (argument.problem === "missing") {
        await ctx.reply(ctx.t("sources-add-usage"), { parse_mode: "HTML" });
        return;
      }
      const reason =
        argument.problem === "scheme" ? ctx.t("sources-reason-scheme") : argument.problem === "credentials" ? ctx.t("sources-reason-credentials") : ctx.t("sources-reason-invalid-url");
      await replyRefused(ctx, ctx.match.trim(), reason);
      return;
    }
    await showPreview(ctx, argument.url);
  });

  admins.command("removesource", async (ctx) => {
    const source = await sourceArgument(ctx, "removesource");
    if (source === undefined) return;
    await ctx.deps.store.sources.remove(source.id);
    await audit(ctx, "source.remove", { sourceId: source.id, feedUrl: source.feedUrl });
    await ctx.reply(ctx.t("sources-removed", { name: escapeHtml(source.name), id: source.id }), { parse_mode: "HTML" });
  });

  for (const [command, enabled] of [
    ["pausesource", false],
    ["resumesource", true],
  ] as const) {
    admins.command(command, async (ctx) => {
      const source = await sourceArgument(ctx, command);
      if (source === undefined) return;
      const name = escapeHtml(source.name);
      if (source.enabled === enabled) {
        await ctx.reply(enabled ? ctx.t("sources-already-running", { name, id: source.id }) : ctx.t("sources-already-paused", { name, id: source.id }), { parse_mode: "HTML" });
        return;
      }
      await ctx.deps.store.sources.setEnabled(source.id, enabled);
      await audit(ctx, enabled ? "source.resume" : "source.pause", { sourceId: source.id });
      await ctx.reply(enabled ? ctx.t("sources-resumed", { name, id: source.id }) : ctx.t("sources-paused", { name, id: source.id }), { parse_mode: "HTML" });
    });
  }

  admins.command("exportsources", async (ctx) => {
    const count = (await ctx.deps.store.sources.list()).length;
    if (count === 0) {
      await ctx.reply(ctx.t("sources-export-empty"));
      return;
    }
    const opml = await exportOpml(ctx.deps.store);
    const day = ctx.deps.now().toISOString().slice(0, 10);
    await ctx.replyWithDocument(new InputFile(Buffer.from(opml, "utf8"), `newsbrief-sources-${day}.opml`), { caption: ctx.t("sources-export-caption", { count }) });
  });

  admins.on("message:document", async (ctx, next) => {
    if (!isOpmlDocument(ctx.message.document, ctx.chat.type === "private")) return next();
    await importDocument(ctx, ctx.message.document);
  });

  admins.callbackQuery(sourcesButton.pattern, async (ctx) => {
    const action = sourcesButton.decode(ctx.callbackQuery.data);
    if (action === undefined) return answerInvalid(ctx);
    if (action.op === "page") {
      const sources = await ctx.deps.store.sources.list();
      const pages = sourcePageCount(sources.length);
      if (action.page >= pages) return answerInvalid(ctx);
      await ctx.answerCallbackQuery();
      await redraw(ctx, await pageText(ctx, sources, action.page), sourcesPagerKeyboard((key) => ctx.t(key), action.page, pages));
      return;
    }
    const pending = ctx.session.pendingSource;
    if (pending === undefined || pending.token !== action.token) return answerInvalid(ctx);
    delete ctx.session.pendingSource;
    if (ctx.deps.now().getTime() - pending.at > PREVIEW_TTL_MS) return answerInvalid(ctx);
    if (action.op === "cancel") {
      await ctx.answerCallbackQuery();
      await redraw(ctx, ctx.t("sources-cancelled", { name: escapeHtml(pending.preview.name) }), new InlineKeyboard());
      return;
    }
    await addPending(ctx, pending);
  });

  return feature;
}

async function pageText(ctx: BotContext, sources: readonly SourceRecord[], page: number): Promise<string> {
  const stories = await ctx.deps.store.articles.countBySource(onPage(sources, page).map((source) => source.id));
  return sourcesPage(sources, page, stories, viewOptions(ctx));
}

function viewOptions(ctx: BotContext): ViewOptions {
  return { t: (key, variables) => ctx.t(key, variables), locale: ctx.locale, timeZone: ctx.chatRecord?.settings.timeZone ?? "UTC" };
}

async function audit(ctx: BotContext, action: string, details: Record<string, unknown>): Promise<void> {
  await ctx.deps.store.audit.record({ actorId: ctx.from?.id ?? null, chatId: ctx.chat?.id ?? null, action, details });
}

async function replyRefused(ctx: BotContext, url: string, reason: string): Promise<void> {
  await ctx.reply(ctx.t("sources-refused", { url: escapeHtml(cut(url, 200)), reason }), { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
}

/** Fetches what is at the URL and shows the feed found there, with Add and Cancel. */
async function showPreview(ctx: BotContext, url: string): Promise<void> {
  // Finding a feed may take a few seconds (a page, then its feed): say the bot is on it.
  await ctx.replyWithChatAction("typing").catch(() => undefined);
  let found: SourcePreview;
  try {
    found = await inspectSource(ctx.deps.http, url);
  } catch (error) {
    const reason = refusalReason(error, (key, variables) => ctx.t(key, variables));
    if (reason === undefined) throw error;
    ctx.log.info({ url, err: error }, "source refused");
    await replyRefused(ctx, url, reason);
    return;
  }
  const existing = await ctx.deps.store.sources.findByFeedUrl(found.feedUrl);
  if (existing !== undefined) {
    await ctx.reply(ctx.t("sources-already", { name: escapeHtml(existing.name), id: existing.id }), { parse_mode: "HTML" });
    return;
  }
  const token = newToken();
  ctx.session.pendingSource = { token, at: ctx.deps.now().getTime(), preview: found };
  await ctx.reply(previewText(found, viewOptions(ctx)), {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
    reply_markup: previewKeyboard((key) => ctx.t(key), token),
  });
}

async function addPending(ctx: BotContext, pending: PendingSource): Promise<void> {
  const { source, created } = await addSource(ctx.deps.store, pending.preview, {
    pollIntervalS: ctx.config.defaultPollIntervalS,
    actorId: ctx.from?.id ?? null,
  });
  const name = escapeHtml(source.name);
  if (!created) {
    await ctx.answerCallbackQuery();
    await redraw(ctx, ctx.t("sources-already", { name, id: source.id }), new InlineKeyboard());
    return;
  }
  ctx.log.info({ sourceId: source.id, feedUrl: source.feedUrl }, "source added");
  // The first poll archives what the feed holds now; the admin is not kept waiting for it.
  void ctx.deps.ingest.pollNow(source.id).catch((error: unknown) => ctx.log.error({ err: error, sourceId: source.id }, "first poll failed"));
  await ctx.answerCallbackQuery({ text: ctx.t("sources-added-short") });
  await redraw(ctx, ctx.t("sources-added", { name, id: source.id }), new InlineKeyboard());
}

/** The source a command's argument names; answers for a malformed or unknown id itself. */
async function sourceArgument(ctx: BotContext, command: string) {
  const id = parseSourceId(typeof ctx.match === "string" ? ctx.match : "");
  if (id === undefined) {
    await ctx.reply(ctx.t("sources-id-usage", { command }), { parse_mode: "HTML" });
    return undefined;
  }
  const source = await ctx.deps.store.sources.get(id);
  if (source === undefined) await ctx.reply(ctx.t("sources-unknown", { id }));
  return source;
}

/** `.opml` anywhere; `.xml` too in a private chat, where no one sends the bot other XML by chance. */
function isOpmlDocument(document: Document, privateChat: boolean): boolean {
  const name = document.file_name?.toLowerCase() ?? "";
  return name.endsWith(".opml") || document.mime_type === "text/x-opml" || (privateChat && name.endsWith(".xml"));
}

async function importDocument(ctx: BotContext, document: Document): Promise<void> {
  const file = escapeHtml(document.file_name ?? "OPML");
  const tooBig = () => ctx.reply(ctx.t("sources-import-too-big", { file, max: `${MAX_OPML_BYTES / 1024 / 1024} MB` }), { parse_mode: "HTML" });
  if ((document.file_size ?? 0) > MAX_OPML_BYTES) {
    await tooBig();
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await downloadFile(ctx.api, document.file_id, MAX_OPML_BYTES);
  } catch (error) {
    if (!(error instanceof FileDownloadError)) throw error;
    ctx.log.warn({ err: error, fileId: document.file_id }, "OPML download failed");
    await (error.tooBig ? tooBig() : ctx.reply(ctx.t("sources-import-download-failed", { file }), { parse_mode: "HTML" }));
    return;
  }
  let report: ImportReport;
  try {
    report = await importOpml(ctx.deps.store, decodeBody(bytes, document.mime_type), {
      pollIntervalS: ctx.config.defaultPollIntervalS,
      actorId: ctx.from?.id ?? null,
    });
  } catch (error) {
    if (!(error instanceof OpmlParseError)) throw error;
    await ctx.reply(ctx.t("sources-import-not-opml", { file, detail: escapeHtml(cut(error.message, 200)) }), { parse_mode: "HTML" });
    return;
  }
  ctx.log.info({ added: report.added.length, existing: report.existing.length, refused: report.refused.length }, "OPML imported");
  const lines = [ctx.t("sources-import-done", { file, added: report.added.length, existing: report.existing.length, refused: report.refused.length })];
  for (const refused of report.refused.slice(0, MAX_REFUSED_SHOWN)) {
    lines.push(`• ${escapeHtml(cut(refused.url, 120))}: ${outlineRefusal(ctx, refused)}`);
  }
  if (report.refused.length > MAX_REFUSED_SHOWN) lines.push(ctx.t("sources-import-more-refused", { count: report.refused.length - MAX_REFUSED_SHOWN }));
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
}

/** The importer refuses an outline for its URL: said as /addsource says it, else in the importer's words. */
function outlineRefusal(ctx: BotContext, refused: ImportReport["refused"][number]): string {
  const url = parseSourceUrl(refused.url);
  if (!url.ok && url.problem === "scheme") return ctx.t("sources-reason-scheme");
  if (!url.ok && url.problem === "credentials") return ctx.t("sources-reason-credentials");
  if (!url.ok) return ctx.t("sources-reason-invalid-url");
  return escapeHtml(refused.reason);
}

/** 40 random bits in base 36: eight characters, unguessable for a preview that lives 30 minutes. */
function newToken(): string {
  return randomBytes(5).readUIntBE(0, 5).toString(36).padStart(8, "0");
}
