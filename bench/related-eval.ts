/**
 * /related quality on the shared dev set (../shared/eval/related, ECB+ events):
 * 1. `newsbrief related <dev.jsonl>` through the CLI code, scored by the eval folder's own scorer,
 *    over all candidates and `--within topic` (same-topic other-event stories only);
 * 2. ablations: what each part of the ranking carries;
 * 3. two-fold cross-validation of the tuned constants: pick them on the queries of half the
 *    topics, score the other half with them, and the other way round.
 * Run: npm run eval:related   (about a minute)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { registerRelatedCommand } from "../src/cli/commands/related.ts";
import { RelatedIndex, type IndexTuning } from "../src/related/index.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const evalDir = process.env.RELATED_EVAL_DIR ?? resolve(root, "..", "shared", "eval", "related");
const gold = join(evalDir, "ecbplus.dev.jsonl");
if (!existsSync(gold)) {
  console.error(`eval:related needs ${gold} (the shared eval folder beside the repository); set RELATED_EVAL_DIR to another copy`);
  process.exit(2);
}
const out = mkdtempSync(join(tmpdir(), "newsbrief-eval-related-"));
const predictions = join(out, "related.jsonl");

// 1. The CLI, in-process, with stdout to the predictions file.
{
  const program = new Command().name("newsbrief").exitOverride();
  registerRelatedCommand(program);
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => (chunks.push(chunk), true)) as typeof process.stdout.write;
  const started = performance.now();
  try {
    await program.parseAsync(["related", gold, "--k", "10"], { from: "user" });
  } finally {
    process.stdout.write = write;
  }
  const { writeFileSync } = await import("node:fs");
  writeFileSync(predictions, chunks.join(""));
  console.log(`== newsbrief related ${gold} --k 10 > ${predictions}   (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  for (const within of [[], ["--within", "topic"]]) {
    const args = [join(evalDir, "score.mjs"), "--gold", gold, "--pred", predictions, ...within];
    const result = spawnSync("node", args, { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`scorer failed: ${result.stderr}`);
    console.log(`-- node score.mjs --gold ${gold} --pred ${predictions} ${within.join(" ")}`);
    console.log(result.stdout.trim());
  }
}

interface Row {
  id: string;
  title: string;
  text: string;
  cluster: string;
  topic: string;
}
const rows = readFileSync(gold, "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as Row);

/** Per-query nDCG@10, P@5 and within-topic nDCG@10, as the scorer computes them, over the whole file as archive. */
function perQuery(tuning: Partial<IndexTuning>): Array<{ topic: string; ndcg: number; p5: number; within: number }> {
  const index = new RelatedIndex(tuning);
  for (const row of rows) index.add({ id: row.id, title: row.title, text: row.text });
  index.seal();
  const results: Array<{ topic: string; ndcg: number; p5: number; within: number }> = [];
  rows.forEach((row, doc) => {
    const relevant = new Set(rows.filter((x) => x.cluster === row.cluster && x.id !== row.id).map((x) => x.id));
    if (relevant.size === 0) return;
    const ranked = index.similarTo(doc, { k: 10 }).map((hit) => rows[hit.doc]!);
    const score = (list: Row[]) => {
      let dcg = 0;
      let hits5 = 0;
      list.slice(0, 10).forEach((x, i) => {
        if (!relevant.has(x.id)) return;
        dcg += 1 / Math.log2(i + 2);
        if (i < 5) hits5++;
      });
      let ideal = 0;
      for (let i = 0; i < Math.min(10, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
      return { ndcg: dcg / ideal, p5: hits5 / 5 };
    };
    const all = score(ranked);
    results.push({ topic: row.topic, ...all, within: score(ranked.filter((x) => x.topic === row.topic)).ndcg });
  });
  return results;
}

function mean(results: ReadonlyArray<{ ndcg: number; p5: number; within: number }>) {
  const sum = (key: "ndcg" | "p5" | "within") => results.reduce((a, r) => a + r[key], 0) / results.length;
  return { ndcg: sum("ndcg"), p5: sum("p5"), within: sum("within") };
}
const show = (m: { ndcg: number; p5: number; within: number }) => `nDCG@10 ${m.ndcg.toFixed(4)}  P@5 ${m.p5.toFixed(4)}  within-topic nDCG@10 ${m.within.toFixed(4)}`;

// 2. Ablations.
console.log("\n== ablations (whole dev file)");
const ablations: Array<[string, Partial<IndexTuning>]> = [
  ["shipped ranking", {}],
  ["without neighbourhood re-ranking (plain TF-IDF cosine + names)", { pool: 0 }],
  ["without names and numbers", { namesWeight: 0 }],
  ["without score-space expansion", { expansion: 0 }],
  ["headline words counted once", { titleWeight: 1 }],
];
for (const [name, tuning] of ablations) console.log(`${name.padEnd(66)} ${show(mean(perQuery(tuning)))}`);

// 3. Two-fold cross-validation over topics: the constants are picked on one half's queries.
console.log("\n== 2-fold cross-validation of the tuned constants (folds by topic: even / odd topic number)");
const grid: Array<Partial<IndexTuning>> = [];
for (const namesWeight of [0, 0.25, 0.5, 1]) for (const neighbours of [4, 5, 6]) for (const titleWeight of [1, 2]) grid.push({ namesWeight, neighbours, titleWeight });
const byTuning = grid.map((tuning) => ({ tuning, results: perQuery(tuning) }));
const fold = (topic: string) => Number(topic.replace(/\D/g, "")) % 2;
const heldOut: Array<{ ndcg: number; p5: number; within: number }> = [];
for (const test of [0, 1]) {
  const objective = (r: { ndcg: number; p5: number }) => r.ndcg + r.p5;
  const best = byTuning
    .map(({ tuning, results }) => ({ tuning, train: mean(results.filter((r) => fold(r.topic) !== test)), test: results.filter((r) => fold(r.topic) === test) }))
    .sort((a, b) => objective(b.train) - objective(a.train))[0]!;
  console.log(`fold ${test}: picked ${JSON.stringify(best.tuning)} on the other half (${show(best.train)}); held out: ${show(mean(best.test))}`);
  heldOut.push(...best.test);
}
console.log(`cross-validated (every query scored with constants picked without its topic): ${show(mean(heldOut))}`);
