/**
 * The topic classifier on the shared dev sets (../shared/eval/topics):
 * 5-fold cross-validation, repeated with three seeds, through the real CLI (`newsbrief topics cv`),
 * scored by the eval folder's own scorer, then training time, model size,
 * load time and prediction speed of a model trained on the whole dev file.
 * Run: npm run eval:topics   (about five minutes on two cores)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { registerTopicsCommand } from "../src/cli/commands/topics.ts";
import { TopicClassifier } from "../src/topics/classifier/classifier.ts";
import { DEFAULT_CATALOG } from "../src/topics/catalog.ts";
import { assignTopics } from "../src/topics/assign.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const evalDir = process.env.TOPICS_EVAL_DIR ?? resolve(root, "..", "shared", "eval", "topics");
const out = mkdtempSync(join(tmpdir(), "newsbrief-eval-topics-"));

/** `newsbrief topics …` in-process: the same command code, without the rest of the CLI. */
async function topicsCli(args: string[]): Promise<void> {
  const program = new Command().name("newsbrief").exitOverride();
  registerTopicsCommand(program);
  await program.parseAsync(["topics", ...args], { from: "user" });
}

function sh(command: string, args: string[]): string {
  const result = spawnSync(command, args, { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stderr}`);
  return result.stdout;
}

for (const name of ["bbc", "agnews"]) {
  const gold = join(evalDir, `${name}.dev.jsonl`);
  const predictions = join(out, `${name}.cv.jsonl`);
  // Seed 1 is the reported split; seeds 2 and 3 show how much the figure moves with the split.
  console.log(`== ${name}: newsbrief topics cv ${gold} --folds 5 --repeats 3 --predictions ${predictions}`);
  await topicsCli(["cv", gold, "--folds", "5", "--repeats", "3", "--predictions", predictions]);
  console.log(`-- official scorer: node score.mjs --gold ${gold} --pred ${predictions}`);
  console.log(sh("node", [join(evalDir, "score.mjs"), "--gold", gold, "--pred", predictions]).trim());

  const rows = readFileSync(gold, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { title?: string; text: string; label: string });
  const examples = rows.map((r) => ({ text: [r.title, r.text].filter(Boolean).join("\n"), label: r.label }));
  let started = performance.now();
  const model = TopicClassifier.train(examples);
  const trainMs = performance.now() - started;
  const json = JSON.stringify(model.toJSON());
  started = performance.now();
  const loaded = TopicClassifier.fromJSON(JSON.parse(json));
  const loadMs = performance.now() - started;
  started = performance.now();
  for (const e of examples) loaded.predict(e.text);
  const predictMs = performance.now() - started;
  console.log(
    `-- whole dev file: train ${(trainMs / 1000).toFixed(1)} s (SVM share ${model.svmShare}), model ${(json.length / 1024 / 1024).toFixed(1)} MiB, ` +
      `load ${loadMs.toFixed(0)} ms, predict ${((predictMs / examples.length) * 1000).toFixed(0)} µs/article\n`,
  );
}

// Rule-based assignment speed: the whole catalog against every BBC article.
const articles = readFileSync(join(evalDir, "bbc.dev.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as { title: string; text: string })
  .map((r) => ({ title: r.title, articleBody: r.text.replace(/\n/g, "\n\n") }));
assignTopics(articles[0] ?? { title: "", articleBody: "" }, DEFAULT_CATALOG);
const started = performance.now();
for (const article of articles) assignTopics(article, DEFAULT_CATALOG);
const ms = performance.now() - started;
console.log(`== assignTopics: ${articles.length} BBC articles, ${DEFAULT_CATALOG.length} topics: ${((ms / articles.length) * 1000).toFixed(0)} µs/article`);
