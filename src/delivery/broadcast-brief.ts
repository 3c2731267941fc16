/**
 * The brief an admin's breaking news becomes: from an article the bot fetched, or from a pasted
 * text or a forwarded post (its first line the headline, the rest briefed as any article is),
 * then as the admin edits it. Pure: the conversation fetches, this shapes.
 */
import { buildBrief, summarize } from "../brief/build.ts";
import type { Brief } from "../brief/types.ts";
import type { Article } from "../extract/index.ts";

/** Headlines longer than this are cut (Telegram shows the brief's headline in bold on one or two lines). */
export const HEADLINE_MAX = 250;
/** The text an admin may paste or type for a brief. */
export const TEXT_MAX = 8000;

/** A message that is only a link (what the admin sends to have a page briefed). */
export function linkIn(text: string): string | undefined {
  const trimmed = text.trim();
  return /^https?:\/\/\S+$/i.test(trimmed) ? trimmed : undefined;
}

export function briefFromArticle(article: Article): Brief {
  return buildBrief(article);
}

/** A pasted text or a forwarded post: the first line is the headline, the rest the story. */
export function briefFromText(text: string, source: { name?: string; url?: string } = {}): Brief | undefined {
  const lines = text.slice(0, TEXT_MAX).split(/\r?\n/);
  const first = lines.findIndex((line) => line.trim() !== "");
  if (first < 0) return undefined;
  const title = cutHeadline(lines[first]!);
  const body = lines.slice(first + 1).join("\n").trim();
  return {
    title,
    sentences: body === "" ? [] : summarize(body, title),
    url: source.url ?? "",
    source: source.name ?? "",
    tags: [],
    status: body === "" ? "no-text" : "ok",
  };
}

export function withHeadline(brief: Brief, headline: string): Brief {
  return { ...brief, title: cutHeadline(headline) };
}

/** The admin's own text replaces the sentences as written (one sentence a paragraph). */
export function withText(brief: Brief, text: string): Brief {
  const sentences = text
    .slice(0, TEXT_MAX)
    .split(/\n\s*\n|\r?\n/)
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  return { ...brief, sentences, status: sentences.length > 0 ? "ok" : "no-text" };
}

function cutHeadline(text: string): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length <= HEADLINE_MAX ? one : `${one.slice(0, HEADLINE_MAX - 1).trimEnd()}…`;
}
