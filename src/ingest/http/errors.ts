/** Every way an outbound request can fail, as one error class a caller can switch on. */

export type FetchFailure =
  | "invalid-url"
  | "blocked"
  | "timeout"
  | "network"
  | "http-status"
  | "unsupported-type"
  | "too-many-redirects"
  | "aborted";

export interface FetchErrorDetails {
  /** The HTTP status, for `http-status`. */
  status?: number;
  /** How long the server asked us to wait (Retry-After on 429/503), in milliseconds. */
  retryAfterMs?: number;
}

/** A failed request; `message` is one line a user can read, `reason` is for code. */
export class FetchError extends Error {
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(
    message: string,
    readonly reason: FetchFailure,
    /** The URL that failed: the one asked for, or the redirect hop that failed. */
    readonly url: string,
    details: FetchErrorDetails = {},
  ) {
    super(message);
    this.name = "FetchError";
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
}

/**
 * A connection the address guard refused. Thrown inside the connector (before any socket is
 * opened) and turned into a FetchError "blocked" by the client.
 */
export class BlockedAddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BlockedAddressError";
  }
}

/** Node and undici error codes as short phrases: "connection refused" rather than "ECONNREFUSED". */
const NETWORK_PHRASES: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset by the server",
  ENOTFOUND: "no such host",
  EAI_AGAIN: "DNS lookup failed",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  EPIPE: "connection closed by the server",
  UND_ERR_SOCKET: "connection closed by the server",
  HPE_INVALID_CONSTANT: "not a valid HTTP response",
  HPE_INVALID_HEADER_TOKEN: "not a valid HTTP response",
  UND_ERR_HEADERS_OVERFLOW: "response headers too large",
  Z_DATA_ERROR: "the compressed body is corrupt",
  Z_BUF_ERROR: "the compressed body is corrupt",
  ERR__ERROR_FORMAT_PADDING_1: "the compressed body is corrupt",
};

/** One phrase for a low-level error, without stack or error-code noise where a phrase exists. */
export function describeNetworkError(error: unknown): string {
  const seen = new Set<unknown>();
  for (let current: unknown = error; current instanceof Error && !seen.has(current); current = current.cause) {
    seen.add(current);
    const code = (current as NodeJS.ErrnoException).code;
    if (code && NETWORK_PHRASES[code]) return NETWORK_PHRASES[code];
    if (code?.startsWith("ERR_BROTLI") || code?.startsWith("ERR__ERROR")) return "the compressed body is corrupt";
    if (code && /CERT|SSL|TLS/.test(code)) return `TLS problem: ${current.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The undici/Node code of an error or its cause. */
export function errorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    if (code) return code;
  }
  return undefined;
}
