/**
 * Where the CLI's `extract` and `brief` get a page from: a saved `.html` / `.html.gz` file or
 * an http(s) URL, fetched through the guarded HTTP client with the FETCH_* settings (the bot's
 * other settings are not needed). Every failure becomes a one-line CliError naming the file or URL.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { gunzipSync } from "node:zlib";
import { ConfigError, parseFetchConfig, readEnvironment, type FetchConfig } from "../config/index.ts";
import { DEFAULT_MAX_BYTES, extractArticle, type ExtractResult } from "../extract/index.ts";
import { FetchError, createHttpClient } from "../ingest/http/index.ts";
import { CliError, describeFileError } from "./errors.ts";

/** `<id>.html`, `<id>.htm`, optionally gzipped; group 1 is the id. */
export const PAGE_FILE = /^(.+)\.html?(\.gz)?$/i;
/** Media types that can hold an article page; a server that sends none gets the benefit of the doubt. */
const PAGE_TYPES = /^(?:text\/html|application\/xhtml\+xml|text\/plain|application\/xml|text\/xml)$/;
const PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5";

/** Extracts the article of a file or URL; `url` overrides the page's own address. */
export async function extractFromSource(source: string, url?: string): Promise<ExtractResult> {
  if (/^https?:\/\//i.test(source)) return extractFromUrl(source, url);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) throw new CliError(`only http(s) URLs can be fetched: ${source}`);
  if (!PAGE_FILE.test(basename(source))) throw new CliError(`${source}: expected an .html or .html.gz file (or an http(s) URL)`);
  return extractArticle(readPage(source), url ? { url } : {});
}

async function extractFromUrl(source: string, url: string | undefined): Promise<ExtractResult> {
  const client = createHttpClient(fetchConfig());
  try {
    const page = await client.request(source, { accept: PAGE_ACCEPT, allowedTypes: PAGE_TYPES });
    const result = extractArticle(page.bytes, { url: url ?? page.url, ...(page.contentType ? { contentType: page.contentType } : {}) });
    return { ...result, truncated: result.truncated || page.truncated };
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    // Other messages name the URL already; a refusal names the address.
    if (error.reason !== "blocked") throw new CliError(error.message);
    throw new CliError(`cannot fetch ${source}: ${error.message} (FETCH_ALLOW_PRIVATE_HOSTS=true allows it, for a local test server)`);
  } finally {
    await client.close();
  }
}

function fetchConfig(): FetchConfig {
  try {
    return parseFetchConfig(readEnvironment(process.env));
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
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
