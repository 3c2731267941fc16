/**
 * What the sender sends: a brief as a message (or as the caption of its image), and a digest as
 * one or more messages under Telegram's length limit. Every brief carries its buttons: "Read the
 * full story" and "Related" (`rel:<article id>`).
 */
import type { InlineKeyboardButton } from "grammy/types";
import { CAPTION_LIMIT, escapeHtml, MESSAGE_LIMIT, renderBrief, safeHttpUrl, type BriefLinkPreview } from "../brief/index.ts";
import type { Brief } from "../brief/types.ts";
import type { Translate } from "../i18n/locales.ts";
import type { ChatSettings, DeliveryPayload } from "../store/index.ts";

export type Keyboard = InlineKeyboardButton[][];

export type Outgoing =
  | { method: "sendMessage"; html: string; linkPreview: BriefLinkPreview; keyboard: Keyboard }
  | { method: "sendPhoto"; photo: string; html: string; keyboard: Keyboard };

export interface StoryToSend {
  /** The stored story; null for an admin's broadcast, which has no "Related" button. */
  articleId: number | null;
  brief: Brief;
  payload: DeliveryPayload;
}

export interface RenderContext {
  t: Translate;
  locale: "en" | "uk";
  now: Date;
  settings: Pick<ChatSettings, "images" | "linkPreviews">;
}

/** Callback data of the "Related" button; the /related feature answers it. */
export const relatedData = (articleId: number): string => `rel:${articleId}`;

/** One brief: a photo with a caption when the chat wants images and the brief has one that fits, else a message. */
export function briefMessage(story: StoryToSend, ctx: RenderContext, options: { photo?: boolean } = {}): Outgoing {
  const extras = extraLines(story.payload, ctx.t);
  const image = safeHttpUrl(story.brief.image);
  if ((options.photo ?? true) && ctx.settings.images && image) {
    const caption = renderBrief(story.brief, { t: ctx.t, now: ctx.now, locale: ctx.locale, as: "caption" });
    const html = withExtras(caption.html, extras);
    if (visibleLength(html) <= CAPTION_LIMIT) return { method: "sendPhoto", photo: image, html, keyboard: briefKeyboard(story.articleId, caption.button, ctx.t) };
  }
  const rendered = renderBrief(story.brief, { t: ctx.t, now: ctx.now, locale: ctx.locale, as: "message", linkPreview: ctx.settings.linkPreviews });
  let html = withExtras(rendered.html, extras);
  if (visibleLength(html) > MESSAGE_LIMIT) html = rendered.html;
  return { method: "sendMessage", html, linkPreview: rendered.linkPreview, keyboard: briefKeyboard(story.articleId, rendered.button, ctx.t) };
}

function briefKeyboard(articleId: number | null, read: { text: string; url: string } | undefined, t: Translate): Keyboard {
  const row = [...(read ? [{ text: read.text, url: read.url }] : []), ...(articleId !== null ? [{ text: t("delivery-related"), callback_data: relatedData(articleId) }] : [])];
  return row.length > 0 ? [row] : [];
}

/** "⚡ Breaking" above, "Also reported by …" below. */
function extraLines(payload: DeliveryPayload, t: Translate): { before: string[]; after: string[] } {
  const before = payload.breaking ? [`<b>${escapeHtml(t("delivery-breaking"))}</b>`] : [];
  const sources = (payload.alsoReportedBy ?? []).filter(Boolean);
  const after = sources.length > 0 ? [`<i>${escapeHtml(t("delivery-also-reported", { sources: sources.join(", ") }))}</i>`] : [];
  return { before, after };
}

function withExtras(html: string, extras: { before: string[]; after: string[] }): string {
  return [...extras.before, html, ...extras.after].join("\n\n");
}

/** Items of one digest page: at most this many, so every item keeps its own two buttons. */
const DIGEST_PAGE_ITEMS = 10;
const DIGEST_TITLE_CAP = 200;
const DIGEST_SENTENCE_CAP = 300;

export interface DigestPage {
  message: Extract<Outgoing, { method: "sendMessage" }>;
  /** Which of the given stories this page carries (indexes into the list). */
  items: number[];
}

/**
 * A digest of the stories, in pages that each fit one message: a headline per story (linked),
 * its first sentence and its outlet, and per story a "Read" and a "Related" button.
 */
export function digestPages(stories: readonly StoryToSend[], ctx: RenderContext): DigestPage[] {
  const entries = stories.map((story, index) => ({ index, html: digestEntry(story, ctx.t) }));
  const groups: Array<typeof entries> = [];
  let current: typeof entries = [];
  let length = 0;
  // Room for the heading line ("📰 Your digest · 123 stories (part 9 of 9)") is kept on every page.
  const room = MESSAGE_LIMIT - 120;
  for (const entry of entries) {
    const size = visibleLength(entry.html) + 2;
    if (current.length > 0 && (current.length >= DIGEST_PAGE_ITEMS || length + size > room)) {
      groups.push(current);
      current = [];
      length = 0;
    }
    current.push(entry);
    length += size;
  }
  if (current.length > 0) groups.push(current);
  let n = 0;
  return groups.map((group, page) => {
    const heading = [ctx.t("delivery-digest-title", { count: stories.length }), groups.length > 1 ? escapeHtml(ctx.t("delivery-digest-part", { part: page + 1, parts: groups.length })) : ""]
      .filter(Boolean)
      .join(" ");
    const keyboard: Keyboard = [];
    const lines = group.map((entry) => {
      n++;
      const story = stories[entry.index]!;
      const url = safeHttpUrl(story.brief.url);
      keyboard.push([
        ...(url ? [{ text: ctx.t("delivery-digest-read", { n }), url }] : []),
        ...(story.articleId !== null ? [{ text: ctx.t("delivery-digest-related", { n }), callback_data: relatedData(story.articleId) }] : []),
      ]);
      return `${n}. ${entry.html}`;
    });
    return {
      message: { method: "sendMessage", html: [heading, ...lines].join("\n\n"), linkPreview: { is_disabled: true }, keyboard },
      items: group.map((entry) => entry.index),
    };
  });
}

function digestEntry(story: StoryToSend, t: Translate): string {
  const title = escapeHtml(cap(story.brief.title, DIGEST_TITLE_CAP));
  const url = safeHttpUrl(story.brief.url);
  const headline = url ? `<b><a href="${escapeHtml(url)}">${title}</a></b>` : `<b>${title}</b>`;
  const first = story.brief.status === "ok" ? story.brief.sentences[0] : undefined;
  const sources = [story.brief.source, ...(story.payload.alsoReportedBy ?? [])].filter(Boolean).map((s) => cap(s, 60));
  return [headline, ...(first ? [escapeHtml(cap(first, DIGEST_SENTENCE_CAP))] : []), `<i>${escapeHtml(sources.join(", "))}</i>`].join("\n");
}

function cap(text: string, max: number): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length <= max ? one : `${one.slice(0, max - 1).trimEnd()}…`;
}

/** Telegram HTML as plain text: what a malformed message is resent as, and what limits count. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

export function visibleLength(html: string): number {
  return plainText(html).length;
}
