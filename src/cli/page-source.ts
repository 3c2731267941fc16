/**
 * Where the CLI's `extract` and `brief` get a page from: a saved `.html` / `.html.gz` file or
 * an http(s) URL. Every failure becomes a one-line CliError naming the file or URL.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { gunzipSync } from "node:zlib";
import { DEFAULT_MAX_BYTES, extractArticle, type ExtractResult } from "../extract/index.ts";
import { FetchPageError, fetchPage } from "../ingest/fetch-page.ts";
import { CliError, describeFileError } from "./errors.ts";

/** `<id>.html`, `<id>.htm`, optionally gzipped; group 1 is the id. */
export const PAGE_FILE = /^(.+)\.html?(\.gz)?$/i;
const FETCH_TIMEOUT_MS = 20_000;

/** Extracts the article of a file or URL; `url` overrides the page's own address. */
export async function extractFromSource(source: string, url?: string): Promise<ExtractResult> {
  if (/^https?:\/\//i.test(source)) return extractFromUrl(source, url);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) throw new CliError(`only http(s) URLs can be fetched: ${source}`);
  if (!PAGE_FILE.test(basename(source))) throw new CliError(`${source}: expected an .html or .html.gz file (or an http(s) URL)`);
  return extractArticle(readPage(source), url ? { url } : {});
}

async function extractFromUrl(source: string, url: string | undefined): Promise<ExtractResult> {
  try {
    const page = await fetchPage(source, { timeoutMs: FETCH_TIMEOUT_MS, maxBytes: DEFAULT_MAX_BYTES });
    const result = extractArticle(page.bytes, { url: url ?? page.finalUrl, ...(page.contentType ? { contentType: page.contentType } : {}) });
    return { ...result, truncated: result.truncated || page.truncated };
  } catch (error) {
    if (error instanceof FetchPageError) throw new CliError(`cannot fetch the page: ${error.message}`);
    throw error;
  }
}

/** The page's bytes, gunzipped when it is gzip (bounded, so a gzip bomb fails cleanly). */
export function readPage(path: string): Uint8Array {
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${describeFileError(error)}`);
  }
  if (raw[0] !== 0x1f || raw[1] !== 0x8b) {
    if (path.toLowerCase().endsWith(".gz")) throw new CliError(`cannot decompress ${path}: not a valid gzip file`);
    return raw;
  }
  try {
    return gunzipSync(raw, { maxOutputLength: 8 * DEFAULT_MAX_BYTES });
  } catch (error) {
    throw new CliError(`cannot decompress ${path}: not a valid gzip file (${describeFileError(error)})`);
  }
}
