/**
 * One feed item into the archive, once: an item already stored is left alone unless the feed
 * edited it (then the stored story is updated, and not delivered again); a new item is read
 * (the page, or the feed's own text), briefed, tagged, joined to its story group and stored.
 */
import { createHash } from "node:crypto";
import { extractArticle } from "../extract/index.ts";
import type { Logger } from "../logger.ts";
import type { NewArticle, Store } from "../store/index.ts";
import type { FeedItem } from "./feeds/index.ts";
import type { HostQueues } from "./host-queue.ts";
import { FetchError, type HttpClient } from "./http/index.ts";
import type { StoryGroups } from "./story-groups.ts";
import { articleFromFeed, buildStory, feedText, itemUrl, mergeWithFeed, type StoryContext } from "./story.ts";
import type { ItemOutcome } from "./types.ts";

/** Article pages are HTML; anything else (a PDF, a video) is read from the feed instead. */
const PAGE_TYPES = /^(?:text\/html|application\/xhtml\+xml)\b/i;

export interface ItemReader {
  store: Store;
  http: HttpClient;
  hosts: HostQueues;
  groups: StoryGroups;
  logger: Logger;
  now: () => Date;
}

export async function readItem(reader: ItemReader, item: FeedItem, context: StoryContext, firstPoll: boolean): Promise<ItemOutcome> {
  const itemHash = hashItem(item);
  const known = await reader.store.articles.findExisting({ url: itemUrl(item, context.source), sourceId: context.source.id, guid: item.guid ?? null });
  if (known && known.itemHash === itemHash) return { kind: "unchanged" };

  // Archiving a new source's backlog reads the feed only: fetching hundreds of pages at once
  // would hammer the site for stories nobody will be sent.
  const { article, textFrom } = firstPoll && !known ? { article: articleFromFeed(item, context), textFrom: "feed" as const } : await read(reader, item, context);
  const story: NewArticle = { ...buildStory(article, item, textFrom, context), itemHash, deliver: !firstPoll };

  const same = known ?? (await reader.store.articles.findExisting({ url: story.url, sourceId: context.source.id, guid: null, contentHash: story.contentHash }));
  if (same) {
    // The same article again: edited in the feed, or found under another address. Update it in
    // place; its delivery state stays as it was, so nobody gets it twice.
    if (same.itemHash === itemHash && !known) return { kind: "unchanged" };
    const updated = await reader.store.articles.update(same.id, { ...story, deliver: same.deliver, url: same.url });
    return { kind: "updated", articleId: updated.id, title: updated.title };
  }

  const stored = await reader.groups.add(story.fingerprint, (groupId) => reader.store.articles.insert(story, groupId));
  return {
    kind: "stored",
    articleId: stored.id,
    title: stored.title,
    topics: stored.topics.map((topic) => topic.slug),
    deliver: stored.deliver,
    storyGroupId: stored.storyGroupId,
    textFrom: stored.textFrom,
  };
}

/** The item's article: the page when the feed gives only a teaser, else the feed's text. */
async function read(reader: ItemReader, item: FeedItem, context: StoryContext) {
  const fromFeed = feedText(item);
  if (fromFeed.fullText || !item.url) return { article: articleFromFeed(item, context), textFrom: "feed" as const };
  const url = item.url;
  try {
    const page = await reader.hosts.run(url, () => reader.http.request(url, { accept: "text/html,application/xhtml+xml;q=0.9", allowedTypes: PAGE_TYPES }));
    const extracted = extractArticle(page.bytes, { url: page.url, ...(page.contentType ? { contentType: page.contentType } : {}) });
    return mergeWithFeed(extracted, item, context);
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    // The page is out of reach; the feed's own text still makes a story, marked as such.
    reader.logger.info({ url, reason: error.reason, err: error.message }, "page not fetched; using the feed's text");
    return { article: articleFromFeed(item, context), textFrom: "feed" as const };
  }
}

/** What the feed says of an item; a change in any of it is an edit. */
function hashItem(item: FeedItem): string {
  const shown = [item.title ?? "", item.summaryText ?? "", item.contentHtml ?? "", item.updated ?? "", item.url ?? ""];
  return createHash("sha256").update(shown.join("\u0000")).digest("hex").slice(0, 32);
}

