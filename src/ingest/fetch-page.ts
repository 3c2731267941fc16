/**
 * Fetches one article page with Node's global fetch: redirects followed, a
 * timeout over the whole exchange, the body read as a stream and cut at a byte
 * cap (a runaway page cannot fill memory), and every failure turned into a
 * FetchPageError whose `reason` says what went wrong.
 */

export type FetchFailureReason = "invalid-url" | "timeout" | "aborted" | "network" | "http-status" | "not-html" | "too-many-redirects";

export class FetchPageError extends Error {
  constructor(
    message: string,
    readonly reason: FetchFailureReason,
    readonly url: string,
    /** The HTTP status, for `http-status`. */
    readonly status?: number,
  ) {
    super(message);
    this.name = "FetchPageError";
  }
}

export interface FetchPageOptions {
  timeoutMs: number;
  maxBytes: number;
  userAgent?: string;
  signal?: AbortSignal;
}

export interface FetchedPage {
  bytes: Uint8Array;
  contentType?: string;
  /** The URL after redirects. */
  finalUrl: string;
  /** True when the body was longer than `maxBytes` and was cut there. */
  truncated: boolean;
}

export const DEFAULT_USER_AGENT = "newsbrief/0.1 (+https://github.com/newsbrief; article reader)";

/** Content types that can hold an article page. Servers that send none get the benefit of the doubt. */
const HTML_TYPES = /^(?:text\/html|application\/xhtml\+xml|text\/plain|application\/xml|text\/xml)\b/i;

export async function fetchPage(url: string, options: FetchPageOptions): Promise<FetchedPage> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchPageError(`not a valid URL: ${url}`, "invalid-url", url);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new FetchPageError(`only http(s) URLs can be fetched: ${url}`, "invalid-url", url);
  }

  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const fail = (error: unknown): never => {
    if (error instanceof FetchPageError) throw error;
    if (timeout.aborted) throw new FetchPageError(`timed out after ${options.timeoutMs} ms: ${url}`, "timeout", url);
    if (options.signal?.aborted) throw new FetchPageError(`fetch aborted: ${url}`, "aborted", url);
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    const message = error instanceof Error ? error.message : String(error);
    if (/redirect/i.test(message + cause)) throw new FetchPageError(`too many redirects: ${url}`, "too-many-redirects", url);
    throw new FetchPageError(`could not fetch ${url}: ${message}${cause}`, "network", url);
  };

  let response: Response;
  try {
    response = await fetch(parsed, {
      redirect: "follow",
      signal,
      headers: {
        "user-agent": options.userAgent ?? DEFAULT_USER_AGENT,
        accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
      },
    });
  } catch (error) {
    return fail(error);
  }

  const finalUrl = response.url || parsed.href;
  const contentType = response.headers.get("content-type") ?? undefined;
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new FetchPageError(`HTTP ${response.status} ${response.statusText || ""}`.trim() + ` from ${finalUrl}`, "http-status", finalUrl, response.status);
  }
  if (contentType && !HTML_TYPES.test(contentType.trim())) {
    await response.body?.cancel().catch(() => undefined);
    throw new FetchPageError(`not an HTML page (${contentType}): ${finalUrl}`, "not-html", finalUrl);
  }

  try {
    const { bytes, truncated } = await readCapped(response, options.maxBytes);
    const page: FetchedPage = { bytes, finalUrl, truncated };
    if (contentType) page.contentType = contentType;
    return page;
  } catch (error) {
    return fail(error);
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  if (!response.body) return { bytes: new Uint8Array(0), truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > maxBytes) {
      chunks.push(value.subarray(0, maxBytes - size));
      size = maxBytes;
      truncated = true;
      // Stop the download: the rest would be thrown away.
      await reader.cancel().catch(() => undefined);
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, truncated };
}
