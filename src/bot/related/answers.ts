/**
 * The answers /related, /search, their buttons and inline mode send: looked up through the
 * archive service, shown through `view.ts`. Kept out of the features so that a press of any
 * paging button, whichever command made the list, is answered the same way.
 */
import type { Article } from "../../extract/index.ts";
import { relatedForArticle, relatedForPage, relatedForWords, searchArchive, type ArchiveDeps } from "../../archive/related.ts";
import { hostOf, type RelatedItem } from "../../related/answer.ts";
import type { StoredArticle } from "../../store/index.ts";
import type { BotContext, SavedPage, SavedQuery } from "../context.ts";
import { findButton, relatedButton } from "./buttons.ts";
import { answerView, quoteWords, type AnswerView } from "./view.ts";
import { escapeHtml, shorten, cleanInline } from "../../brief/index.ts";

/** Answers of a saved query that can still be paged; older ones say they expired. */
const SAVED_QUERIES = 10;
/** What /search lists at most (its pages). */
const SEARCH_RESULTS = 50;
/** How much of a linked page's text is kept for paging its answer. */
const SAVED_TEXT_CHARS = 4000;

export function archiveOf(ctx: BotContext): ArchiveDeps {
  return { store: ctx.deps.store, index: ctx.deps.archiveIndex };
}

export async function storyAnswer(ctx: BotContext, article: StoredArticle, page: number): Promise<AnswerView> {
  const items = await relatedForArticle(archiveOf(ctx), article);
  return answerView(ctx, ctx.t("related-title-story", { title: headline(article.title) }), items, page, (p) => relatedButton.encode({ articleId: article.id, page: p }), ctx.t("related-none"));
}

/** A linked page: the stored story's answer when we have it, else the page against the archive (saved for paging). */
export async function pageAnswer(ctx: BotContext, page: Article, askedUrl: string): Promise<AnswerView> {
  const { stored, items } = await relatedForPage(archiveOf(ctx), page, askedUrl);
  if (stored) return storyAnswer(ctx, stored, 0);
  const saved: SavedPage = {
    url: page.url,
    title: page.title,
    text: page.articleBody.slice(0, SAVED_TEXT_CHARS),
    ...(page.published ? { published: page.published } : {}),
    links: page.links.slice(0, 30),
  };
  const query = saveQuery(ctx, { kind: "page", page: saved });
  return savedPageView(ctx, query.id, saved, items, 0);
}

export async function wordsAnswer(ctx: BotContext, words: string): Promise<AnswerView> {
  const query = saveQuery(ctx, { kind: "words", words });
  return savedAnswer(ctx, query, 0);
}

export async function searchAnswer(ctx: BotContext, words: string): Promise<AnswerView> {
  const query = saveQuery(ctx, { kind: "search", words });
  return savedAnswer(ctx, query, 0);
}

/** A page of a saved query's answer; undefined when the query is no longer kept. */
export async function savedQueryPage(ctx: BotContext, queryId: number, page: number): Promise<AnswerView | undefined> {
  const query = ctx.session.queries?.find((q) => q.id === queryId);
  return query ? savedAnswer(ctx, query, page) : undefined;
}

async function savedAnswer(ctx: BotContext, query: SavedQuery, page: number): Promise<AnswerView> {
  const data = (p: number) => findButton.encode({ queryId: query.id, page: p });
  if (query.kind === "search") {
    const found = await searchArchive(archiveOf(ctx), query.words, SEARCH_RESULTS);
    const items = found.map((a): RelatedItem => ({ url: a.url, title: a.title, source: a.sourceName ?? hostOf(a.url), publishedAt: a.publishedAt ?? a.fetchedAt, section: "related" }));
    return answerView(ctx, ctx.t("search-title", { words: quoteWords(query.words) }), items, page, data, ctx.t("search-none", { words: quoteWords(query.words) }));
  }
  if (query.kind !== "page") {
    const items = await relatedForWords(archiveOf(ctx), query.words);
    return answerView(ctx, ctx.t("related-title-words", { words: quoteWords(query.words) }), items, page, data, ctx.t("related-none"));
  }
  const saved = query.page;
  const article: Article = { url: saved.url, title: saved.title, articleBody: saved.text, authors: [], tags: [], links: saved.links, ...(saved.published ? { published: saved.published } : {}) };
  const { items } = await relatedForPage(archiveOf(ctx), article, saved.url);
  return savedPageView(ctx, query.id, saved, items, page);
}

function savedPageView(ctx: BotContext, queryId: number, saved: SavedPage, items: RelatedItem[], page: number): AnswerView {
  const title = saved.title.trim() || hostOf(saved.url) || saved.url;
  return answerView(ctx, ctx.t("related-title-story", { title: headline(title) }), items, page, (p) => findButton.encode({ queryId, page: p }), ctx.t("related-none"));
}

function saveQuery(ctx: BotContext, query: DistributiveOmit<SavedQuery, "id">): SavedQuery {
  const queries = ctx.session.queries ?? [];
  const id = (queries.at(-1)?.id ?? 0) + 1;
  const saved = { ...query, id } as SavedQuery;
  ctx.session.queries = [...queries, saved].slice(-SAVED_QUERIES);
  return saved;
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

function headline(title: string): string {
  return escapeHtml(shorten(cleanInline(title), 120));
}
