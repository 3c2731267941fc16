/**
 * The answers of /related, /search and inline mode, from the store and the archive index:
 * what to list and in which order. Rendering is the bot's.
 */
import type { Article, RelatedLink } from "../extract/index.ts";
import { composeRelated, hostOf, type RelatedItem, type StoryLink } from "../related/answer.ts";
import type { Store, StoredArticle } from "../store/index.ts";
import type { ArchiveIndex } from "./archive-index.ts";

export interface ArchiveDeps {
  store: Store;
  index: ArchiveIndex;
}

/** How many similar stories /related looks at (the answer is paged). */
const SIMILAR = 30;
/** When no story holds every word, a /search result must score this share of the best match. */
const RELEVANT_SHARE = 0.5;
/** The best matches /search sorts by date. */
const SEARCH_CANDIDATES = 200;

/** The page's own links in the order readers expect: the editors' picks before lists of the popular. */
const LINK_ORDER: Record<RelatedLink["kind"], number> = { "read-next": 0, "more-on-topic": 1, inline: 2, previous: 3, next: 3, popular: 4 };

export async function relatedForArticle(deps: ArchiveDeps, article: StoredArticle): Promise<RelatedItem[]> {
  const sameStory = article.storyGroupId === null ? [] : (await deps.store.articles.inStoryGroup(article.storyGroupId)).filter((a) => a.id !== article.id);
  const exclude = new Set([article.id, ...sameStory.map((a) => a.id)]);
  const hits = await deps.index.relatedTo(article.id, SIMILAR, exclude);
  const similar = await deps.store.articles.getMany(hits.map((h) => h.articleId));
  const pageLinks = await resolveLinks(deps, await deps.store.articles.links(article.id));
  return composeRelated({ story: { url: article.url }, sameStory: sameStory.map(toLink), pageLinks, similar: similar.map(toLink) });
}

/** A page the user linked: the stored story when we have it, else its text against the archive. */
export async function relatedForPage(deps: ArchiveDeps, page: Article, askedUrl: string): Promise<{ stored?: StoredArticle; items: RelatedItem[] }> {
  const stored = (await deps.store.articles.findExisting({ url: page.url, sourceId: null })) ?? (await deps.store.articles.findExisting({ url: askedUrl, sourceId: null }));
  if (stored) return { stored, items: await relatedForArticle(deps, stored) };
  const hits = await deps.index.relatedToText({ title: page.title, text: page.articleBody, date: page.published ? new Date(page.published) : null }, SIMILAR);
  const similar = await deps.store.articles.getMany(hits.map((h) => h.articleId));
  const pageLinks = await resolveLinks(deps, page.links);
  return { items: composeRelated({ story: { url: page.url }, sameStory: [], pageLinks, similar: similar.map(toLink) }) };
}

/** Stories about some words, most relevant first. */
export async function relatedForWords(deps: ArchiveDeps, words: string): Promise<RelatedItem[]> {
  const hits = await deps.index.relatedToText({ title: words, text: "" }, SIMILAR, { rerank: false });
  const similar = await deps.store.articles.getMany(hits.map((h) => h.articleId));
  return composeRelated({ story: null, sameStory: [], pageLinks: [], similar: similar.map(toLink) });
}

/**
 * /search and inline mode: the stories relevant to the words, newest first. Relevant means
 * holding every word (as a search box does); when no story holds them all, the best matches.
 */
export async function searchArchive(deps: ArchiveDeps, words: string, limit: number): Promise<StoredArticle[]> {
  const hits = await deps.index.relatedToText({ title: words, text: "" }, SEARCH_CANDIDATES, { rerank: false });
  const best = hits[0]?.score ?? 0;
  const all = hits.filter((h) => deps.index.hasAllWords(h.articleId, words));
  const relevant = (all.length > 0 ? all : hits.filter((h) => h.score >= best * RELEVANT_SHARE)).slice(0, limit);
  const articles = await deps.store.articles.getMany(relevant.map((h) => h.articleId));
  return articles.sort((a, b) => dateKey(b).localeCompare(dateKey(a)) || b.id - a.id).slice(0, limit);
}

function dateKey(article: StoredArticle): string {
  return article.publishedAt ?? article.fetchedAt;
}

function toLink(article: StoredArticle): StoryLink {
  return { url: article.url, title: article.title, source: article.sourceName ?? hostOf(article.url), publishedAt: article.publishedAt ?? article.fetchedAt };
}

/** The page's links, with the outlet and date of those we have stored. */
async function resolveLinks(deps: ArchiveDeps, links: readonly RelatedLink[]): Promise<StoryLink[]> {
  const ordered = [...links].sort((a, b) => LINK_ORDER[a.kind] - LINK_ORDER[b.kind]);
  const resolved: StoryLink[] = [];
  for (const link of ordered) {
    const stored = await deps.store.articles.findExisting({ url: link.url, sourceId: null });
    resolved.push(stored ? toLink(stored) : { url: link.url, title: link.title, source: hostOf(link.url), publishedAt: null });
  }
  return resolved;
}
