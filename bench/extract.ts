/**
 * Extraction speed and memory over the DEV pages of the extraction benchmark:
 * pages are decompressed first, then only `extractArticle` is timed, over
 * several rounds in one process. Peak memory is the process's RSS high-water
 * mark (process.resourceUsage().maxRSS), which includes the decompressed pages.
 *
 *   npm run bench:extract [-- --rounds 5] [-- --dir /path/to/html]
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { extractArticle } from "../src/extract/index.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const dir = option("--dir", "/work/shared/eval/extraction/html");
const rounds = Number(option("--rounds", "5"));

const pages = readdirSync(dir)
  .filter((f) => f.endsWith(".html") || f.endsWith(".html.gz"))
  .sort()
  .map((f) => {
    const raw = readFileSync(join(dir, f));
    // A Buffer is a Uint8Array: no copy, so the pages count once in the memory figure.
    return { name: f, bytes: f.endsWith(".gz") ? gunzipSync(raw) : raw };
  });
if (pages.length === 0) throw new Error(`no .html or .html.gz pages in ${dir}`);
const totalBytes = pages.reduce((sum, p) => sum + p.bytes.length, 0);
// RSS before any extraction: node + tsx + the decompressed pages. The extractor's share is the rest.
const rssBeforeExtraction = process.resourceUsage().maxRSS * 1024;

// One warm-up round: the first pass also pays for JIT compilation.
for (const page of pages) extractArticle(page.bytes);

const perRound: number[] = [];
let bodyChars = 0;
for (let round = 0; round < rounds; round++) {
  const start = performance.now();
  for (const page of pages) bodyChars += extractArticle(page.bytes).article.articleBody.length;
  perRound.push(performance.now() - start);
}

const sorted = [...perRound].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] as number;
const best = sorted[0] as number;
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
console.log(`pages: ${pages.length} (${mb(totalBytes)} MB of HTML), rounds: ${rounds} (+1 warm-up)`);
console.log(`pages/s: median ${(pages.length / (median / 1000)).toFixed(0)}, best ${(pages.length / (best / 1000)).toFixed(0)}`);
console.log(`ms/page: median ${(median / pages.length).toFixed(2)}, best ${(best / pages.length).toFixed(2)}`);
console.log(`peak memory (max RSS): ${mb(process.resourceUsage().maxRSS * 1024)} MB (${mb(rssBeforeExtraction)} MB before the first page)`);
// Keeps the work observable so no round can be optimised away.
if (bodyChars === 0) console.log("warning: every body was empty");
