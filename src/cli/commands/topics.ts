/**
 * `newsbrief topics …`: the learned topic classifier from the command line.
 *   train <labeled.jsonl> --model <file>    learn from rows {id?, title?, text, label}
 *   train --from-archive                    learn from the bot's database (see topics-archive.ts)
 *   predict <in.jsonl> --model <file>       print {id, label} per row, one JSON per line
 *   cv <labeled.jsonl> [--folds 5]          cross-validated macro-F1 (and out-of-fold predictions)
 *   assign <article.json>                   the catalog topics of an extracted article, with reasons
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import type { Article } from "../../extract/article.ts";
import { assignTopics } from "../../topics/assign.ts";
import { DEFAULT_CATALOG } from "../../topics/catalog.ts";
import { TopicClassifier, type LabeledText } from "../../topics/classifier/classifier.ts";
import { crossValidatePredictions } from "../../topics/classifier/evaluate.ts";
import { score } from "../../topics/classifier/metrics.ts";
import { CliError } from "../errors.ts";
import { trainFromArchiveCommand } from "./topics-archive.ts";

interface Row {
  /** 1-based line number in the file, for error messages. */
  line: number;
  id: string;
  text: string;
  label?: string;
}

export function registerTopicsCommand(program: Command): void {
  const topics = program.command("topics").description("Learn and apply the topic classifier for broad topics (business, sport, …)");

  topics
    .command("train")
    .description(
      "Train a classifier from labeled JSONL rows {id?, title?, text, label} and save it as JSON, " +
        "or with --from-archive from the articles in the bot's database (as the bot does on its schedule)",
    )
    .argument("[labeled.jsonl]", "training rows, one JSON object per line (not with --from-archive)")
    .option("--model <file>", "where to write the model (with --from-archive: also write it there)")
    .option("--from-archive", "learn from the articles a source's section or the catalog labelled, and keep the model in the database")
    .option("--database <path>", "with --from-archive: the bot's database (default: DATABASE_PATH, else ./data/newsbrief.db)")
    .option("--min-articles <n>", "with --from-archive: labelled articles a topic needs (default: TOPIC_MIN_ARTICLES, else 20)")
    .action(async (input: string | undefined, flags: { model?: string; fromArchive?: boolean; database?: string; minArticles?: string }) => {
      if (flags.fromArchive) {
        if (input) throw new CliError(`unexpected argument "${input}": --from-archive learns from the database, not a file`);
        await trainFromArchiveCommand(flags);
        return;
      }
      if (flags.database || flags.minArticles) throw new CliError("--database and --min-articles go with --from-archive");
      if (!input) throw new CliError("topics train needs a labeled JSONL file (or --from-archive): newsbrief topics train <labeled.jsonl> --model <file>");
      if (!flags.model) throw new CliError("topics train needs --model <file>: where to write the model");
      const examples = labeledExamples(readRows(input), input);
      const started = Date.now();
      const model = TopicClassifier.train(examples);
      const json = JSON.stringify(model.toJSON());
      writeFile(flags.model, json);
      const labels = model.labels.join(", ");
      process.stdout.write(
        `trained on ${examples.length} rows, ${model.labels.length} labels (${labels}) in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
          `model written to ${flags.model} (${(json.length / 1024).toFixed(0)} KiB)\n`,
      );
    });

  topics
    .command("predict")
    .description("Print the predicted label of each JSONL row {id, title?, text} as {id, label}, one per line")
    .argument("<in.jsonl>", "rows to label, one JSON object per line")
    .requiredOption("--model <file>", "a model written by `topics train`")
    .action((input: string, flags: { model: string }) => {
      const model = loadModel(flags.model);
      const rows = readRows(input);
      const out = rows.map((row) => JSON.stringify({ id: row.id, label: model.predict(row.text).label })).join("\n");
      process.stdout.write(out ? `${out}\n` : "");
    });

  topics
    .command("cv")
    .description("Cross-validate the classifier on labeled JSONL rows and print accuracy and macro-F1")
    .argument("<labeled.jsonl>", "labeled rows, one JSON object per line")
    .option("--folds <n>", "number of folds", "5")
    .option("--seed <n>", "seed of the fold assignment", "1")
    .option("--repeats <n>", "repeat with seeds seed, seed+1, … and also print the mean macro-F1", "1")
    .option("--predictions <file>", "also write the out-of-fold predictions {id, label} of the first run as JSONL (for the eval scorer)")
    .action((input: string, flags: { folds: string; seed: string; repeats: string; predictions?: string }) => {
      const folds = positiveInteger(flags.folds, "--folds");
      const seed = positiveInteger(flags.seed, "--seed");
      const repeats = positiveInteger(flags.repeats, "--repeats");
      const rows = readRows(input);
      const examples = labeledExamples(rows, input);
      if (examples.length < folds) throw new CliError(`${input}: ${examples.length} rows are too few for ${folds} folds`);
      const gold = examples.map((e) => e.label);
      const macroF1s: number[] = [];
      for (let r = 0; r < repeats; r++) {
        const started = Date.now();
        const predicted = crossValidatePredictions(examples, folds, {}, seed + r);
        const result = score(gold, predicted);
        macroF1s.push(result.macroF1);
        if (r === 0 && flags.predictions) {
          writeFile(flags.predictions, rows.map((row, i) => JSON.stringify({ id: row.id, label: predicted[i] })).join("\n") + "\n");
        }
        process.stdout.write(`${input}: ${examples.length} rows, ${folds}-fold cross-validation (seed ${seed + r}) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
        process.stdout.write(`accuracy  ${result.accuracy.toFixed(4)}\nmacroF1   ${result.macroF1.toFixed(4)}\n`);
        for (const [label, s] of Object.entries(result.perClass)) {
          process.stdout.write(`  ${label.padEnd(14)} P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)} F1=${s.f1.toFixed(3)} n=${s.support}\n`);
        }
      }
      if (repeats > 1) {
        const mean = macroF1s.reduce((a, b) => a + b, 0) / repeats;
        process.stdout.write(`mean macroF1 over ${repeats} runs  ${mean.toFixed(4)}  (${macroF1s.map((f) => f.toFixed(4)).join(", ")})\n`);
      }
    });

  topics
    .command("assign")
    .description("Print the catalog topics of an extracted article (Article JSON, as `newsbrief extract <file|url>` prints it)")
    .argument("<article.json>", "an Article as JSON")
    .option("--model <file>", "a classifier for broad topics, used when the article has no section")
    .option("--min <confidence>", "lowest confidence to show (0–1)", "0.5")
    .action((input: string, flags: { model?: string; min: string }) => {
      const article = readArticle(input);
      const minConfidence = Number(flags.min);
      if (!(minConfidence >= 0 && minConfidence <= 1)) throw new CliError(`--min: expected a number from 0 to 1, got "${flags.min}"`);
      const classifier = flags.model ? loadModel(flags.model) : undefined;
      const assigned = assignTopics(article, DEFAULT_CATALOG, classifier ? { minConfidence, classifier } : { minConfidence });
      if (assigned.length === 0) process.stdout.write("(no topic reaches that confidence)\n");
      for (const topic of assigned) {
        process.stdout.write(`${topic.slug.padEnd(16)} ${topic.confidence.toFixed(2)}  ${topic.reasons.map((r) => `${r.source}: ${r.detail}`).join("; ")}\n`);
      }
    });
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CliError(`${file}: no such file`);
    if (code === "EISDIR") throw new CliError(`${file}: is a directory, not a file`);
    if (code === "EACCES") throw new CliError(`${file}: permission denied`);
    throw new CliError(`${file}: cannot read (${(error as Error).message})`);
  }
}

function writeFile(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new CliError(`cannot write ${file}: ${(error as Error).message}`);
  }
}

/**
 * Rows of a JSONL file. The text of a row is its title and text together (the
 * eval files keep the headline apart); a row without an id gets its line number.
 */
function readRows(file: string): Row[] {
  const rows: Row[] = [];
  readText(file)
    .split("\n")
    .forEach((raw, index) => {
      const line = index + 1;
      if (!raw.trim()) return;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (error) {
        throw new CliError(`${file}: line ${line} is not valid JSON (${(error as Error).message})`);
      }
      if (typeof value !== "object" || value === null || Array.isArray(value)) throw new CliError(`${file}: line ${line} is not a JSON object`);
      const record = value as Record<string, unknown>;
      const title = optionalString(record, "title", file, line);
      const body = optionalString(record, "text", file, line);
      const text = [title, body].filter((part): part is string => Boolean(part)).join("\n");
      if (!text.trim()) throw new CliError(`${file}: line ${line} has no "text" (or "title")`);
      const id = record.id;
      if (id !== undefined && typeof id !== "string" && typeof id !== "number") throw new CliError(`${file}: line ${line}: "id" must be a string or a number`);
      const label = record.label;
      if (label !== undefined && label !== null && (typeof label !== "string" || !label.trim())) {
        throw new CliError(`${file}: line ${line}: "label" must be a non-empty string`);
      }
      rows.push({ line, id: id === undefined ? String(line) : String(id), text, ...(typeof label === "string" ? { label: label.trim() } : {}) });
    });
  if (rows.length === 0) throw new CliError(`${file}: no rows (expected one JSON object per line)`);
  return rows;
}

function optionalString(record: Record<string, unknown>, field: string, file: string, line: number): string | undefined {
  const value = record[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new CliError(`${file}: line ${line}: "${field}" must be a string`);
  return value;
}

function labeledExamples(rows: readonly Row[], file: string): LabeledText[] {
  const unlabeled = rows.filter((row) => row.label === undefined);
  if (unlabeled.length === rows.length) throw new CliError(`${file}: no row has a "label" to learn from`);
  if (unlabeled.length) {
    const lines = unlabeled.slice(0, 5).map((row) => row.line).join(", ");
    throw new CliError(`${file}: ${unlabeled.length} rows have no "label" (line${unlabeled.length > 1 ? "s" : ""} ${lines}${unlabeled.length > 5 ? ", …" : ""})`);
  }
  const examples = rows.map((row) => ({ text: row.text, label: row.label as string }));
  if (new Set(examples.map((e) => e.label)).size < 2) throw new CliError(`${file}: every row has the same label; at least two labels are needed`);
  return examples;
}

/** A model file written by `topics train`, or a one-line CliError. */
export function loadModel(file: string): TopicClassifier {
  let json: unknown;
  try {
    json = JSON.parse(readText(file));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${file}: not a model (invalid JSON: ${(error as Error).message})`);
  }
  try {
    return TopicClassifier.fromJSON(json);
  } catch (error) {
    throw new CliError(`${file}: ${(error as Error).message}`);
  }
}

function readArticle(file: string): Article {
  let value: unknown;
  try {
    value = JSON.parse(readText(file));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  // An extract result ({ article, … }) is read as its article.
  const record = (value as { article?: unknown })?.article ?? value;
  const article = record as Partial<Article> | null;
  if (typeof article !== "object" || article === null || typeof article.title !== "string" || typeof article.articleBody !== "string") {
    throw new CliError(`${file}: not an article (expected an object with "title" and "articleBody")`);
  }
  return { ...article, tags: Array.isArray(article.tags) ? article.tags : [], links: Array.isArray(article.links) ? article.links : [] } as Article;
}

function positiveInteger(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`${option}: expected a whole number, got "${value}"`);
  return n;
}
