/**
 * The ingestion service: a scheduler that polls due sources (each by one process at a time,
 * through a lease), politely per host, and `pollAll` for `newsbrief ingest --once`.
 */
import { realTimers, type Timers } from "../timers.ts";
import { randomUUID } from "node:crypto";
import PQueue from "p-queue";
import type { SourceRecord } from "../store/index.ts";
import { parseFeed } from "./feeds/index.ts";
import { HostQueues } from "./host-queue.ts";
import { decodeBody } from "./http/index.ts";
import { pollSource, readFeedItems, type Poller } from "./poll-source.ts";
import { StoryGroups } from "./story-groups.ts";
import type { IngestConfig, IngestDeps, PollReport } from "./types.ts";
import { createWebSub, type WebSub } from "./websub.ts";

/** A poll that runs longer than this is presumed dead, and another process may take the source. */
const POLL_LEASE_MS = 10 * 60_000;
/** Sources asked for per tick, beyond those already being polled. */
const DUE_BATCH = 50;

export interface IngestService {
  /** Polls every due source now; resolves when they are done. */
  pollDue(): Promise<PollReport[]>;
  /** Polls every enabled source once, due or not (`newsbrief ingest --once`). */
  pollAll(): Promise<PollReport[]>;
  /** Polls one source now (after a WebSub push, or when an admin adds it). */
  pollNow(sourceId: number): Promise<PollReport | undefined>;
  /** Starts polling on a timer. */
  start(): void;
  /** Stops the timer and waits for polls in progress. */
  stop(): Promise<void>;
  /** Hubs' callbacks (verification and pushes), when the bot has a public URL; see websub.ts. */
  readonly websub: WebSub | undefined;
}

export interface IngestServiceOptions extends IngestDeps {
  config: IngestConfig;
  /** The public URL prefix WebSub hubs call back (webhook mode); without it, sources are only polled. */
  websubCallbackBase?: string | undefined;
  /** The polling timer's clock: Node's unless a test moves time by hand (with `now`). */
  timers?: Timers;
}

export function createIngestService(deps: IngestServiceOptions): IngestService {
  const log = deps.logger.child({ module: "ingest" });
  const holder = `ingest-${randomUUID()}`;
  const poller: Poller = { ...deps, hosts: new HostQueues(deps.config.hostDelayMs), groups: new StoryGroups(deps.store, deps.now) };
  const websub = deps.websubCallbackBase
    ? createWebSub({
        ...deps,
        callbackBase: deps.websubCallbackBase,
        async ingestPush(source, body, contentType) {
          const feed = parseFeed(decodeBody(body, contentType), source.feedUrl);
          const items = await readFeedItems(poller, source, feed, source.lastSuccessAt === null);
          log.info({ sourceId: source.id, items: items.length }, "pushed items read");
        },
      })
    : undefined;
  if (websub) poller.onFeed = (source, feed) => websub.maintain(source, feed);
  const queue = new PQueue({ concurrency: deps.config.concurrency });
  const inFlight = new Map<number, Promise<PollReport | undefined>>();
  const timers = deps.timers ?? realTimers;
  let timer: unknown;
  let stopped = false;

  /**
   * Polls a source unless this process is already polling it or another one holds its lease;
   * `dueOnly`: unless another process polled it since it was found due.
   */
  function poll(source: SourceRecord, dueOnly = false): Promise<PollReport | undefined> {
    const running = inFlight.get(source.id);
    if (running) return running;
    const task = queue
      .add(async () => {
        const lease = `poll:${source.id}`;
        if (!(await deps.store.leases.acquire(lease, holder, POLL_LEASE_MS, deps.now()))) return undefined;
        try {
          // Re-read: another process may have polled it while this one waited for the lease.
          const fresh = await deps.store.sources.get(source.id);
          if (fresh === undefined || (dueOnly && !isDue(fresh, deps.now()))) return undefined;
          const report = await pollSource(poller, fresh);
          if (report) deps.onPolled?.(report);
          return report;
        } finally {
          await deps.store.leases.release(lease, holder);
        }
      })
      .finally(() => inFlight.delete(source.id));
    inFlight.set(source.id, task);
    return task;
  }

  // Found due by two processes at once, a source is polled by the first to take its lease; the
  // second, taking the lease after it, finds the next poll scheduled and leaves it.
  const isDue = (source: SourceRecord, now: Date) => source.nextPollAt === null || Date.parse(source.nextPollAt) <= now.getTime();

  const settled = async (polls: Array<Promise<PollReport | undefined>>) =>
    (await Promise.all(polls)).filter((report): report is PollReport => report !== undefined);

  async function pollDue(): Promise<PollReport[]> {
    const due = await deps.store.sources.due(deps.now(), DUE_BATCH);
    return settled(due.map((source) => poll(source, true)));
  }

  async function tick(): Promise<void> {
    try {
      // Not awaited: one slow source must not hold back the next tick's others.
      for (const source of await deps.store.sources.due(deps.now(), DUE_BATCH)) {
        poll(source, true).catch((error: unknown) => log.error({ err: error, sourceId: source.id }, "polling a source failed"));
      }
    } catch (error) {
      log.error({ err: error }, "polling failed");
    } finally {
      if (!stopped) timer = timers.setTimeout(() => void tick(), deps.config.tickMs);
    }
  }

  return {
    websub,
    pollDue,
    async pollAll() {
      const sources = (await deps.store.sources.list()).filter((source) => source.enabled);
      return settled(sources.map((source) => poll(source)));
    },
    async pollNow(sourceId) {
      const source = await deps.store.sources.get(sourceId);
      return source ? poll(source) : undefined;
    },
    start() {
      stopped = false;
      timer = timers.setTimeout(() => void tick(), 0);
    },
    async stop() {
      stopped = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}
