/**
 * Extraction speed and memory over the DEV pages of the extraction benchmark.
 *
 * Pages stay in memory as they are stored (gzip-compressed) and each one is
 * decompressed just before it is extracted, the way the bot meets pages: one at
 * a time. Only `extractArticle` is timed, over several rounds in one process.
 * Peak memory is the whole process's RSS high-water mark
 * (process.resourceUsage().maxRSS): node, the tsx loader, the stored pages and
 * everything the extractor allocated, garbage not yet collected included.
 *
 *   npm run bench:extract [-- --rounds 5] [-- --dir /path/to/html]
 * (default --dir: ../shared/eval/extraction/html, relative to the repository root)
 *
 * Of the RSS at start, ~40 MB is node itself and ~35 MB tsx (its module loader
 * runs in a thread of its own); `node --import tsx` measures the same as the
 * `tsx` command, whose work runs in a child process that is the one measured.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { extractArticle } from "../src/extract/index.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
// The eval pages live beside the repository (../shared, relative to its root), not in it.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dir = option("--dir", join(repoRoot, "..", "shared", "eval", "extraction", "html"));
if (!existsSync(dir)) {
  console.error(`no pages at ${dir}: the extraction eval set is expected in ../shared/eval/extraction/html beside the repository (or pass --dir)`);
  process.exit(2);
}
const rounds = Number(option("--rounds", "5"));
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
const maxRss = (): number => process.resourceUsage().maxRSS * 1024;

const rssRuntime = maxRss();
const pages = readdirSync(dir)
  .filter((f) => f.endsWith(".html") || f.endsWith(".html.gz"))
  .sort()
  .map((f) => ({ name: f, stored: readFileSync(join(dir, f)), gzipped: f.endsWith(".gz") }));
if (pages.length === 0) throw new Error(`no .html or .html.gz pages in ${dir}`);
const storedBytes = pages.reduce((sum, p) => sum + p.stored.length, 0);
// RSS before any extraction: node + tsx + the stored pages. The extractor's share is the rest.
const rssBeforeExtraction = maxRss();

let htmlBytes = 0;
let bodyChars = 0;
/** One pass over every page; returns the milliseconds spent inside `extractArticle`. */
function runRound(): number {
  let elapsed = 0;
  htmlBytes = 0;
  for (const page of pages) {
    const bytes = page.gzipped ? gunzipSync(page.stored) : page.stored;
    htmlBytes += bytes.length;
    const start = performance.now();
    bodyChars += extractArticle(bytes).article.articleBody.length;
    elapsed += performance.now() - start;
  }
  return elapsed;
}

// One warm-up round: the first pass also pays for JIT compilation.
runRound();
const perRound: number[] = [];
for (let round = 0; round < rounds; round++) perRound.push(runRound());

const sorted = [...perRound].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] as number;
const best = sorted[0] as number;
console.log(`pages: ${pages.length} (${mb(htmlBytes)} MB of HTML, ${mb(storedBytes)} MB as stored), rounds: ${rounds} (+1 warm-up)`);
console.log(`pages/s: median ${(pages.length / (median / 1000)).toFixed(0)}, best ${(pages.length / (best / 1000)).toFixed(0)}`);
console.log(`ms/page: median ${(median / pages.length).toFixed(2)}, best ${(best / pages.length).toFixed(2)}`);
console.log(
  `peak memory (max RSS): ${mb(maxRss())} MB (${mb(rssRuntime)} MB node + tsx at start, ${mb(rssBeforeExtraction)} MB with the pages loaded, before the first extraction)`,
);
// Keeps the work observable so no round can be optimised away.
if (bodyChars === 0) console.log("warning: every body was empty");
