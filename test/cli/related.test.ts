import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { registerRelatedCommand } from "../../src/cli/commands/related.ts";
import { CliError } from "../../src/cli/errors.ts";
import { runCommand } from "./run-command.ts";

const dir = mkdtempSync(join(tmpdir(), "newsbrief-related-"));
function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join("\n") + "\n");
  return path;
}
const run = (args: string[]) => runCommand([registerRelatedCommand], ["related", ...args]);

const rows = [
  { id: 7, title: "Sumatra earthquake", text: "A 6.1 earthquake struck Sumatra, Indonesia said." },
  { id: "b", title: "Quake in Sumatra", text: "The Sumatra earthquake of 6.1 shook Padang in Indonesia.", date: "2026-01-02" },
  { id: "c", title: "Lohan in rehab", text: "Lindsay Lohan checked into rehab in Malibu." },
  { id: "d", title: "Actress back to rehab", text: "Lohan entered a Malibu rehab clinic again." },
];

describe("newsbrief related", () => {
  it("prints one line per row in input order, ids as given, the row itself left out", async () => {
    const { stdout } = await run([file("rows.jsonl", rows.map((r) => JSON.stringify(r))), "--k", "1"]);
    expect(stdout.trim().split("\n").map((line) => JSON.parse(line))).toEqual([
      { id: 7, related: ["b"] },
      { id: "b", related: [7] },
      { id: "c", related: ["d"] },
      { id: "d", related: ["c"] },
    ]);
  });

  it("rejects bad rows and arguments with the line at fault", async () => {
    await expect(run([file("bad.jsonl", [JSON.stringify(rows[0]), "{oops"])])).rejects.toThrow(/bad\.jsonl:2: not valid JSON/);
    await expect(run([file("noid.jsonl", [JSON.stringify({ text: "x" })])])).rejects.toThrow(/"id" must be/);
    await expect(run([file("twice.jsonl", [JSON.stringify(rows[0]), JSON.stringify(rows[0])])])).rejects.toThrow(/appears twice/);
    await expect(run([file("date.jsonl", [JSON.stringify({ id: 1, text: "x", date: "soon" })])])).rejects.toThrow(/not a date/);
    await expect(run([file("ok.jsonl", [JSON.stringify(rows[0])]), "--k", "0"])).rejects.toThrow(CliError);
    await expect(run([join(dir, "missing.jsonl")])).rejects.toThrow(/no such file/);
  });
});
