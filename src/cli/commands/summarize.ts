/**
 * `newsbrief summarize <in.jsonl>`: rows {id, title?, text} in, rows {id, summary} out on stdout,
 * the summary being the brief's sentences one per line (no headline, no link): the format the
 * ROUGE scorer in shared/eval/summaries reads.
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { summarize } from "../../brief/index.ts";
import type { BriefOptions } from "../../brief/index.ts";
import { CliError, describeFileError } from "../errors.ts";

export interface InputRow {
  id: string | number;
  title?: string;
  text: string;
}

export interface SummaryRow {
  id: string | number;
  /** The brief's sentences, one per line. */
  summary: string;
}

/** The command's defaults: the brief the bot sends. */
export const SUMMARIZE_DEFAULTS = { maxSentences: 4, maxWords: 90 } as const;

export function registerSummarizeCommand(program: Command): void {
  program
    .command("summarize")
    .description("Summarize JSONL rows {id, title?, text} into rows {id, summary} (sentences one per line) on stdout")
    .argument("<in.jsonl>", 'input file, or "-" for stdin')
    .option(
      "--max-sentences <n>",
      "at most this many sentences (1 for a one-sentence brief)",
      positiveInt,
      SUMMARIZE_DEFAULTS.maxSentences,
    )
    .option("--max-words <n>", "word budget of each summary", positiveInt, SUMMARIZE_DEFAULTS.maxWords)
    .action((path: string, flags: { maxSentences: number; maxWords: number }) => {
      const rows = summarizeRows(readRows(path), { maxSentences: flags.maxSentences, maxWords: flags.maxWords });
      process.stdout.write(rows.map((row) => `${JSON.stringify(row)}\n`).join(""));
    });
}

/** What the command prints, as rows (also used in-process by bench/eval-summaries.ts). */
export function summarizeRows(rows: readonly InputRow[], options: BriefOptions = SUMMARIZE_DEFAULTS): SummaryRow[] {
  return rows.map((row) => ({ id: row.id, summary: summarize(row.text, row.title, options).join("\n") }));
}

/** Reads and checks every row before anything is written, so a bad line loses no output. */
export function readRows(path: string): InputRow[] {
  let content: string;
  try {
    content = readFileSync(path === "-" ? 0 : path, "utf8");
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${describeFileError(error)}`);
  }
  const rows: InputRow[] = [];
  const lines = content.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    if (!line) continue;
    const where = `${path}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new CliError(`${where}: not valid JSON (${(error as Error).message})`);
    }
    rows.push(checkRow(value, where));
  }
  return rows;
}

function checkRow(value: unknown, where: string): InputRow {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new CliError(`${where}: expected an object {id, title?, text}`);
  }
  const row = value as Record<string, unknown>;
  const { id, title, text } = row;
  if (typeof id !== "string" && typeof id !== "number") throw new CliError(`${where}: "id" must be a string or a number`);
  if (typeof text !== "string") throw new CliError(`${where}: "text" must be a string`);
  if (title !== undefined && title !== null && typeof title !== "string") {
    throw new CliError(`${where}: "title" must be a string when given`);
  }
  return { id, text, ...(typeof title === "string" ? { title } : {}) };
}

function positiveInt(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new CliError(`expected a positive whole number, got "${value}"`);
  return number;
}
