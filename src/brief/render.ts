/**
 * A Brief as Telegram HTML: what the bot sends as a message, or as the caption of the lead image.
 *
 *   <b>Headline</b>
 *
 *   Two to four sentences of the story.
 *
 *   <a href="…">Kyiv Post</a> · 5 min ago
 *   #China #WarInUkraine
 *
 * plus a "Read the full story" URL button for the caller's inline keyboard. Every external string
 * is cleaned and escaped; the text never exceeds Telegram's limit as Telegram counts it.
 */
import type { Translate } from "../i18n/locales.ts";
import { cleanInline, escapeHtml, safeHttpUrl, shorten, toHashtag } from "./telegram-text.ts";
import type { Brief } from "./types.ts";

/** Telegram's limits, in UTF-16 code units of the text after entity parsing. */
export const MESSAGE_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;

/** Caps so that one oversized field cannot crowd out the story. */
const TITLE_CAP = { message: 400, caption: 200 } as const;
const SOURCE_CAP = 60;
const MAX_HASHTAGS = 6;

export interface RenderOptions {
  t: Translate;
  now: Date;
  locale: "en" | "uk";
  as: "message" | "caption";
  /** Whether the chat wants a link preview of the article under a message. */
  linkPreview?: boolean;
}

/** Structurally Telegram's LinkPreviewOptions, to pass as `link_preview_options`. */
export interface BriefLinkPreview {
  is_disabled?: boolean;
  url?: string;
  prefer_large_media?: boolean;
}

export interface RenderedBrief {
  /** Telegram HTML, for `parse_mode: "HTML"`. */
  html: string;
  /** The URL button ("Read the full story"); absent when the article URL is not http(s). */
  button?: { text: string; url: string };
  /** For `sendMessage`'s `link_preview_options` (captions have no preview). */
  linkPreview: BriefLinkPreview;
}

/** One piece of the message: its HTML and its length as Telegram will count it. */
interface Piece {
  html: string;
  length: number;
}

const plain = (text: string): Piece => ({ html: escapeHtml(text), length: text.length });
const wrap = (tag: string, text: string): Piece => ({ html: `<${tag}>${escapeHtml(text)}</${tag}>`, length: text.length });
const join = (pieces: Piece[], separator: string): Piece => ({
  html: pieces.map((piece) => piece.html).join(escapeHtml(separator)),
  length: pieces.reduce((sum, piece) => sum + piece.length, 0) + separator.length * Math.max(0, pieces.length - 1),
});

export function renderBrief(brief: Brief, options: RenderOptions): RenderedBrief {
  const { t } = options;
  const limit = options.as === "caption" ? CAPTION_LIMIT : MESSAGE_LIMIT;
  const url = safeHttpUrl(brief.url);
  const readMore = t("brief-read-more");

  const footer = join([sourceLine(brief, url, readMore, options), ...hashtagLine(brief.tags)], "\n");
  const titleText = shorten(cleanInline(brief.title), TITLE_CAP[options.as]);
  const title = titleText ? [wrap("b", titleText)] : [];

  // What is left for the body once headline, footer and the blank lines between them are counted.
  const separators = 2 * (title.length + 1);
  const room = limit - footer.length - (title[0]?.length ?? 0) - separators;
  const body = bodyPiece(brief, t, room);

  const message = join([...title, ...(body ? [body] : []), footer], "\n\n");
  return {
    html: message.html,
    ...(url ? { button: { text: readMore, url } } : {}),
    linkPreview:
      options.as === "message" && options.linkPreview && url
        ? { url, prefer_large_media: true }
        : { is_disabled: true },
  };
}

function bodyPiece(brief: Brief, t: Translate, room: number): Piece | undefined {
  const sentences = brief.sentences.map(cleanInline).filter(Boolean);
  if (brief.status !== "ok" || sentences.length === 0) {
    const note = shorten(t(brief.status === "too-short" ? "brief-too-short" : "brief-no-text"), Math.max(0, room));
    return note ? wrap("i", note) : undefined;
  }
  const text = shorten(sentences.join(" "), Math.max(0, room));
  return text ? plain(text) : undefined;
}

function sourceLine(brief: Brief, url: string | undefined, readMore: string, options: RenderOptions): Piece {
  const name = shorten(cleanInline(brief.source), SOURCE_CAP) || (url ? readMore : "");
  const link: Piece = url
    ? { html: `<a href="${escapeHtml(url)}">${escapeHtml(name)}</a>`, length: name.length }
    : plain(name);
  const age = ageText(brief.published, options);
  if (!age) return link;
  return name ? join([link, plain(age)], " · ") : plain(age);
}

function hashtagLine(tags: readonly string[]): Piece[] {
  const seen = new Set<string>();
  const hashtags: string[] = [];
  for (const tag of tags) {
    const hashtag = toHashtag(tag);
    if (!hashtag || seen.has(hashtag.toLocaleLowerCase())) continue;
    seen.add(hashtag.toLocaleLowerCase());
    hashtags.push(`#${hashtag}`);
    if (hashtags.length === MAX_HASHTAGS) break;
  }
  return hashtags.length > 0 ? [plain(hashtags.join(" "))] : [];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "5 min ago", "3 hours ago", "2 days ago", or the date once a week has passed (or the date is ahead). */
export function ageText(published: string | undefined, options: Pick<RenderOptions, "t" | "now">): string | undefined {
  if (!published) return undefined;
  const date = new Date(published);
  if (Number.isNaN(date.getTime())) return undefined;
  const elapsed = options.now.getTime() - date.getTime();
  const { t } = options;
  if (elapsed < -5 * MINUTE || elapsed >= 7 * DAY) return cleanInline(t("brief-date", { date }));
  if (elapsed < MINUTE) return t("brief-age-now");
  if (elapsed < HOUR) return t("brief-age-minutes", { count: Math.floor(elapsed / MINUTE) });
  if (elapsed < DAY) return t("brief-age-hours", { count: Math.floor(elapsed / HOUR) });
  return t("brief-age-days", { count: Math.floor(elapsed / DAY) });
}
