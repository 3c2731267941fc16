/**
 * Two instances on one PostgreSQL database: each source is polled by one of them, once per
 * time it is due, and the leases of an instance that died lapse so that another takes over
 * (its sources, and the sender).
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createHttpClient, type HttpClient } from "../../src/ingest/http/index.ts";
import { createIngestService, type IngestService } from "../../src/ingest/service.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { POSTGRES_SKIPPED, TEST_DATABASE_URL, dropSchemas, postgresSchema } from "../store/databases.ts";
import { silentLogger } from "../store/helpers.ts";
import { LocalSite, newsParagraphs, rssFeed } from "./local-site.ts";

const START = new Date("2026-03-01T08:00:00Z");
const SOURCES = 6;

describe.skipIf(!TEST_DATABASE_URL)(`two instances on one PostgreSQL database${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIPPED})`}`, () => {
  const clock = { now: START };
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });
  afterAll(dropSchemas);

  /** An instance: its own store (pool) and ingest service, on the shared schema. */
  async function instance(url: string): Promise<{ store: Store; ingest: IngestService }> {
    const store = await openStore({ databaseUrl: url, databasePath: "unused.db", databasePoolMax: 4 }, { logger: silentLogger, now: () => clock.now });
    const http: HttpClient = createHttpClient({ allowPrivateHosts: true, userAgent: "newsbrief-test", timeoutMs: 5000, connectTimeoutMs: 2000, maxBytes: 1024 * 1024, maxRedirects: 5 });
    const ingest = createIngestService({
      store,
      http,
      logger: silentLogger,
      now: () => clock.now,
      random: () => 0.5,
      notifyAdmins: async () => {},
      config: { defaultPollIntervalS: 300, hostDelayMs: 0, concurrency: 3, itemConcurrency: 2, alertAfterMs: 3 * 3600_000, tickMs: 1000 },
    });
    cleanup.push(async () => {
      await ingest.stop();
      await http.close();
      await store.close();
    });
    return { store, ingest };
  }

  /** One site serving SOURCES feeds (the same items), each a source of its own. */
  async function newsroom(store: Store): Promise<{ site: LocalSite; feedRequests: () => Map<string, number> }> {
    const site = await LocalSite.start("Wire");
    cleanup.push(() => site.close());
    site.publish({ slug: "talks", title: "Grain talks resume", paragraphs: newsParagraphs("Grain talks resume", 3), published: START.toISOString() });
    for (let i = 1; i <= SOURCES; i++) {
      site.routes.set(`/feed-${i}.xml`, (_req, res) => {
        res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" });
        res.end(rssFeed(site));
      });
      await store.sources.add({ name: `Wire ${i}`, feedUrl: `${site.origin}/feed-${i}.xml`, format: "rss", pollIntervalS: 300 });
    }
    const feedRequests = () => {
      const counts = new Map<string, number>();
      for (const request of site.requests.filter((r) => r.includes("/feed-"))) counts.set(request, (counts.get(request) ?? 0) + 1);
      return counts;
    };
    return { site, feedRequests };
  }

  it("poll each due source once between them, however their polls overlap", async () => {
    clock.now = START;
    const url = (await postgresSchema(TEST_DATABASE_URL ?? "")).settings.databaseUrl ?? "";
    const a = await instance(url);
    const b = await instance(url);
    const { feedRequests } = await newsroom(a.store);

    // Both find every source due at the same moment, three times over.
    const reports = (await Promise.all([a.ingest.pollDue(), b.ingest.pollDue(), a.ingest.pollDue(), b.ingest.pollDue()])).flat();
    // (One instance's overlapping calls share its polls in progress, so a report may come twice.)
    expect(new Set(reports.map((r) => r.source.id)).size).toBe(SOURCES);
    expect([...feedRequests().values()]).toEqual(Array.from({ length: SOURCES }, () => 1));

    // Nothing is due until the interval passes; then each is polled once more.
    expect((await Promise.all([a.ingest.pollDue(), b.ingest.pollDue()])).flat()).toEqual([]);
    clock.now = new Date(START.getTime() + 301_000);
    expect((await Promise.all([b.ingest.pollDue(), a.ingest.pollDue()])).flat()).toHaveLength(SOURCES);
    expect([...feedRequests().values()]).toEqual(Array.from({ length: SOURCES }, () => 2));
  });

  it("take over a dead instance's sources and the sender once its leases lapse", async () => {
    clock.now = START;
    const url = (await postgresSchema(TEST_DATABASE_URL ?? "")).settings.databaseUrl ?? "";
    const survivor = await instance(url);
    const { feedRequests } = await newsroom(survivor.store);
    const [first] = await survivor.store.sources.list();
    // What an instance killed mid-poll and mid-broadcast leaves behind: its leases, never released.
    expect(await survivor.store.leases.acquire(`poll:${first!.id}`, "dead-instance", 10 * 60_000, clock.now)).toBe(true);
    expect(await survivor.store.leases.acquire("sender", "dead-instance", 10_000, clock.now)).toBe(true);

    expect(await survivor.ingest.pollDue()).toHaveLength(SOURCES - 1);
    const firstFeed = `GET ${new URL(first!.feedUrl).pathname}`;
    expect(feedRequests().get(firstFeed)).toBeUndefined();
    expect(await survivor.store.leases.acquire("sender", "survivor", 10_000, clock.now)).toBe(false);

    // The sender lease lapses after its ten seconds, the poll lease after its ten minutes.
    clock.now = new Date(START.getTime() + 10_001);
    expect(await survivor.store.leases.acquire("sender", "survivor", 10_000, clock.now)).toBe(true);
    expect(await survivor.ingest.pollDue()).toEqual([]);
    clock.now = new Date(START.getTime() + 10 * 60_000 + 1);
    const reports = await survivor.ingest.pollDue();
    expect(reports.map((r) => r.source.id)).toContain(first!.id);
    expect(feedRequests().get(firstFeed)).toBe(1);
  });
});
