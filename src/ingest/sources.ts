/**
 * Adding sources: a feed URL, or a site's page whose feed is found through its
 * `<link rel="alternate">`; what was found is shown before it is added. OPML in and out.
 */
import type { SourceRecord, Store } from "../store/index.ts";
import { buildOpml, discoverFeeds, FeedParseError, parseFeed, parseOpml, type ParsedFeed } from "./feeds/index.ts";
import { decodeBody, type HttpClient } from "./http/index.ts";
import { FEED_ACCEPT } from "./poll-source.ts";

/** A source as found at a URL, before it is added. */
export interface SourcePreview {
  name: string;
  feedUrl: string;
  siteUrl: string | null;
  language: string | null;
  format: ParsedFeed["format"];
  itemCount: number;
  /** The newest headlines, to show the admin what they are adding. */
  latestTitles: string[];
  /** Whether the feed's hub can push new items (WebSub). */
  push: boolean;
}

/** A URL that gives no feed: the message says why, in a line the admin can act on. */
export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SourceError";
  }
}

/** Finds the feed at `url` (the feed itself, or the first one a page links to) and reads it. */
export async function inspectSource(http: HttpClient, url: string): Promise<SourcePreview> {
  const response = await http.request(url, { accept: `${FEED_ACCEPT}, text/html;q=0.7` });
  const text = decodeBody(response.bytes, response.contentType);
  try {
    return preview(parseFeed(text, response.url), response.url);
  } catch (error) {
    if (!(error instanceof FeedParseError)) throw error;
    const [found] = discoverFeeds(text, response.url);
    if (!found) throw new SourceError(`no feed at ${response.url}: it is not a feed (${error.message}), and the page links to none`);
    const feedResponse = await http.request(found.url, { accept: FEED_ACCEPT });
    return preview(parseFeed(decodeBody(feedResponse.bytes, feedResponse.contentType), feedResponse.url), feedResponse.url, found.title);
  }
}

function preview(feed: ParsedFeed, feedUrl: string, linkTitle?: string): SourcePreview {
  return {
    name: (feed.title ?? linkTitle ?? new URL(feedUrl).host).trim().slice(0, 100),
    feedUrl,
    siteUrl: feed.siteUrl ?? null,
    language: feed.language ?? null,
    format: feed.format,
    itemCount: feed.items.length,
    latestTitles: feed.items.slice(0, 3).flatMap((item) => (item.title ? [item.title] : [])),
    push: feed.hubs.length > 0,
  };
}

export interface AddOptions {
  pollIntervalS: number;
  defaultTopics?: string[];
  sectionMap?: Record<string, string>;
  actorId?: number | null;
}

export async function addSource(store: Store, found: SourcePreview, options: AddOptions): Promise<{ source: SourceRecord; created: boolean }> {
  const result = await store.sources.add({
    name: found.name,
    feedUrl: found.feedUrl,
    siteUrl: found.siteUrl,
    language: found.language,
    format: found.format,
    pollIntervalS: options.pollIntervalS,
    defaultTopics: options.defaultTopics ?? [],
    sectionMap: options.sectionMap ?? {},
  });
  if (result.created) {
    await store.audit.record({ actorId: options.actorId ?? null, action: "source.add", details: { sourceId: result.source.id, feedUrl: found.feedUrl } });
  }
  return result;
}

export interface ImportReport {
  added: SourceRecord[];
  existing: SourceRecord[];
  /** Outlines that could not be added, with the reason. */
  refused: Array<{ url: string; reason: string }>;
}

/**
 * Adds every feed of an OPML file without fetching it: a list of two hundred feeds must not
 * hit two hundred sites at once. Each is read on its first poll, which records any error.
 */
export async function importOpml(store: Store, text: string, options: AddOptions): Promise<ImportReport> {
  const report: ImportReport = { added: [], existing: [], refused: [] };
  for (const outline of parseOpml(text)) {
    if (!/^https?:\/\//i.test(outline.feedUrl) || !URL.canParse(outline.feedUrl)) {
      report.refused.push({ url: outline.feedUrl, reason: "only http(s) feeds can be read" });
      continue;
    }
    const { source, created } = await store.sources.add({
      name: (outline.title ?? new URL(outline.feedUrl).host).slice(0, 100),
      feedUrl: outline.feedUrl,
      siteUrl: outline.siteUrl ?? null,
      format: "rss",
      pollIntervalS: options.pollIntervalS,
      defaultTopics: options.defaultTopics ?? [],
      sectionMap: options.sectionMap ?? {},
    });
    (created ? report.added : report.existing).push(source);
  }
  if (report.added.length > 0) {
    await store.audit.record({ actorId: options.actorId ?? null, action: "source.import", details: { added: report.added.map((source) => source.id) } });
  }
  return report;
}

export async function exportOpml(store: Store): Promise<string> {
  const sources = await store.sources.list();
  return buildOpml(
    "newsbrief sources",
    sources.map((source) => ({ name: source.name, feedUrl: source.feedUrl, siteUrl: source.siteUrl })),
  );
}
