/**
 * One feed item made into a story: the text to brief (the page's, or the feed's own when the
 * page gave nothing), its topics from every signal the newsroom has, its brief and its keys
 * for "one story once". Pure: the caller fetched whatever was fetched.
 */
import { createHash } from "node:crypto";
import { buildBrief } from "../brief/index.ts";
import type { Article, ExtractResult } from "../extract/index.ts";
import type { ArticleTopic, NewArticle, SourceRecord } from "../store/types.ts";
import { topicEvidence, type TopicEvidence } from "../topics/evidence.ts";
import { assignTopics, type CompiledCatalog, type LabelPredictor, type Topic } from "../topics/index.ts";
import { canonicalUrl, contentHash, fingerprint } from "./dedup/index.ts";
import { feedHtmlToText, wordCount } from "./feed-text.ts";
import type { FeedItem } from "./feeds/index.ts";

/**
 * A feed whose item text has at least this many words carries the story itself (content:encoded,
 * full-text feeds), so the page need not be fetched; below it the item is a teaser. Twice the
 * brief's 90-word budget: enough text for the brief to choose from.
 */
export const FULL_TEXT_MIN_WORDS = 180;

/** Section-map and default topics are the newsroom's own word: as sure as a page's section. */
const SOURCE_TOPIC_CONFIDENCE = 0.9;

export interface StoryContext {
  source: Pick<SourceRecord, "id" | "name" | "feedUrl" | "siteUrl" | "language" | "defaultTopics" | "sectionMap">;
  topics: readonly Topic[] | CompiledCatalog;
  /** Where topic slugs get the names their hashtags show. */
  topicNames: ReadonlyMap<string, string>;
  classifier?: LabelPredictor | undefined;
}

/**
 * The address an item is known by: its link without tracking parameters; an item without a
 * link (a headline-only post) gets a stable address of its own.
 */
export function itemUrl(item: FeedItem, source: StoryContext["source"]): string {
  if (item.url) return canonicalUrl(item.url);
  const key = createHash("sha256").update(item.guid ?? item.title ?? "").digest("hex").slice(0, 16);
  // Under the feed's URL, which never changes (the site's may be learnt on a later poll).
  return `${canonicalUrl(source.feedUrl)}#item-${key}`;
}

/** The item's own text, and whether it is the whole story (so the page need not be fetched). */
export function feedText(item: FeedItem): { text: string; fullText: boolean } {
  const content = item.contentHtml ? feedHtmlToText(item.contentHtml) : "";
  const summary = item.summaryText?.trim() ?? "";
  const text = wordCount(content) >= wordCount(summary) ? content : summary;
  return { text, fullText: wordCount(text) >= FULL_TEXT_MIN_WORDS };
}

/** The Article an item gives on its own: the feed's text and metadata, no page. */
export function articleFromFeed(item: FeedItem, context: StoryContext): Article {
  const article: Article = {
    url: item.url ?? "",
    title: item.title?.trim() || firstWords(feedText(item).text) || item.url || "",
    authors: item.authors,
    tags: item.categories,
    articleBody: feedText(item).text,
    links: [],
  };
  if (item.authors.length > 0) article.byline = item.authors.join(", ");
  if (item.published ?? item.updated) article.published = (item.published ?? item.updated) as string;
  if (item.updated) article.modified = item.updated;
  if (item.categories[0]) article.section = item.categories[0];
  if (item.image) article.image = item.image;
  if (item.summaryText) article.description = item.summaryText;
  if (context.source.language) article.lang = context.source.language;
  article.siteName = context.source.name;
  return article;
}

/**
 * The page's article, with the feed filling what the page left out (a headline, a date, the
 * section) and the feed's text standing in when extraction found none.
 */
export function mergeWithFeed(page: ExtractResult, item: FeedItem, context: StoryContext): { article: Article; textFrom: "page" | "feed" } {
  const fromFeed = articleFromFeed(item, context);
  const extracted = page.article;
  const pageHasText = wordCount(extracted.articleBody) >= Math.min(wordCount(fromFeed.articleBody), 40) && extracted.articleBody.trim() !== "";
  const article: Article = {
    ...fromFeed,
    ...dropEmpty(extracted),
    title: extracted.title.trim() || fromFeed.title,
    tags: [...new Set([...extracted.tags, ...fromFeed.tags])],
    authors: extracted.authors.length > 0 ? extracted.authors : fromFeed.authors,
    articleBody: pageHasText ? extracted.articleBody : fromFeed.articleBody,
    links: extracted.links,
  };
  // The feed's date is the publisher's own statement; a page without one must not lose it.
  if (!extracted.published && fromFeed.published) article.published = fromFeed.published;
  if (!extracted.section && fromFeed.section) article.section = fromFeed.section;
  return { article, textFrom: pageHasText ? "page" : "feed" };
}

/** What a topic rests on, strongest first: a label is kept at the strongest evidence found for it. */
const EVIDENCE_RANK: Record<TopicEvidence, number> = { source: 0, text: 1, classifier: 2 };

/**
 * Topics from the catalog and classifier, the source's section map and its default topics, each
 * with the evidence it rests on (so the classifier never learns from its own guesses).
 */
export function storyTopics(article: Article, context: StoryContext): ArticleTopic[] {
  const found = new Map<string, { confidence: number; evidence: TopicEvidence }>();
  const add = (slug: string, confidence: number, evidence: TopicEvidence) => {
    const known = found.get(slug);
    found.set(slug, {
      confidence: Math.max(known?.confidence ?? 0, confidence),
      evidence: known && EVIDENCE_RANK[known.evidence] < EVIDENCE_RANK[evidence] ? known.evidence : evidence,
    });
  };
  const options = context.classifier ? { classifier: context.classifier } : {};
  for (const assignment of assignTopics(article, context.topics, options)) add(assignment.slug, assignment.confidence, topicEvidence(assignment));
  for (const label of [article.section, ...article.tags]) {
    const slug = label ? context.source.sectionMap[label.trim().toLowerCase()] : undefined;
    if (slug) add(slug, SOURCE_TOPIC_CONFIDENCE, "source");
  }
  for (const slug of context.source.defaultTopics) add(slug, SOURCE_TOPIC_CONFIDENCE, "source");
  return [...found]
    .map(([slug, { confidence, evidence }]) => ({ slug, confidence: Math.round(confidence * 1000) / 1000, evidence }))
    .sort((a, b) => b.confidence - a.confidence || a.slug.localeCompare(b.slug));
}

/** Everything the store keeps of a story; `deliver` is the caller's to decide. */
export function buildStory(
  article: Article,
  item: FeedItem,
  textFrom: "page" | "feed",
  context: StoryContext,
): Omit<NewArticle, "deliver"> {
  const url = article.url ? canonicalUrl(article.url) : itemUrl(item, context.source);
  const topics = storyTopics(article, context);
  const tags = topics.flatMap((topic) => context.topicNames.get(topic.slug) ?? []);
  const brief = buildBrief({ ...article, url }, { tags });
  const text = `${article.title}\n\n${article.articleBody}`;
  return {
    sourceId: context.source.id,
    url,
    guid: item.guid ?? null,
    title: brief.title || article.title,
    byline: article.byline ?? null,
    publishedAt: article.published ?? null,
    section: article.section ?? null,
    lang: article.lang ?? null,
    image: article.image ?? null,
    description: article.description ?? null,
    body: article.articleBody,
    brief,
    textFrom,
    contentHash: article.articleBody.trim() ? contentHash(article.articleBody) : null,
    fingerprint: wordCount(article.articleBody) >= 20 ? fingerprint(text) : null,
    topics,
    links: article.links,
  };
}

function firstWords(text: string): string {
  return text.split(/\s+/).slice(0, 12).join(" ");
}

function dropEmpty(article: Article): Partial<Article> {
  const out: Partial<Article> = {};
  for (const [key, value] of Object.entries(article) as Array<[keyof Article, Article[keyof Article]]>) {
    if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    (out as Record<string, unknown>)[key] = value;
  }
  return out;
}
