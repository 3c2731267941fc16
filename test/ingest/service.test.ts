import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHttpClient, type HttpClient } from "../../src/ingest/http/index.ts";
import { createIngestService, type IngestService } from "../../src/ingest/service.ts";
import type { SourceAlert } from "../../src/ingest/types.ts";
import { openSqliteStore, type Store } from "../../src/store/index.ts";
import { silentLogger } from "../store/helpers.ts";
import { LocalSite, newsParagraphs, rssFeed } from "./local-site.ts";

const START = new Date("2026-03-01T08:00:00Z");

interface World {
  store: Store;
  http: HttpClient;
  site: LocalSite;
  ingest: IngestService;
  clock: { now: Date };
  alerts: SourceAlert[];
  stored: number[];
}

let world: World;

async function makeWorld(options: { allowPrivateHosts?: boolean } = {}): Promise<World> {
  const store = await openSqliteStore({ path: ":memory:", logger: silentLogger });
  const http = createHttpClient({
    allowPrivateHosts: options.allowPrivateHosts ?? true,
    userAgent: "newsbrief-test",
    timeoutMs: 2000,
    connectTimeoutMs: 1000,
    maxBytes: 1024 * 1024,
    maxRedirects: 5,
  });
  const site = await LocalSite.start("Local News");
  const clock = { now: START };
  const alerts: SourceAlert[] = [];
  const stored: number[] = [];
  const ingest = createIngestService({
    store,
    http,
    logger: silentLogger,
    now: () => clock.now,
    random: () => 0.5,
    notifyAdmins: async (alert) => {
      alerts.push(alert);
    },
    onStoryStored: (id) => stored.push(id),
    config: { defaultPollIntervalS: 300, hostDelayMs: 0, concurrency: 2, itemConcurrency: 4, alertAfterMs: 3 * 3600_000, tickMs: 1000 },
  });
  return { store, http, site, ingest, clock, alerts, stored };
}

function publish(site: LocalSite, slug: string, title: string, options: { section?: string; fullText?: boolean; seed?: number } = {}) {
  site.publish({
    slug,
    title,
    paragraphs: newsParagraphs(title, options.seed ?? slug.length),
    published: new Date(START.getTime() - 3600_000).toISOString(),
    ...(options.section ? { section: options.section } : {}),
    ...(options.fullText ? { fullTextInFeed: true } : {}),
  });
}

async function addSite(site: LocalSite, feedUrl = site.feedUrl) {
  const { source } = await world.store.sources.add({ name: site.name, feedUrl, format: "rss", pollIntervalS: 300 });
  return source;
}

const advance = (ms: number) => {
  world.clock.now = new Date(world.clock.now.getTime() + ms);
};

beforeEach(async () => {
  world = await makeWorld();
});

afterEach(async () => {
  await world.ingest.stop();
  await world.site.close();
  await world.http.close();
  await world.store.close();
});

describe("polling a source", () => {
  it("archives what a new source already has, then stores later items as new stories", async () => {
    publish(world.site, "old-1", "Grain corridor talks resume in Istanbul");
    publish(world.site, "old-2", "Parliament passes the budget");
    const source = await addSite(world.site);

    const [first] = await world.ingest.pollAll();
    expect(first?.status).toBe("ok");
    expect(first?.items.map((i) => i.kind)).toEqual(["stored", "stored"]);
    expect(first?.items.every((i) => i.kind === "stored" && !i.deliver)).toBe(true);
    expect(world.stored).toEqual([]);

    publish(world.site, "new-1", "Ukraine and Poland sign a border crossing deal", { section: "Ukraine" });
    advance(301_000);
    const [second] = await world.ingest.pollDue();
    const stored = second?.items.filter((i) => i.kind === "stored") ?? [];
    expect(stored).toHaveLength(1);
    const story = await world.store.articles.get(stored[0]?.kind === "stored" ? stored[0].articleId : 0);
    expect(story).toMatchObject({ title: "Ukraine and Poland sign a border crossing deal", deliver: true, sourceId: source.id, textFrom: "page" });
    // The page was fetched and extracted: its body, not the feed's one-paragraph teaser.
    const page = world.site.articles.find((a) => a.slug === "new-1");
    expect(story?.body).toContain(page?.paragraphs[3]);
    expect(story?.body).not.toContain("Advertisement");
    expect(story?.brief.sentences.length).toBeGreaterThan(1);
    // The canonical link had a tracking parameter, which is stripped.
    expect(story?.url).toBe(world.site.urlOf("new-1"));
    expect(world.stored).toEqual([story?.id]);
  });

  it("asks again with the feed's ETag: a 304 stores nothing and costs no item work", async () => {
    publish(world.site, "a", "Storm closes ports on the Black Sea coast");
    await addSite(world.site);
    await world.ingest.pollAll();
    world.site.requests.length = 0;
    const [again] = await world.ingest.pollAll();
    expect(again?.status).toBe("not-modified");
    expect(world.site.requests).toEqual(["GET /feed.xml"]);
    expect(await world.store.articles.count()).toBe(1);
  });

  it("stores each story once however often it is polled, and updates an edited item without delivering it again", async () => {
    await addSite(world.site);
    await world.ingest.pollAll(); // empty first poll
    publish(world.site, "edit-me", "Mayor opens a new bridge");
    const [first] = await world.ingest.pollAll();
    const id = first?.items[0]?.kind === "stored" ? first.items[0].articleId : -1;
    await world.store.articles.markPlanned([id], world.clock.now);

    world.site.edit("edit-me", { title: "Mayor opens a new bridge over the Dnipro" });
    const [edited] = await world.ingest.pollAll();
    expect(edited?.items).toEqual([{ kind: "updated", articleId: id, title: "Mayor opens a new bridge over the Dnipro" }]);
    const story = await world.store.articles.get(id);
    expect(story?.title).toBe("Mayor opens a new bridge over the Dnipro");
    expect(story?.plannedAt).not.toBeNull();
    expect(world.stored).toEqual([id]);
    expect(await world.store.articles.count()).toBe(1);
  });

  it("reads every item: 600 of them, one with only a headline, one with a relative link, old ones", async () => {
    const items = Array.from({ length: 600 }, (_, i) => `<item><title>Story ${i}</title><link>/n/${i}</link><guid>g${i}</guid><pubDate>Mon, 01 Jan 1990 00:00:00 GMT</pubDate><description>Teaser ${i}.</description></item>`);
    items.push(`<item><title>Only a headline</title></item>`);
    world.site.routes.set("/big.xml", (_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title><link>${world.site.origin}/</link>${items.join("")}</channel></rss>`);
    });
    await addSite(world.site, `${world.site.origin}/big.xml`);
    const [report] = await world.ingest.pollAll();
    expect(report?.items.filter((i) => i.kind === "stored")).toHaveLength(601);
    expect(await world.store.articles.count()).toBe(601);
    const headlineOnly = report?.items.at(-1);
    expect(headlineOnly).toMatchObject({ kind: "stored", title: "Only a headline" });
    // Polled again, nothing is stored twice, the headline-only item included.
    const [again] = await world.ingest.pollAll();
    expect(again?.items.every((i) => i.kind === "unchanged")).toBe(true);
  });

  it("falls back to the feed's text when the page cannot be fetched, and marks the story so", async () => {
    await addSite(world.site);
    await world.ingest.pollAll();
    publish(world.site, "gone", "Court rules on the land reform");
    world.site.routes.set("/news/gone", (_req, res) => void res.writeHead(503).end("down"));
    const [report] = await world.ingest.pollAll();
    const item = report?.items[0];
    expect(item).toMatchObject({ kind: "stored", textFrom: "feed" });
    const story = await world.store.articles.get(item?.kind === "stored" ? item.articleId : 0);
    expect(story?.body).toContain("Court rules on the land reform");
  });

  it("uses a full-text feed's own text without fetching the page", async () => {
    await addSite(world.site);
    await world.ingest.pollAll();
    publish(world.site, "full", "Exporters count the cost of the blockade", { fullText: true, seed: 3 });
    world.site.requests.length = 0;
    await world.ingest.pollAll();
    expect(world.site.requests).toEqual(["GET /feed.xml"]);
  });

  it("decodes a windows-1251 feed", async () => {
    const title = "Київ відкрив новий міст через Дніпро";
    const xml = `<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Новини</title><link>${world.site.origin}/</link><item><title>${title}</title><link>${world.site.origin}/news/x</link><guid>x</guid></item></channel></rss>`;
    const { default: iconv } = await import("iconv-lite");
    world.site.routes.set("/cp1251.xml", (_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(iconv.encode(xml, "win1251"));
    });
    await addSite(world.site, `${world.site.origin}/cp1251.xml`);
    await world.ingest.pollAll();
    const story = await world.store.articles.get(1);
    expect(story?.title).toBe(title);
  });
});

describe("one story from several outlets", () => {
  it("joins another outlet's copy of a wire story into one story group", async () => {
    const other = await LocalSite.start("Wire Daily");
    try {
      await addSite(world.site);
      await world.store.sources.add({ name: other.name, feedUrl: other.feedUrl, format: "rss", pollIntervalS: 300 });
      await world.ingest.pollAll();
      const wire = newsParagraphs("the ceasefire talks in Geneva", 11, 6);
      world.site.publish({ slug: "ceasefire", title: "Ceasefire talks open in Geneva", paragraphs: wire, published: START.toISOString() });
      other.publish({ slug: "geneva-talks", title: "Geneva hosts ceasefire talks", paragraphs: [...wire.slice(0, 5), "Wire Daily contributed to this report."], published: START.toISOString() });
      world.site.publish({
        slug: "unrelated",
        title: "Farmers expect a record harvest",
        paragraphs: [
          "Farmers across the south expect a record wheat harvest this summer after a mild winter and steady spring rain.",
          "Grain traders in Odesa said export prices had already fallen as buyers anticipated the larger crop.",
          "The agriculture ministry will publish its first official forecast next month.",
        ],
        published: START.toISOString(),
      });
      await world.ingest.pollAll();

      const stories = await Promise.all([1, 2, 3].map((id) => world.store.articles.get(id)));
      const byTitle = new Map(stories.map((s) => [s?.title, s]));
      const a = byTitle.get("Ceasefire talks open in Geneva");
      const b = byTitle.get("Geneva hosts ceasefire talks");
      expect(a?.storyGroupId).not.toBeNull();
      expect(a?.storyGroupId).toBe(b?.storyGroupId);
      expect(byTitle.get("Farmers expect a record harvest")?.storyGroupId).toBeNull();
    } finally {
      await other.close();
    }
  });
});

describe("a source that fails", () => {
  it("records an HTML page or invalid XML as the source's error, keeps the source, and polls the others", async () => {
    world.site.routes.set("/page.xml", (_req, res) => void res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><html><body><p>Not a feed</p></body></html>"));
    world.site.routes.set("/broken.xml", (_req, res) => void res.writeHead(200, { "content-type": "application/xml" }).end("<?xml version=\"1.0\"?>\u0000\u0001<<<>>>"));
    const bad1 = await addSite(world.site, `${world.site.origin}/page.xml`);
    const bad2 = await addSite(world.site, `${world.site.origin}/broken.xml`);
    publish(world.site, "fine", "Metro line extended to the airport");
    await addSite(world.site);
    const reports = await world.ingest.pollAll();
    expect(reports.map((r) => r.status).sort()).toEqual(["failed", "failed", "ok"]);
    const after1 = await world.store.sources.get(bad1.id);
    expect(after1?.lastError).toMatch(/not a feed|HTML/i);
    expect(after1?.failures).toBe(1);
    expect(after1?.enabled).toBe(true);
    const after2 = await world.store.sources.get(bad2.id);
    expect(after2?.lastError).toMatch(/not a feed|XML/i);
    expect(after2?.failures).toBe(1);
    expect(await world.store.articles.count()).toBe(1);
  });

  it("backs off after failures, honours Retry-After, and tells the admins after hours and again on recovery", async () => {
    let down = true;
    world.site.routes.set("/flaky.xml", (_req, res) => {
      if (down) return void res.writeHead(503, { "retry-after": "900" }).end();
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(rssFeed(world.site));
    });
    const source = await addSite(world.site, `${world.site.origin}/flaky.xml`);
    await world.ingest.pollAll();
    let state = await world.store.sources.get(source.id);
    expect(state?.failures).toBe(1);
    // Retry-After (15 min) beats the first backoff (half of 5 min + jitter).
    expect(Date.parse(state?.nextPollAt ?? "") - world.clock.now.getTime()).toBe(900_000);

    for (let hour = 0; hour < 4; hour++) {
      advance(3600_000);
      await world.ingest.pollDue();
    }
    state = await world.store.sources.get(source.id);
    expect(state?.failures).toBeGreaterThan(1);
    expect(world.alerts).toHaveLength(1);
    expect(world.alerts[0]).toMatchObject({ kind: "failing", source: { id: source.id } });
    expect(world.alerts[0]?.kind === "failing" && world.alerts[0].error).toMatch(/503/);

    down = false;
    advance(7 * 3600_000);
    await world.ingest.pollDue();
    expect(world.alerts.map((a) => a.kind)).toEqual(["failing", "recovered"]);
    expect((await world.store.sources.get(source.id))?.failures).toBe(0);
  });
});

describe("the SSRF guard", () => {
  it("refuses a feed on a loopback or metadata address while the guard is on", async () => {
    const guarded = createHttpClient({ allowPrivateHosts: false, userAgent: "t", timeoutMs: 1000, connectTimeoutMs: 500, maxBytes: 1024, maxRedirects: 5 });
    const ingest = createIngestService({
      store: world.store,
      http: guarded,
      logger: silentLogger,
      now: () => world.clock.now,
      config: { defaultPollIntervalS: 300, hostDelayMs: 0, concurrency: 2, itemConcurrency: 2, alertAfterMs: 1, tickMs: 1000 },
    });
    world.site.requests.length = 0;
    const local = await addSite(world.site);
    const metadata = await addSite(world.site, "http://169.254.169.254/latest/meta-data/");
    const reports = await ingest.pollAll();
    expect(reports.every((r) => r.status === "failed")).toBe(true);
    expect((await world.store.sources.get(local.id))?.lastError).toMatch(/127\.0\.0\.1|loopback|private|not allowed|refused/i);
    expect((await world.store.sources.get(metadata.id))?.lastError).toMatch(/169\.254\.169\.254|link-local|private|not allowed|refused/i);
    expect(world.site.requests).toEqual([]);
    await guarded.close();
  });
});

describe("a gzip bomb", () => {
  it("is cut at the size cap and recorded as the source's error", async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20));
    world.site.routes.set("/bomb.xml", (_req, res) => void res.writeHead(200, { "content-type": "application/rss+xml", "content-encoding": "gzip" }).end(bomb));
    const source = await addSite(world.site, `${world.site.origin}/bomb.xml`);
    const [report] = await world.ingest.pollAll();
    expect(report?.status).toBe("failed");
    expect((await world.store.sources.get(source.id))?.lastError).toMatch(/size limit/);
  });
});
