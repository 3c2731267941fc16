/**
 * Ingestion, end to end against a local news site on 127.0.0.1 (no network):
 *  1. throughput: items per second through fetch (the article page), extract, brief, topics
 *     and store, for items whose feed carries only a teaser;
 *  2. scale: the archive grown to 100,000 stored articles (full-text feed items, so the site
 *     is not asked for 100,000 pages): the database's size on disk and the process's peak RSS;
 *  3. freshness: from an item appearing on the site to its story being stored, when polled
 *     (a source polled every 2 s; the median is about half the interval plus the work) and
 *     when pushed by a WebSub hub (the bench plays the hub; target ≤ 2 s).
 *
 *   npm run bench:ingest [-- --items 2000] [-- --archive 100000]
 */
import { createHmac } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { createHttpClient } from "../src/ingest/http/index.ts";
import { createIngestService } from "../src/ingest/service.ts";
import { openSqliteStore } from "../src/store/index.ts";
import { LocalSite, newsParagraphs, rssFeed } from "../test/ingest/local-site.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ITEMS = option("--items", 2000);
const ARCHIVE = option("--archive", 100_000);
const FRESHNESS_SAMPLES = option("--samples", 15);

const logger = pino({ level: "silent" });
const dir = mkdtempSync(join(tmpdir(), "newsbrief-bench-ingest-"));
const dbPath = join(dir, "bench.db");
const store = await openSqliteStore({ path: dbPath, logger });
const http = createHttpClient({ allowPrivateHosts: true, userAgent: "newsbrief-bench", timeoutMs: 10_000, connectTimeoutMs: 2_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 });
const storedAt = new Map<number, number>();
const config = { defaultPollIntervalS: 300, hostDelayMs: 0, concurrency: 4, itemConcurrency: 8, alertAfterMs: 3600_000, tickMs: 100 };
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const subjects = ["the grain corridor", "the energy grid", "the peace talks", "the budget vote", "the border crossing", "the drone attack", "the election", "the harvest"];

// 1. Throughput.
const site = await LocalSite.start("Bench News");
const ingest = createIngestService({ store, http, logger, now: () => new Date(), config, onStoryStored: (id) => storedAt.set(id, performance.now()) });
await store.sources.add({ name: site.name, feedUrl: site.feedUrl, format: "rss", pollIntervalS: 300 });
await ingest.pollAll(); // the first poll archives an empty feed
for (let i = 0; i < ITEMS; i++) {
  site.publish({ slug: `t${i}`, title: `Update ${i} on ${subjects[i % subjects.length]}`, paragraphs: newsParagraphs(subjects[i % subjects.length] as string, i, 8), published: new Date().toISOString(), section: i % 2 ? "Ukraine" : "Business" });
}
let started = performance.now();
const [report] = await ingest.pollAll();
const seconds = (performance.now() - started) / 1000;
const stored = report?.items.filter((item) => item.kind === "stored").length ?? 0;
console.log(`throughput: ${stored} teaser items (page fetched, extracted, briefed, tagged, stored) in ${seconds.toFixed(1)} s: ${(stored / seconds).toFixed(0)} items/s`);

// 2. Scale: grow the archive to ARCHIVE articles through full-text feeds, 1,000 items a poll.
const bulk = await LocalSite.start("Bulk Wire");
const { source: bulkSource } = await store.sources.add({ name: bulk.name, feedUrl: bulk.feedUrl, format: "rss", pollIntervalS: 300 });
await ingest.pollNow(bulkSource.id);
started = performance.now();
let count = await store.articles.count();
for (let batch = 0; count < ARCHIVE; batch++) {
  bulk.articles.length = 0;
  for (let i = 0; i < Math.min(1000, ARCHIVE - count); i++) {
    const n = batch * 1000 + i;
    bulk.publish({ slug: `b${n}`, title: `Wire ${n}: ${subjects[n % subjects.length]}`, paragraphs: newsParagraphs(subjects[n % subjects.length] as string, n, 8), published: new Date().toISOString(), fullTextInFeed: true });
  }
  await ingest.pollNow(bulkSource.id);
  count = await store.articles.count();
}
const bulkSeconds = (performance.now() - started) / 1000;
const dbBytes = readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
console.log(`scale: ${count} articles stored (bulk ${(ARCHIVE / bulkSeconds).toFixed(0)} full-text items/s); database ${(dbBytes / 1024 / 1024).toFixed(0)} MB on disk; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
await bulk.close();

// 3a. Freshness, polled: the source is polled every 2 s by the running scheduler.
const fresh = await LocalSite.start("Fresh Polled");
const { source: polledSource } = await store.sources.add({ name: fresh.name, feedUrl: fresh.feedUrl, format: "rss", pollIntervalS: 2 });
await ingest.pollNow(polledSource.id);
ingest.start();
const polled: number[] = [];
for (let i = 0; i < FRESHNESS_SAMPLES; i++) {
  await new Promise((resolve) => setTimeout(resolve, 500 + Math.random() * 1500));
  const publishedAt = performance.now();
  fresh.publish({ slug: `f${i}`, title: `Breaking ${i}: ${subjects[i % subjects.length]}`, paragraphs: newsParagraphs("a breaking story", 900 + i, 6), published: new Date().toISOString(), fullTextInFeed: true });
  polled.push(await waitStored(`f${i}`, fresh, publishedAt));
}
await ingest.stop();
console.log(`freshness, polled every 2 s: median ${(median(polled) / 1000).toFixed(2)} s (n=${polled.length})`);

// 3b. Freshness, pushed: the bench is the WebSub hub; the ingest service's callback is served locally.
let callbackBase = "";
const callbackServer = createServer((req, res) => void pushed.websub?.handle(req, res));
await new Promise<void>((resolve) => callbackServer.listen(0, "127.0.0.1", resolve));
callbackBase = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}/websub/`;
const pushed = createIngestService({ store, http, logger, now: () => new Date(), config, websubCallbackBase: callbackBase, onStoryStored: (id) => storedAt.set(id, performance.now()) });
const hubSite = await LocalSite.start("Fresh Pushed");
const subscriptions: Array<{ callback: string; secret: string }> = [];
hubSite.routes.set("/hub", async (req, res) => {
  const form = new URLSearchParams(await new Response(req as unknown as ReadableStream).text());
  res.writeHead(202).end();
  const callback = form.get("hub.callback") as string;
  const verify = new URL(callback);
  verify.search = new URLSearchParams({ "hub.mode": "subscribe", "hub.topic": form.get("hub.topic") ?? "", "hub.challenge": "c123", "hub.lease_seconds": "86400" }).toString();
  const answer = await fetch(verify);
  if ((await answer.text()) === "c123") subscriptions.push({ callback, secret: form.get("hub.secret") ?? "" });
});
const withHub = () => rssFeed(hubSite).replace("<channel>", `<channel><atom:link xmlns:atom="http://www.w3.org/2005/Atom" rel="hub" href="${hubSite.origin}/hub"/>`);
hubSite.routes.set("/feed.xml", (_req, res) => void res.writeHead(200, { "content-type": "application/rss+xml" }).end(withHub()));
const { source: pushedSource } = await store.sources.add({ name: hubSite.name, feedUrl: hubSite.feedUrl, format: "rss", pollIntervalS: 3600 });
await pushed.pollNow(pushedSource.id);
while (subscriptions.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
const pushedTimes: number[] = [];
for (let i = 0; i < FRESHNESS_SAMPLES; i++) {
  await new Promise((resolve) => setTimeout(resolve, 200));
  const publishedAt = performance.now();
  hubSite.publish({ slug: `p${i}`, title: `Pushed ${i}: ${subjects[i % subjects.length]}`, paragraphs: newsParagraphs("a pushed story", 700 + i, 6), published: new Date().toISOString(), fullTextInFeed: true });
  const body = withHub();
  for (const { callback, secret } of subscriptions) {
    const signature = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
    void fetch(callback, { method: "POST", body, headers: { "content-type": "application/rss+xml", "x-hub-signature": signature } });
  }
  pushedTimes.push(await waitStored(`p${i}`, hubSite, publishedAt));
}
console.log(`freshness, pushed (WebSub): median ${(median(pushedTimes) / 1000).toFixed(2)} s (n=${pushedTimes.length}; target ≤ 2 s)`);

await Promise.all([site.close(), fresh.close(), hubSite.close(), http.close()]);
callbackServer.closeAllConnections();
callbackServer.close();
await store.close();
rmSync(dir, { recursive: true, force: true });

/** Milliseconds from `publishedAt` until the story at the slug's URL is stored. */
async function waitStored(slug: string, on: LocalSite, publishedAt: number): Promise<number> {
  for (;;) {
    const article = await store.articles.findExisting({ url: on.urlOf(slug), sourceId: null });
    if (article) return (storedAt.get(article.id) ?? performance.now()) - publishedAt;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
