/**
 * Ablation of the extractor's switchable rules (src/extract/rules.ts): the F1 with
 * every rule on, then with each one off, on two sets:
 * - dev: the DEV pages of ../shared/eval/extraction (relative to the repository root),
 *   scored with that folder's own scorer (score.mjs's metric, imported);
 * - classes: the repository's failure-class fixtures (test/fixtures/extract/classes),
 *   pages written for the failure classes of issue 13, with their expected bodies.
 * A rule whose "off" F1 equals its "on" F1 on both sets does not carry its weight.
 *
 *   npm run bench:extract-ablation
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { extractArticle } from "../src/extract/index.ts";
import { ALL_RULES, type ExtractRules } from "../src/extract/rules.ts";

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  exact: boolean;
}
interface Scorer {
  pageCounts(truth: string, predicted: string): Counts;
  aggregate(pages: Counts[]): { f1: number; precision: number; recall: number };
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const evalDir = join(root, "..", "shared", "eval", "extraction");
const classesDir = join(root, "test", "fixtures", "extract", "classes");
if (!existsSync(join(evalDir, "score.mjs"))) {
  console.error(`no extraction eval set at ${evalDir}: it is expected in ../shared/eval/extraction beside the repository`);
  process.exit(2);
}
const scorer = (await import(pathToFileURL(join(evalDir, "score.mjs")).href)) as Scorer;

interface Page {
  bytes: Uint8Array;
  truth: string;
  contentType?: string;
}
const truth = JSON.parse(readFileSync(join(evalDir, "ground-truth.json"), "utf8")) as Record<string, { articleBody: string; url: string }>;
const dev: Page[] = readdirSync(join(evalDir, "html"))
  .filter((f) => f.endsWith(".html.gz"))
  .sort()
  .map((f) => ({ bytes: gunzipSync(readFileSync(join(evalDir, "html", f))), truth: truth[f.replace(/\.html\.gz$/, "")]?.articleBody ?? "" }));
const expected = JSON.parse(readFileSync(join(classesDir, "expected.json"), "utf8")) as Record<string, { body: string; contentType?: string }>;
const classes: Page[] = Object.entries(expected).map(([file, e]) => ({ bytes: readFileSync(join(classesDir, file)), truth: e.body, ...(e.contentType ? { contentType: e.contentType } : {}) }));

function f1(pages: Page[], rules: Partial<ExtractRules>): number {
  const counts = pages.map((page) =>
    scorer.pageCounts(page.truth, extractArticle(page.bytes, { rules, ...(page.contentType ? { contentType: page.contentType } : {}) }).article.articleBody),
  );
  return scorer.aggregate(counts).f1;
}

const baseDev = f1(dev, {});
const baseClasses = f1(classes, {});
console.log(`dev pages: ${dev.length} (${evalDir}); class fixtures: ${classes.length} (${classesDir})`);
console.log(`${"rule switched off".padEnd(28)}${"dev F1".padStart(9)}${"Δ dev".padStart(9)}${"classes F1".padStart(12)}${"Δ classes".padStart(11)}`);
console.log(`${"(none: all rules on)".padEnd(28)}${baseDev.toFixed(4).padStart(9)}${"".padStart(9)}${baseClasses.toFixed(4).padStart(12)}`);
for (const rule of Object.keys(ALL_RULES) as Array<keyof ExtractRules>) {
  const off = { [rule]: false } as Partial<ExtractRules>;
  const d = f1(dev, off);
  const c = f1(classes, off);
  console.log(
    `${rule.padEnd(28)}${d.toFixed(4).padStart(9)}${(d - baseDev).toFixed(4).padStart(9)}${c.toFixed(4).padStart(12)}${(c - baseClasses).toFixed(4).padStart(11)}`,
  );
}
