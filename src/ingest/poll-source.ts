/**
 * One poll of one source: a conditional GET of its feed (a 304 costs nothing), every item read
 * (one bad item holds up nothing else), the result and the next poll time recorded on the
 * source, and the admins told when it has been failing for a while or works again.
 */
import PQueue from "p-queue";
import type { SourceRecord } from "../store/index.ts";
import { compileCatalog } from "../topics/index.ts";
import { FeedParseError, parseFeed, type ParsedFeed } from "./feeds/index.ts";
import type { HostQueues } from "./host-queue.ts";
import type { StoryGroups } from "./story-groups.ts";
import { decodeBody, FetchError } from "./http/index.ts";
import { readItem } from "./read-item.ts";
import { nextPollAfterFailure, nextPollAfterSuccess } from "./schedule.ts";
import type { StoryContext } from "./story.ts";
import type { IngestConfig, IngestDeps, ItemOutcome, PollReport } from "./types.ts";

export const FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

export interface Poller extends IngestDeps {
  hosts: HostQueues;
  groups: StoryGroups;
  config: IngestConfig;
  /** Called with the parsed feed after a good poll (WebSub uses its hubs). */
  onFeed?: (source: SourceRecord, feed: ParsedFeed) => Promise<void>;
}

export async function pollSource(poller: Poller, source: SourceRecord): Promise<PollReport> {
  const log = poller.logger.child({ module: "ingest", sourceId: source.id });
  const timing = () => ({ now: poller.now(), intervalS: pollIntervalS(source, poller.now()), random: poller.random ?? Math.random });

  let feed: ParsedFeed;
  let validators: { etag: string | null; lastModified: string | null };
  try {
    const response = await poller.hosts.run(source.feedUrl, () =>
      poller.http.request(source.feedUrl, { accept: FEED_ACCEPT, ifNoneMatch: source.etag, ifModifiedSince: source.lastModified }),
    );
    if (response.notModified) {
      const updated = await poller.store.sources.recordSuccess(source.id, { at: poller.now(), nextPollAt: nextPollAfterSuccess(timing()) });
      await recovered(poller, source, updated);
      return { source: updated, status: "not-modified", items: [] };
    }
    if (response.truncated) throw new FeedParseError("the feed is larger than the size limit (FETCH_MAX_BYTES)");
    feed = parseFeed(decodeBody(response.bytes, response.contentType), response.url);
    validators = { etag: response.etag ?? null, lastModified: response.lastModified ?? null };
  } catch (error) {
    if (!(error instanceof FetchError) && !(error instanceof FeedParseError)) throw error;
    const message = error.message;
    log.warn({ err: message }, "source poll failed");
    const retryAfterMs = error instanceof FetchError ? error.retryAfterMs : undefined;
    const updated = await poller.store.sources.recordFailure(source.id, {
      at: poller.now(),
      nextPollAt: nextPollAfterFailure(timing(), source.failures + 1, retryAfterMs),
      error: message,
    });
    await failing(poller, updated);
    return { source: updated, status: "failed", error: message, items: [] };
  }

  const firstPoll = source.lastSuccessAt === null;
  const items = await readFeedItems(poller, source, feed, firstPoll);
  const updated = await poller.store.sources.recordSuccess(source.id, {
    at: poller.now(),
    nextPollAt: nextPollAfterSuccess(timing(), feed.ttlMinutes),
    ...validators,
    format: feed.format,
    siteUrl: source.siteUrl ?? feed.siteUrl ?? null,
    language: source.language ?? feed.language ?? null,
  });
  await recovered(poller, source, updated);
  await poller.onFeed?.(updated, feed).catch((error: unknown) => log.warn({ err: error }, "feed hook failed"));
  const stored = items.filter((item) => item.kind === "stored").length;
  log.info({ items: feed.items.length, stored, firstPoll }, "source polled");
  return { source: updated, status: "ok", items };
}

/** A source its hub pushes to is still polled, hourly, in case a push is lost. */
const PUSHED_POLL_INTERVAL_S = 3600;

function pollIntervalS(source: SourceRecord, now: Date): number {
  const pushed = source.websub?.leaseUntil && Date.parse(source.websub.leaseUntil) > now.getTime();
  return pushed ? Math.max(source.pollIntervalS, PUSHED_POLL_INTERVAL_S) : source.pollIntervalS;
}

/** Every item of a feed read into the archive; a first poll archives instead of delivering. */
export async function readFeedItems(poller: Poller, source: SourceRecord, feed: ParsedFeed, firstPoll: boolean): Promise<ItemOutcome[]> {
  const topics = await poller.store.topics.listEnabled();
  const context: StoryContext = {
    source,
    topics: compileCatalog(topics),
    topicNames: new Map(topics.map((topic) => [topic.slug, topic.names.en])),
    classifier: poller.classifier?.(),
  };
  const queue = new PQueue({ concurrency: poller.config.itemConcurrency });
  const reader = { ...poller, logger: poller.logger.child({ module: "ingest", sourceId: source.id }) };
  return Promise.all(
    feed.items.map((item) =>
      queue.add(async (): Promise<ItemOutcome> => {
        try {
          const outcome = await readItem(reader, item, context, firstPoll);
          if (outcome.kind === "stored" && outcome.deliver) poller.onStoryStored?.(outcome.articleId);
          return outcome;
        } catch (error) {
          // One bad item is logged and skipped; the next poll tries it again (it was not stored).
          const message = error instanceof Error ? error.message : String(error);
          reader.logger.error({ err: error, item: item.url ?? item.guid }, "feed item failed");
          return { kind: "failed", error: message };
        }
      }),
    ),
  );
}

async function failing(poller: Poller, source: SourceRecord): Promise<void> {
  if (source.alertedAt || !source.failingSince || !poller.notifyAdmins) return;
  if (poller.now().getTime() - Date.parse(source.failingSince) < poller.config.alertAfterMs) return;
  await poller.store.sources.setAlerted(source.id, poller.now());
  await poller.notifyAdmins({ kind: "failing", source, since: source.failingSince, error: source.lastError ?? "" }).catch((error: unknown) => {
    poller.logger.warn({ err: error, sourceId: source.id }, "could not tell the admins that a source is failing");
  });
}

async function recovered(poller: Poller, before: SourceRecord, after: SourceRecord): Promise<void> {
  if (!before.alertedAt) return;
  await poller.store.sources.setAlerted(after.id, null);
  await poller.notifyAdmins?.({ kind: "recovered", source: after }).catch((error: unknown) => {
    poller.logger.warn({ err: error, sourceId: after.id }, "could not tell the admins that a source recovered");
  });
}
