/**
 * WebSub (PubSubHubbub) subscriber: when a feed names a hub and the bot has a public URL, ask
 * the hub to push new items; answer the hub's intent verification; accept a push only when its
 * `X-Hub-Signature` HMAC matches the subscription's own secret; renew leases before they lapse.
 * Polling goes on, slowly, as a safety net. Spec: https://www.w3.org/TR/websub/
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../logger.ts";
import type { SourceRecord, Store } from "../store/index.ts";
import type { ParsedFeed } from "./feeds/index.ts";
import { FetchError, type HttpClient } from "./http/index.ts";

/** What we ask hubs for; hubs may grant less, and say so in the verification. */
const REQUESTED_LEASE_S = 7 * 24 * 3600;
/** Renew when less than this is left: the hourly safety-net polls get three chances to. */
const RENEW_BEFORE_MS = 3 * 3600_000;
/** A push larger than this is refused: no feed update is that big, and the body is held in memory. */
const MAX_PUSH_BYTES = 5 * 1024 * 1024;
/** HMAC algorithms the spec allows, by their `X-Hub-Signature` prefix. */
const ALGORITHMS: Record<string, string> = { sha1: "sha1", sha256: "sha256", sha384: "sha384", sha512: "sha512" };

export interface WebSubDeps {
  store: Store;
  http: HttpClient;
  logger: Logger;
  now: () => Date;
  /** The public URL prefix hubs call back, e.g. "https://bot.example.com/websub/"; the source id follows. */
  callbackBase: string;
  /** Stores the items of a verified push (the poller's item reader). */
  ingestPush: (source: SourceRecord, body: Uint8Array, contentType: string | undefined) => Promise<void>;
}

export interface WebSub {
  /** After a poll: subscribe when the feed names a hub and no live subscription exists, or renew one that is ending. */
  maintain(source: SourceRecord, feed: ParsedFeed): Promise<void>;
  /** The HTTP handler for `<callbackBase><source id>`: verification (GET) and pushes (POST). */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export function createWebSub(deps: WebSubDeps): WebSub {
  const log = deps.logger.child({ module: "websub" });
  const callbackFor = (source: SourceRecord) => `${deps.callbackBase}${source.id}`;

  async function subscribe(source: SourceRecord, hub: string, topic: string): Promise<void> {
    const secret = randomBytes(24).toString("hex");
    // Saved before asking: the hub verifies at once, and may push right after.
    await deps.store.sources.setWebSub(source.id, { hub, topic, secret, leaseUntil: null });
    const body = new URLSearchParams({
      "hub.mode": "subscribe",
      "hub.topic": topic,
      "hub.callback": callbackFor(source),
      "hub.secret": secret,
      "hub.lease_seconds": String(REQUESTED_LEASE_S),
    }).toString();
    try {
      await deps.http.request(hub, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
      log.info({ sourceId: source.id, hub }, "asked the hub to push new items");
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      // Polling carries on; the next poll tries again.
      await deps.store.sources.setWebSub(source.id, null);
      log.warn({ sourceId: source.id, hub, err: error.message }, "hub refused the subscription");
    }
  }

  return {
    async maintain(source, feed) {
      const hub = feed.hubs[0];
      if (!hub) return;
      const topic = feed.selfUrl ?? source.feedUrl;
      const current = source.websub;
      if (!current || current.hub !== hub || current.topic !== topic) return subscribe(source, hub, topic);
      if (current.leaseUntil === null) return; // Verification pending.
      const left = Date.parse(current.leaseUntil) - deps.now().getTime();
      if (left < RENEW_BEFORE_MS) await subscribe(source, hub, topic);
    },

    async handle(req, res) {
      const url = new URL(req.url ?? "/", "http://callback.invalid");
      const id = Number(url.pathname.split("/").pop());
      const source = Number.isInteger(id) ? await deps.store.sources.get(id) : undefined;
      if (!source?.websub) {
        res.writeHead(404).end();
        return;
      }
      if (req.method === "GET") return verify(source, url.searchParams, res);
      if (req.method === "POST") return receive(source, req, res);
      res.writeHead(405).end();
    },
  };

  async function verify(source: SourceRecord, query: URLSearchParams, res: ServerResponse): Promise<void> {
    const websub = source.websub;
    const mode = query.get("hub.mode");
    if (!websub || query.get("hub.topic") !== websub.topic) {
      res.writeHead(404).end();
      return;
    }
    if (mode === "denied") {
      await deps.store.sources.setWebSub(source.id, null);
      log.warn({ sourceId: source.id, reason: query.get("hub.reason") }, "hub denied the subscription");
      res.writeHead(200).end();
      return;
    }
    const challenge = query.get("hub.challenge");
    if (mode !== "subscribe" || !challenge) {
      // We never ask to unsubscribe; a request to is someone else's.
      res.writeHead(404).end();
      return;
    }
    const leaseSeconds = Number(query.get("hub.lease_seconds") ?? REQUESTED_LEASE_S);
    const leaseUntil = new Date(deps.now().getTime() + (Number.isFinite(leaseSeconds) ? leaseSeconds : REQUESTED_LEASE_S) * 1000).toISOString();
    await deps.store.sources.setWebSub(source.id, { ...websub, leaseUntil });
    log.info({ sourceId: source.id, leaseUntil }, "hub verified the subscription");
    res.writeHead(200, { "content-type": "text/plain" }).end(challenge);
  }

  async function receive(source: SourceRecord, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req, MAX_PUSH_BYTES);
    if (body === undefined) {
      res.writeHead(413).end();
      return;
    }
    // The spec asks for a 2xx even when the signature is wrong, so a forger learns nothing.
    res.writeHead(202).end();
    if (!source.websub || !signatureMatches(req.headers["x-hub-signature"], body, source.websub.secret)) {
      log.warn({ sourceId: source.id }, "push ignored: its signature does not match");
      return;
    }
    await deps.ingestPush(source, body, req.headers["content-type"]).catch((error: unknown) => {
      log.error({ err: error, sourceId: source.id }, "pushed items failed");
    });
  }
}

export function signatureMatches(header: string | string[] | undefined, body: Buffer, secret: string): boolean {
  if (typeof header !== "string") return false;
  const match = /^(sha1|sha256|sha384|sha512)=([0-9a-f]+)$/i.exec(header.trim());
  const algorithm = match && ALGORITHMS[(match[1] as string).toLowerCase()];
  if (!algorithm) return false;
  const expected = createHmac(algorithm, secret).update(body).digest();
  const given = Buffer.from(match[2] as string, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
