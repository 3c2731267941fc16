import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHttpClient, type HttpClient } from "../../src/ingest/http/index.ts";
import { createIngestService, type IngestService } from "../../src/ingest/service.ts";
import { signatureMatches } from "../../src/ingest/websub.ts";
import { openSqliteStore, type Store } from "../../src/store/index.ts";
import { silentLogger } from "../store/helpers.ts";
import { LocalSite, newsParagraphs, rssFeed } from "./local-site.ts";

/** A WebSub hub written for the tests: it verifies each subscriber's intent, then pushes on demand. */
class TestHub {
  readonly subscribers: Array<{ callback: string; topic: string; secret: string; leaseSeconds: number }> = [];
  readonly requests: URLSearchParams[] = [];

  constructor(private readonly site: LocalSite) {
    site.routes.set("/hub", async (req, res) => {
      const form = new URLSearchParams(await readText(req));
      this.requests.push(form);
      res.writeHead(202).end();
      const callback = form.get("hub.callback") ?? "";
      const topic = form.get("hub.topic") ?? "";
      const url = new URL(callback);
      url.search = new URLSearchParams({ "hub.mode": "subscribe", "hub.topic": topic, "hub.challenge": "challenge-42", "hub.lease_seconds": "86400" }).toString();
      // A hub verifies after it answered; a subscriber gone by then simply is not subscribed.
      const answer = await fetch(url).catch(() => undefined);
      if (answer?.status === 200 && (await answer.text()) === "challenge-42") {
        this.subscribers.push({ callback, topic, secret: form.get("hub.secret") ?? "", leaseSeconds: 86400 });
      }
    });
  }

  get url(): string {
    return `${this.site.origin}/hub`;
  }

  async push(body: string, sign: (secret: string) => string = (secret) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`): Promise<number[]> {
    return Promise.all(
      this.subscribers.map(async ({ callback, secret }) => {
        const response = await fetch(callback, { method: "POST", body, headers: { "content-type": "application/rss+xml", "x-hub-signature": sign(secret) } });
        return response.status;
      }),
    );
  }
}

function readText(req: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    req.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    req.on("end", () => resolve(text));
  });
}

let store: Store;
let http: HttpClient;
let site: LocalSite;
let hub: TestHub;
let callbackServer: Server;
let ingest: IngestService;
let now: Date;
let stored: Array<(id: number) => void>;

const feedWithHub = () => rssFeed(site).replace("<channel>", `<channel><atom:link xmlns:atom="http://www.w3.org/2005/Atom" rel="hub" href="${hub.url}"/><atom:link xmlns:atom="http://www.w3.org/2005/Atom" rel="self" href="${site.feedUrl}"/>`);
const nextStored = () => new Promise<number>((resolve) => stored.push(resolve));

beforeEach(async () => {
  store = await openSqliteStore({ path: ":memory:", logger: silentLogger });
  http = createHttpClient({ allowPrivateHosts: true, userAgent: "t", timeoutMs: 2000, connectTimeoutMs: 1000, maxBytes: 1024 * 1024, maxRedirects: 5 });
  site = await LocalSite.start("Pushed News");
  hub = new TestHub(site);
  site.routes.set("/feed.xml", (_req, res) => void res.writeHead(200, { "content-type": "application/rss+xml" }).end(feedWithHub()));
  callbackServer = createServer((req, res) => void ingest.websub?.handle(req, res));
  await new Promise<void>((resolve) => callbackServer.listen(0, "127.0.0.1", resolve));
  now = new Date("2026-03-01T08:00:00Z");
  stored = [];
  ingest = createIngestService({
    store,
    http,
    logger: silentLogger,
    now: () => now,
    websubCallbackBase: `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}/websub/`,
    onStoryStored: (id) => stored.shift()?.(id),
    config: { defaultPollIntervalS: 300, hostDelayMs: 0, concurrency: 2, itemConcurrency: 2, alertAfterMs: 3600_000, tickMs: 1000 },
  });
});

afterEach(async () => {
  await ingest.stop();
  callbackServer.closeAllConnections();
  await new Promise((resolve) => callbackServer.close(resolve));
  await site.close();
  await http.close();
  await store.close();
});

describe("WebSub", () => {
  it("subscribes to the hub a feed names, answers its verification, and stores a signed push at once", async () => {
    const { source } = await store.sources.add({ name: site.name, feedUrl: site.feedUrl, format: "rss", pollIntervalS: 300 });
    await ingest.pollAll();
    await expect.poll(() => hub.subscribers.length).toBe(1);
    expect(hub.requests[0]?.get("hub.topic")).toBe(site.feedUrl);
    const websub = (await store.sources.get(source.id))?.websub;
    expect(websub?.leaseUntil).toBe(new Date(now.getTime() + 86400_000).toISOString());

    site.publish({ slug: "pushed", title: "Parliament approves the new energy law", paragraphs: newsParagraphs("the energy law", 5, 6), published: now.toISOString(), fullTextInFeed: true });
    const storedId = nextStored();
    expect(await hub.push(feedWithHub())).toEqual([202]);
    const story = await store.articles.get(await storedId);
    expect(story).toMatchObject({ title: "Parliament approves the new energy law", deliver: true });
  });

  it("ignores a push whose signature does not match, and answers 2xx so a forger learns nothing", async () => {
    await store.sources.add({ name: site.name, feedUrl: site.feedUrl, format: "rss", pollIntervalS: 300 });
    await ingest.pollAll();
    await expect.poll(() => hub.subscribers.length).toBe(1);
    site.publish({ slug: "forged", title: "Forged story", paragraphs: newsParagraphs("a forgery", 7, 6), published: now.toISOString(), fullTextInFeed: true });
    const body = feedWithHub();
    expect(await hub.push(body, () => `sha256=${createHmac("sha256", "wrong-secret").update(body).digest("hex")}`)).toEqual([202]);
    expect(await hub.push(body, () => "")).toEqual([202]);
    // A good push after the forged ones is the only one stored.
    const storedId = nextStored();
    await hub.push(body);
    expect((await store.articles.get(await storedId))?.title).toBe("Forged story");
    expect(await store.articles.count()).toBe(1);
  });

  it("refuses a verification for another topic, and callbacks for unknown sources", async () => {
    const { source } = await store.sources.add({ name: site.name, feedUrl: site.feedUrl, format: "rss", pollIntervalS: 300 });
    await ingest.pollAll();
    await expect.poll(() => hub.subscribers.length).toBe(1);
    const callback = new URL(hub.subscribers[0]?.callback ?? "");
    const probe = new URL(callback);
    probe.search = new URLSearchParams({ "hub.mode": "subscribe", "hub.topic": "https://evil.example/feed", "hub.challenge": "x" }).toString();
    expect((await fetch(probe)).status).toBe(404);
    const unknown = new URL(callback);
    unknown.pathname = unknown.pathname.replace(String(source.id), "999");
    expect((await fetch(unknown, { method: "POST", body: "x" })).status).toBe(404);
  });

  it("renews the lease before it lapses and polls a pushed source only hourly as a safety net", async () => {
    const { source } = await store.sources.add({ name: site.name, feedUrl: site.feedUrl, format: "rss", pollIntervalS: 300 });
    await ingest.pollAll();
    await expect.poll(() => hub.subscribers.length).toBe(1);
    await ingest.pollAll();
    const afterPush = await store.sources.get(source.id);
    expect(Date.parse(afterPush?.nextPollAt ?? "") - now.getTime()).toBeGreaterThanOrEqual(3600_000 * 0.9);
    expect(hub.requests).toHaveLength(1);

    now = new Date(now.getTime() + 23 * 3600_000); // an hour of a one-day lease left
    await ingest.pollAll();
    await expect.poll(() => hub.subscribers.length).toBe(2);
    expect(hub.requests).toHaveLength(2);
  });
});

describe("signatureMatches", () => {
  const body = Buffer.from("<rss/>");
  it("accepts each algorithm the spec allows and nothing else", () => {
    for (const algorithm of ["sha1", "sha256", "sha384", "sha512"]) {
      expect(signatureMatches(`${algorithm}=${createHmac(algorithm, "s").update(body).digest("hex")}`, body, "s")).toBe(true);
    }
    expect(signatureMatches(`md5=${createHmac("md5", "s").update(body).digest("hex")}`, body, "s")).toBe(false);
    expect(signatureMatches(`sha256=${createHmac("sha256", "s").update(body).digest("hex").slice(2)}`, body, "s")).toBe(false);
    expect(signatureMatches(undefined, body, "s")).toBe(false);
  });
});
