/**
 * The one HTTP client for everything newsbrief fetches (feeds, pages, /related links, WebSub
 * hubs). Redirects are followed here, hop by hop, so each hop meets the address guard, the
 * scheme check and the redirect limit; the body is read through `readBody` (decompressed,
 * capped); one deadline covers the whole exchange.
 */
import { STATUS_CODES, type IncomingHttpHeaders } from "node:http";
import { Agent } from "undici";
import type { FetchConfig } from "../../config/index.ts";
import { createAddressGuard, type AddressGuard, type AddressGuardOptions } from "./address-guard.ts";
import { ACCEPT_ENCODING, UnsupportedEncodingError, discard, readBody } from "./body.ts";
import { createConnector } from "./connector.ts";
import { BlockedAddressError, FetchError, describeNetworkError, errorCode } from "./errors.ts";
import { parseRetryAfter } from "./retry-after.ts";

export type HttpClientConfig = FetchConfig;

export interface RequestOptions {
  /** The Accept header; `*\/*` when not given. */
  accept?: string;
  /** Media types accepted (tested on "type/subtype", lower-case); a response without Content-Type passes. */
  allowedTypes?: RegExp;
  /** Conditional GET: the validators of the copy the caller has. */
  ifNoneMatch?: string | null;
  ifModifiedSince?: string | null;
  /** POST is for WebSub hub subscription requests. */
  method?: "GET" | "POST";
  body?: string;
  headers?: Record<string, string>;
  maxBytes?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  /** The final URL, after redirects. */
  url: string;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The decompressed body, at most maxBytes long. */
  bytes: Uint8Array;
  /** True when the body was longer than maxBytes and was cut there. */
  truncated: boolean;
  contentType?: string;
  /** A 304 answer to a conditional GET: the caller's copy is current, `bytes` is empty. */
  notModified: boolean;
  etag?: string;
  lastModified?: string;
}

export interface HttpClient {
  request(url: string, options?: RequestOptions): Promise<HttpResponse>;
  /** Closes pooled connections; requests in flight finish first. */
  close(): Promise<void>;
}

/** Seams for tests: a fake resolver, and one local endpoint let through while the guard is on. */
export type HttpClientHooks = AddressGuardOptions;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Headers that belong to one origin and must not follow a redirect to another. */
const ORIGIN_BOUND_HEADERS = ["authorization", "cookie", "proxy-authorization"];

export function createHttpClient(config: HttpClientConfig, hooks: HttpClientHooks = {}): HttpClient {
  const guard = config.allowPrivateHosts ? undefined : createAddressGuard(hooks);
  const agent = new Agent({
    connect: createConnector(config.connectTimeoutMs, guard),
    headersTimeout: config.timeoutMs,
    bodyTimeout: config.timeoutMs,
  });
  return {
    request: (url, options = {}) => request(agent, guard, config, url, options),
    close: () => agent.close(),
  };
}

async function request(agent: Agent, guard: AddressGuard | undefined, config: HttpClientConfig, url: string, options: RequestOptions): Promise<HttpResponse> {
  const timeoutMs = options.timeoutMs ?? config.timeoutMs;
  const maxBytes = options.maxBytes ?? config.maxBytes;
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;

  let current = httpUrl(url, url);
  let method = options.method ?? "GET";
  let body = method === "POST" ? options.body : undefined;
  const headers = requestHeaders(config, options);
  const visited = new Set<string>();

  for (let redirects = 0; ; redirects++) {
    visited.add(`${method} ${current.href}`);
    const fail = (error: unknown): never => {
      throw asFetchError(error, current.href, { timeoutMs, connectTimeoutMs: config.connectTimeoutMs, deadline, callerSignal: options.signal });
    };
    try {
      // An IP literal is judged before anything is queued; host names are judged at connect time.
      guard?.checkLiteral(current.hostname, Number(current.port) || (current.protocol === "https:" ? 443 : 80));
    } catch (error) {
      fail(error);
    }

    let response: UndiciResponse;
    try {
      response = await agent.request({
        origin: current.origin,
        path: `${current.pathname}${current.search}`,
        method,
        headers,
        body: body ?? null,
        signal,
        // The deadline above is the real limit; these only keep undici's own defaults out of its way.
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
    } catch (error) {
      return fail(error);
    }
    const status = response.statusCode;
    const location = REDIRECTS.has(status) ? response.headers.location : undefined;
    if (typeof location === "string" && location !== "") {
      discard(response.body);
      if (redirects >= config.maxRedirects) {
        throw new FetchError(`too many redirects (more than ${config.maxRedirects}): ${url}`, "too-many-redirects", current.href);
      }
      const next = httpUrl(location, current.href, current);
      // 303, and 301/302 after a POST, turn into a GET without a body (as browsers do).
      if (status === 303 || (method === "POST" && (status === 301 || status === 302))) {
        method = "GET";
        body = undefined;
        delete headers["content-type"];
      }
      if (visited.has(`${method} ${next.href}`)) throw new FetchError(`redirect loop at ${next.href}`, "too-many-redirects", next.href);
      if (next.origin !== current.origin) for (const name of ORIGIN_BOUND_HEADERS) delete headers[name];
      current = next;
      continue;
    }

    try {
      return await finish(response, current.href, options, maxBytes, signal);
    } catch (error) {
      return fail(error);
    }
  }
}

type UndiciResponse = Awaited<ReturnType<Agent["request"]>>;

/** The final (non-redirect) answer: 304, an error status, a refused type, or the body read. */
async function finish(response: UndiciResponse, finalUrl: string, options: RequestOptions, maxBytes: number, signal: AbortSignal): Promise<HttpResponse> {
  const status = response.statusCode;
  const headers = flattenHeaders(response.headers);
  const common = {
    status,
    url: finalUrl,
    headers,
    ...(headers["content-type"] ? { contentType: headers["content-type"] } : {}),
    ...(headers.etag ? { etag: headers.etag } : {}),
    ...(headers["last-modified"] ? { lastModified: headers["last-modified"] } : {}),
  };

  if (status === 304) {
    discard(response.body);
    return { ...common, bytes: new Uint8Array(0), truncated: false, notModified: true };
  }
  if (status < 200 || status > 299) {
    discard(response.body);
    const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(headers["retry-after"]) : undefined;
    const statusText = response.statusText || STATUS_CODES[status] || "";
    const wait = retryAfterMs === undefined ? "" : ` (retry after ${Math.ceil(retryAfterMs / 1000)} s)`;
    throw new FetchError(`HTTP ${status} ${statusText}`.trim() + ` from ${finalUrl}${wait}`, "http-status", finalUrl, {
      status,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  const mediaType = common.contentType?.split(";")[0]?.trim().toLowerCase();
  if (options.allowedTypes && mediaType && !options.allowedTypes.test(mediaType)) {
    discard(response.body);
    throw new FetchError(`unsupported content type ${mediaType}: ${finalUrl}`, "unsupported-type", finalUrl);
  }
  const { bytes, truncated } = await readBody(response.body, headers["content-encoding"], maxBytes, signal);
  return { ...common, bytes, truncated, notModified: false };
}

function requestHeaders(config: HttpClientConfig, options: RequestOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  headers["user-agent"] ??= config.userAgent;
  headers.accept = options.accept ?? headers.accept ?? "*/*";
  // Only codings readBody can undo, so it always sees the decompressed size.
  headers["accept-encoding"] = ACCEPT_ENCODING;
  if (options.ifNoneMatch) headers["if-none-match"] = options.ifNoneMatch;
  if (options.ifModifiedSince) headers["if-modified-since"] = options.ifModifiedSince;
  return headers;
}

/** An http(s) URL, or a FetchError "invalid-url"; `from` is the page a redirect came from. */
function httpUrl(text: string, reported: string, from?: URL): URL {
  let parsed: URL;
  try {
    parsed = new URL(text, from);
  } catch {
    throw new FetchError(from ? `redirected to an invalid URL (${text}) from ${from.href}` : `not a valid URL: ${text}`, "invalid-url", reported);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    const what = from ? `redirected to a ${parsed.protocol.replace(/:$/, "")} URL from ${from.href}` : `only http(s) URLs can be fetched: ${text}`;
    throw new FetchError(what, "invalid-url", parsed.href);
  }
  // The fragment is never sent; dropping it keeps the final URL and loop detection honest.
  parsed.hash = "";
  return parsed;
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

interface FailureContext {
  timeoutMs: number;
  connectTimeoutMs: number;
  deadline: AbortSignal;
  callerSignal: AbortSignal | undefined;
}

/** Any error of a request as a FetchError with a one-line message. */
function asFetchError(error: unknown, url: string, context: FailureContext): FetchError {
  if (error instanceof FetchError) return error;
  if (error instanceof BlockedAddressError) return new FetchError(`refused: ${error.message}`, "blocked", url);
  if (context.deadline.aborted) return new FetchError(`timed out after ${context.timeoutMs} ms: ${url}`, "timeout", url);
  if (context.callerSignal?.aborted) return new FetchError(`fetch aborted: ${url}`, "aborted", url);
  if (error instanceof UnsupportedEncodingError) return new FetchError(`${error.message}: ${url}`, "network", url);
  const code = errorCode(error);
  if (code === "UND_ERR_CONNECT_TIMEOUT") return new FetchError(`could not connect within ${context.connectTimeoutMs} ms: ${url}`, "timeout", url);
  if (code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") return new FetchError(`timed out after ${context.timeoutMs} ms: ${url}`, "timeout", url);
  return new FetchError(`could not fetch ${url}: ${describeNetworkError(error)}`, "network", url);
}
