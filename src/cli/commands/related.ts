/**
 * `newsbrief related <in.jsonl> [--k 10]`: indexes the rows {id, title, text, date?} as an archive,
 * then prints for each row, in input order, {"id": …, "related": [ids, best first]} — the row
 * itself left out — one JSON line per row. The same ranking /related uses in the bot.
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { RelatedIndex } from "../../related/index.ts";
import { CliError, describeFileError } from "../errors.ts";

type RowId = string | number;

interface Row {
  id: RowId;
  title: string;
  text: string;
  date: Date | null;
}

export function registerRelatedCommand(program: Command): void {
  program
    .command("related")
    .description("For each JSONL row {id, title, text, date?}, print the ids of the most related other rows, best first")
    .argument("<in.jsonl>", "the archive, one JSON object per line")
    .option("--k <n>", "how many related ids to print per row", "10")
    .action((input: string, flags: { k: string }) => {
      const k = Number(flags.k);
      if (!Number.isInteger(k) || k < 1) throw new CliError(`--k: expected a whole number of 1 or more, got "${flags.k}"`);
      const rows = readRows(input);
      const index = new RelatedIndex();
      for (const row of rows) index.add({ id: String(row.id), title: row.title, text: row.text, date: row.date });
      index.seal();
      const lines = rows.map((row, doc) => {
        const related = index.similarTo(doc, { k }).map((hit) => rows[hit.doc]!.id);
        return JSON.stringify({ id: row.id, related });
      });
      process.stdout.write(lines.length > 0 ? `${lines.join("\n")}\n` : "");
    });
}

function readRows(file: string): Row[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new CliError(`${file}: ${describeFileError(error)}`);
  }
  const rows: Row[] = [];
  const seen = new Set<string>();
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${file}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new CliError(`${where}: not valid JSON`);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new CliError(`${where}: expected a JSON object {id, title, text}`);
    const row = value as Record<string, unknown>;
    if (typeof row.id !== "string" && typeof row.id !== "number") throw new CliError(`${where}: "id" must be a string or a number`);
    if (seen.has(String(row.id))) throw new CliError(`${where}: id ${JSON.stringify(row.id)} appears twice`);
    seen.add(String(row.id));
    if (row.title !== undefined && typeof row.title !== "string") throw new CliError(`${where}: "title" must be a string`);
    if (typeof row.text !== "string") throw new CliError(`${where}: "text" must be a string`);
    let date: Date | null = null;
    if (row.date !== undefined && row.date !== null) {
      date = typeof row.date === "string" || typeof row.date === "number" ? new Date(row.date) : new Date(Number.NaN);
      if (Number.isNaN(date.getTime())) throw new CliError(`${where}: "date" is not a date: ${JSON.stringify(row.date)}`);
    }
    rows.push({ id: row.id, title: row.title ?? "", text: row.text, date });
  });
  return rows;
}
