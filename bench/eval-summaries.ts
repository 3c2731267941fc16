/**
 * Brief quality on the summaries dev file (../shared/eval/summaries), scored by the eval
 * folder's own scorer, for the two requirements of issue 4:
 * - cnndm rows: the whole brief (ROUGE-1 / ROUGE-2 / ROUGE-Lsum at least Lead-3's);
 * - xsum rows: the brief's FIRST sentence alone (the reference is one sentence, "a proxy for a
 *   brief's first sentence"; at least 16.5 ROUGE-1).
 * Summarizes in-process with the `newsbrief summarize` command's own code and defaults (the brief
 * the bot sends), writes both prediction files to a temp folder, and runs the scorer on each.
 *   npm run eval:summaries [-- path/to/dev.jsonl]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bodySentences } from "../src/brief/build.ts";
import { readRows, SUMMARIZE_DEFAULTS, summarizeRows, type SummaryRow } from "../src/cli/commands/summarize.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const evalDir = resolve(root, "..", "shared", "eval", "summaries");
const devPath = process.argv.slice(2).find((arg) => !arg.startsWith("--")) ?? join(evalDir, "dev.jsonl");
const scorer = join(evalDir, "score.mjs");
if (!existsSync(devPath) || !existsSync(scorer)) {
  console.error(`no dev file or scorer at ${evalDir}: the summaries eval set is expected in ../shared/eval/summaries beside the repository`);
  process.exit(2);
}
const out = mkdtempSync(join(tmpdir(), "newsbrief-eval-summaries-"));

interface Rouge {
  p: number;
  r: number;
  f: number;
}
interface GroupScores {
  n: number;
  avgWords: number;
  rouge1: Rouge;
  rouge2: Rouge;
  rougeL: Rouge;
  rougeLsum: Rouge;
}
interface ScorerResult {
  missing: number;
  groups: Record<string, GroupScores>;
}

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

function writeJsonl(name: string, rows: readonly SummaryRow[]): string {
  const path = join(out, name);
  writeFileSync(path, rows.map((row) => `${JSON.stringify(row)}\n`).join(""));
  return path;
}

/** The official scorer, as a separate node process (it is plain ESM outside this project). */
function score(predictions: string): ScorerResult {
  const result = spawnSync(process.execPath, [scorer, predictions, devPath, "--per-source", "--json"], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`node ${scorer} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as ScorerResult;
}

function table(title: string, group: GroupScores | undefined, columns: ReadonlyArray<[string, keyof GroupScores]>): void {
  if (!group) {
    console.log(`${title}: no rows`);
    return;
  }
  console.log(`\n${title} (n=${group.n}, F1 x100)`);
  console.log(columns.map(([label]) => label.padStart(7)).join(""));
  console.log(columns.map(([, key]) => (group[key] as Rouge).f.toFixed(2).padStart(7)).join(""));
}

// Sources and each article's first body sentence (for "how often the brief opens with the lead").
const devRows = readFileSync(devPath, "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as { id: string | number; source?: string; title?: string; text: string });
const sourceOf = new Map(devRows.map((row) => [String(row.id), row.source ?? "unknown"]));
const leadOf = new Map(devRows.map((row) => [String(row.id), bodySentences(row.text, row.title)[0] ?? ""]));

const started = performance.now();
const briefs = summarizeRows(readRows(devPath), SUMMARIZE_DEFAULTS);
const seconds = (performance.now() - started) / 1000;
const firstSentences = briefs.map((row) => ({ id: row.id, summary: row.summary.split("\n")[0] ?? "" }));

const briefsPath = writeJsonl("briefs.jsonl", briefs);
const firstPath = writeJsonl("first-sentences.jsonl", firstSentences);
console.log(`${briefs.length} rows of ${devPath} summarized in ${seconds.toFixed(2)} s (--max-sentences ${SUMMARIZE_DEFAULTS.maxSentences} --max-words ${SUMMARIZE_DEFAULTS.maxWords})`);
console.log(`whole briefs:         ${briefsPath}`);
console.log(`first sentences only: ${firstPath}`);
console.log(`scored with: node ${scorer} <predictions> ${devPath} --per-source`);

const whole = score(briefsPath);
const first = score(firstPath);
if (whole.missing > 0 || first.missing > 0) console.log(`missing predictions: ${whole.missing}`);

table("cnndm, whole brief", whole.groups.cnndm, [
  ["R1", "rouge1"],
  ["R2", "rouge2"],
  ["RLsum", "rougeLsum"],
  ["RL", "rougeL"],
]);
table("xsum, first sentence only", first.groups.xsum, [
  ["R1", "rouge1"],
  ["R2", "rouge2"],
  ["RL", "rougeL"],
]);
table("cnndm, first sentence only (for reference)", first.groups.cnndm, [
  ["R1", "rouge1"],
  ["R2", "rouge2"],
  ["RL", "rougeL"],
]);

console.log("\nwords per brief (whole brief; first sentence)");
for (const source of [...new Set(sourceOf.values())].sort()) {
  const rows = briefs.filter((row) => sourceOf.get(String(row.id)) === source);
  const counts = rows.map((row) => words(row.summary));
  const firstCounts = rows.map((row) => words(row.summary.split("\n")[0] ?? ""));
  const opensWithLead = rows.filter((row) => (row.summary.split("\n")[0] ?? "") === leadOf.get(String(row.id))).length;
  const average = (values: number[]): string => (values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length)).toFixed(1);
  console.log(
    `${source.padEnd(8)} n=${rows.length}  avg ${average(counts)}  max ${Math.max(0, ...counts)};  first sentence avg ${average(firstCounts)}  max ${Math.max(0, ...firstCounts)};  opens with the article's first sentence: ${opensWithLead}/${rows.length}`,
  );
}
