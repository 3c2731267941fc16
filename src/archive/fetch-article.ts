/**
 * How /related reads a page it does not have: fetch, then extract. The bot takes this as a
 * dependency (BotDeps.fetchArticle) so that the guarded HTTP client replaces this interim one
 * without touching a caller. This one refuses private, loopback and link-local addresses by
 * the URL's host and by every address its name resolves to (redirect hops are not re-checked:
 * that is the guarded client's job).
 */
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { DEFAULT_MAX_BYTES, extractArticle, type Article } from "../extract/index.ts";
import { FetchPageError, fetchPage } from "../ingest/fetch-page.ts";

export type FetchArticleFailure = "bad-url" | "private-address" | "unreachable" | "not-article";

export class FetchArticleError extends Error {
  constructor(
    message: string,
    readonly reason: FetchArticleFailure,
  ) {
    super(message);
    this.name = "FetchArticleError";
  }
}

/** Fetches and extracts one page; throws FetchArticleError. */
export type FetchArticle = (url: string) => Promise<Article>;

const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 127],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv6");
}

/** True for an address the bot must never fetch from on a user's behalf. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, "ipv4");
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1]!, "ipv4");
  return PRIVATE.check(address, "ipv6");
}

export interface FetchArticleOptions {
  timeoutMs: number;
  /** Hosts ("127.0.0.1:8080") let through although private: a test's local page server. */
  allowHosts?: readonly string[];
}

export function createFetchArticle(options: FetchArticleOptions): FetchArticle {
  return async (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new FetchArticleError(`not a link: ${url}`, "bad-url");
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new FetchArticleError(`not an http(s) link: ${url}`, "bad-url");
    if (!options.allowHosts?.includes(parsed.host)) await assertPublic(parsed.hostname.replace(/^\[|\]$/g, ""));
    try {
      const page = await fetchPage(parsed.href, { timeoutMs: options.timeoutMs, maxBytes: DEFAULT_MAX_BYTES });
      const { article } = extractArticle(page.bytes, { url: page.finalUrl, ...(page.contentType ? { contentType: page.contentType } : {}) });
      if (!article.title.trim() && !article.articleBody.trim()) throw new FetchArticleError(`no article on ${url}`, "not-article");
      return article;
    } catch (error) {
      if (error instanceof FetchPageError) {
        throw new FetchArticleError(error.message, error.reason === "not-html" ? "not-article" : error.reason === "invalid-url" ? "bad-url" : "unreachable");
      }
      throw error;
    }
  };
}

async function assertPublic(host: string): Promise<void> {
  if (isIP(host)) {
    if (isPrivateAddress(host)) throw new FetchArticleError(`private address: ${host}`, "private-address");
    return;
  }
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal")) {
    throw new FetchArticleError(`private host: ${host}`, "private-address");
  }
  let addresses: Array<{ address: string }>;
  try {
    addresses = await lookup(host, { all: true });
  } catch {
    throw new FetchArticleError(`cannot resolve ${host}`, "unreachable");
  }
  if (addresses.length === 0 || addresses.some((a) => isPrivateAddress(a.address))) {
    throw new FetchArticleError(`${host} resolves to a private address`, "private-address");
  }
}
