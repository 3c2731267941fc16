/**
 * Outbound HTTP for newsbrief: one guarded client (SSRF guard, timeouts, redirect limit,
 * decompressed size cap, content-type check, conditional GET) and the charset decoding that
 * goes with it.
 */
import { decodePage } from "../../extract/decode.ts";

export { createHttpClient } from "./client.ts";
export type { HttpClient, HttpClientConfig, HttpClientHooks, HttpResponse, RequestOptions } from "./client.ts";
export { FetchError } from "./errors.ts";
export type { FetchFailure } from "./errors.ts";
export type { LookupFunction, ResolvedAddress } from "./address-guard.ts";
export { parseRetryAfter } from "./retry-after.ts";

/**
 * A fetched body as text, with the charset chosen as extraction chooses it: byte-order mark,
 * Content-Type charset, XML declaration or `<meta charset>`, then UTF-8. For feeds, whose
 * parsers take a string.
 */
export function decodeBody(bytes: Uint8Array, contentType?: string): string {
  return decodePage(bytes, contentType).html;
}
