/**
 * Reads a response body as it arrives: decompressed here (not by the server's say-so of its
 * length) and cut at a cap counted on the decompressed bytes, so neither a huge page nor a
 * gzip or brotli bomb of a few kilobytes can fill memory. Reading stops, and the connection is
 * dropped, as soon as the cap is reached.
 */
import { pipeline, type Readable, type Transform } from "node:stream";
import { constants, createBrotliDecompress, createGunzip, createInflate } from "node:zlib";

export interface ReadBody {
  bytes: Uint8Array;
  /** True when the body went on past the cap and was cut there. */
  truncated: boolean;
}

/** An encoding the server used that we cannot undo. */
export class UnsupportedEncodingError extends Error {
  constructor(readonly encoding: string) {
    super(`the server compressed the body with "${encoding}", which newsbrief cannot read`);
    this.name = "UnsupportedEncodingError";
  }
}

/** The value we send as Accept-Encoding: exactly what `decoderFor` can undo. */
export const ACCEPT_ENCODING = "gzip, deflate, br";

/**
 * A decompressor per content coding. A body cut short still yields what arrived (browsers
 * do the same), hence the sync-flush finish.
 */
function decoderFor(encoding: string): Transform {
  switch (encoding) {
    case "gzip":
    case "x-gzip":
      return createGunzip({ finishFlush: constants.Z_SYNC_FLUSH });
    case "deflate":
      return createInflate({ finishFlush: constants.Z_SYNC_FLUSH });
    case "br":
      return createBrotliDecompress({ finishFlush: constants.BROTLI_OPERATION_FLUSH });
    default:
      throw new UnsupportedEncodingError(encoding);
  }
}

/** The codings of a Content-Encoding header in the order to undo them (the last applied first). */
export function contentCodings(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== "" && coding !== "identity")
    .reverse();
}

/**
 * Drops a body we will not read. A small one (a redirect's, an error page's) is drained so the
 * connection can be reused; anything larger closes the connection. Never throws.
 */
export function discard(body: Readable & { dump?: (options: { limit: number }) => Promise<unknown> }): void {
  body.on("error", () => undefined);
  if (body.dump) body.dump({ limit: DRAIN_LIMIT }).catch(() => undefined);
  else body.destroy();
}

/** Drained rather than dropped, to keep the connection: a redirect's or error page's worth. */
const DRAIN_LIMIT = 64 * 1024;

export async function readBody(body: Readable, contentEncoding: string | undefined, maxBytes: number, signal: AbortSignal): Promise<ReadBody> {
  let decoders: Transform[];
  try {
    decoders = contentCodings(contentEncoding).map(decoderFor);
  } catch (error) {
    discard(body);
    throw error;
  }
  const stream: Readable = decoders.length === 0 ? body : (pipeline([body, ...decoders], () => undefined) as unknown as Readable);
  const stop = (): void => {
    stream.destroy(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
  };
  signal.addEventListener("abort", stop, { once: true });

  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  try {
    if (signal.aborted) stop();
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (size + chunk.byteLength > maxBytes) {
        chunks.push(chunk.subarray(0, maxBytes - size));
        size = maxBytes;
        truncated = true;
        break;
      }
      chunks.push(chunk);
      size += chunk.byteLength;
    }
  } finally {
    signal.removeEventListener("abort", stop);
    // Leaving the loop early (cap, error) must not leave the download running.
    for (const decoder of decoders) decoder.destroy();
    discard(body);
  }
  return { bytes: Buffer.concat(chunks, size), truncated };
}
