/**
 * `newsbrief extract <file|url> [--url U]`: prints one page's Article as JSON.
 * `newsbrief extract --batch <in-dir> <out-dir>`: writes `<out-dir>/<id>.json`
 * for every `<id>.html` / `<id>.html.gz`, then prints the page count, the
 * failures and the pages per second.
 */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { Command } from "commander";
import { CliError } from "../errors.ts";
import { DEFAULT_MAX_BYTES, extractArticle } from "../../extract/index.ts";
import type { ExtractResult } from "../../extract/index.ts";
import { FetchPageError, fetchPage } from "../../ingest/fetch-page.ts";

const PAGE_FILE = /^(.+)\.html?(\.gz)?$/i;
const FETCH_TIMEOUT_MS = 20_000;

interface ExtractCommandOptions {
  url?: string;
  batch?: boolean;
}

export function registerExtractCommand(program: Command): void {
  program
    .command("extract")
    .description("Extract the article (body, metadata, related links) from a page and print it as JSON.")
    .argument("<source>", "an .html or .html.gz file, an http(s) URL, or with --batch the input directory")
    .argument("[out-dir]", "with --batch: the directory to write <id>.json files to")
    .option("--url <url>", "the page's URL (base for relative links; the article URL when the page declares none)")
    .option("--batch", "extract every <id>.html / <id>.html.gz in <source> into <out-dir>/<id>.json")
    .action(async (source: string, outDir: string | undefined, options: ExtractCommandOptions) => {
      if (options.batch) {
        if (!outDir) throw new CliError("extract --batch needs an input and an output directory: newsbrief extract --batch <in-dir> <out-dir>");
        runBatch(source, outDir);
        return;
      }
      if (outDir) throw new CliError(`unexpected argument "${outDir}" (an output directory needs --batch)`);
      const result = /^https?:\/\//i.test(source) ? await extractFromUrl(source, options.url) : extractFromFile(source, options.url);
      process.stdout.write(`${JSON.stringify(result.article, null, 2)}\n`);
      if (result.truncated) process.stderr.write(`newsbrief: warning: the page was longer than ${DEFAULT_MAX_BYTES} bytes and was cut\n`);
      if (result.emptyReason) process.stderr.write(`newsbrief: warning: ${result.emptyReason}\n`);
    });
}

function extractFromFile(path: string, url: string | undefined): ExtractResult {
  if (!PAGE_FILE.test(basename(path))) throw new CliError(`${path}: expected an .html or .html.gz file (or an http(s) URL)`);
  return extractArticle(readPage(path), url ? { url } : {});
}

async function extractFromUrl(source: string, url: string | undefined): Promise<ExtractResult> {
  try {
    const page = await fetchPage(source, { timeoutMs: FETCH_TIMEOUT_MS, maxBytes: DEFAULT_MAX_BYTES });
    const result = extractArticle(page.bytes, { url: url ?? page.finalUrl, ...(page.contentType ? { contentType: page.contentType } : {}) });
    return { ...result, truncated: result.truncated || page.truncated };
  } catch (error) {
    if (error instanceof FetchPageError) throw new CliError(error.message);
    throw error;
  }
}

/** The page's bytes, gunzipped when the name ends in .gz; a clear error when it cannot be read. */
function readPage(path: string): Uint8Array {
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${describe(error)}`);
  }
  if (!path.toLowerCase().endsWith(".gz")) return raw;
  try {
    return gunzipSync(raw);
  } catch (error) {
    throw new CliError(`cannot decompress ${path}: ${describe(error)}`);
  }
}

function runBatch(inDir: string, outDir: string): void {
  let names: string[];
  try {
    if (!statSync(inDir).isDirectory()) throw new Error("not a directory");
    names = readdirSync(inDir).filter((name) => PAGE_FILE.test(name)).sort();
  } catch (error) {
    throw new CliError(`cannot read input directory ${inDir}: ${describe(error)}`);
  }
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (error) {
    throw new CliError(`cannot create output directory ${outDir}: ${describe(error)}`);
  }

  const start = performance.now();
  let failures = 0;
  let empty = 0;
  for (const name of names) {
    const id = (PAGE_FILE.exec(name) as RegExpExecArray)[1] as string;
    try {
      const result = extractArticle(readPage(join(inDir, name)));
      if (result.emptyReason) empty++;
      writeFileSync(join(outDir, `${id}.json`), `${JSON.stringify(result.article, null, 2)}\n`);
    } catch (error) {
      failures++;
      process.stderr.write(`newsbrief: ${name}: ${describe(error)}\n`);
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const rate = names.length > 0 && seconds > 0 ? names.length / seconds : 0;
  process.stdout.write(
    `${names.length} pages, ${failures} failures, ${empty} without article text, ${rate.toFixed(1)} pages/s (${seconds.toFixed(2)} s)\n`,
  );
  if (names.length === 0) process.stderr.write(`newsbrief: warning: no .html or .html.gz files in ${inDir}\n`);
}

function describe(error: unknown): string {
  if (error instanceof CliError) return error.message;
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") {
    const message = error instanceof Error ? error.message : "";
    return error.code === "ENOENT" ? "no such file or directory" : `${error.code}${message ? ` (${message})` : ""}`;
  }
  return error instanceof Error ? error.message : String(error);
}
