import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { registerTopicsCommand } from "../../src/cli/commands/topics.ts";
import { seedArticle } from "./fixtures/seed-article.ts";
import { runCommand, type CommandOutput, commandFailure } from "../cli/run-command.ts";

/** Runs `newsbrief topics <args>` in-process. */
function run(...args: string[]): Promise<CommandOutput> {
  return runCommand([registerTopicsCommand], ["topics", ...args]);
}

afterEach(() => vi.restoreAllMocks());

const dir = mkdtempSync(join(tmpdir(), "newsbrief-topics-"));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const jsonl = (rows: object[]) => `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`;

const training = [
  ...["striker scores", "league match won", "coach praises team", "goal in final", "referee sends off striker", "club wins cup"].map((text, i) => ({ id: `s${i}`, title: "Sport", text, label: "sport" })),
  ...["shares rise", "bank profit falls", "merger agreed by investors", "market revenue grows", "quarterly profit beats", "investors buy shares"].map((text, i) => ({ id: `b${i}`, text, label: "business" })),
];

const failure = (...args: string[]): Promise<string> => commandFailure(() => run(...args));

describe("newsbrief topics train / predict", () => {
  it("trains a model file and predicts {id, label} rows on stdout", async () => {
    const model = join(dir, "model.json");
    const trained = await run("train", file("train.jsonl", jsonl(training)), "--model", model);
    expect(trained.stdout).toMatch(/^trained on 12 rows, 2 labels \(business, sport\) in .* s; model written to .*model\.json/);
    expect(JSON.parse(readFileSync(model, "utf8")).format).toBe("newsbrief-topic-classifier");

    const input = file("in.jsonl", jsonl([{ id: "x1", text: "the striker scored in the match" }, { id: 7, title: "Profit up", text: "investors cheer" }, { text: "bank shares" }]));
    const { stdout } = await run("predict", input, "--model", model);
    expect(stdout.trim().split("\n").map((line) => JSON.parse(line))).toEqual([
      { id: "x1", label: "sport" },
      { id: "7", label: "business" },
      { id: "3", label: "business" },
    ]);
  });

  it("accepts the eval files' rows, blank lines included", async () => {
    const rows = `\n${jsonl(training.slice(0, 3))}\n\n${jsonl(training.slice(6, 9))}`;
    const { stdout } = await run("train", file("blank.jsonl", rows), "--model", join(dir, "m2.json"));
    expect(stdout).toMatch(/trained on 6 rows/);
  });

  it("explains bad input in one line", async () => {
    const model = join(dir, "m3.json");
    expect(await failure("train", join(dir, "missing.jsonl"), "--model", model)).toMatch(/missing\.jsonl: no such file/);
    expect(await failure("train", file("bad.jsonl", `${JSON.stringify(training[0])}\n{"text": oops}\n`), "--model", model)).toMatch(/bad\.jsonl: line 2 is not valid JSON/);
    expect(await failure("train", file("nolabel.jsonl", jsonl([{ text: "a" }, { text: "b" }])), "--model", model)).toMatch(/no row has a "label"/);
    expect(await failure("train", file("somelabel.jsonl", jsonl([{ text: "a", label: "x" }, { text: "b" }, { text: "c", label: "y" }])), "--model", model)).toMatch(/1 rows have no "label" \(line 2\)/);
    expect(await failure("train", file("onelabel.jsonl", jsonl([{ text: "a", label: "x" }, { text: "b", label: "x" }])), "--model", model)).toMatch(/at least two labels/);
    expect(await failure("train", file("notext.jsonl", jsonl([{ id: 1, label: "x" }])), "--model", model)).toMatch(/line 1 has no "text"/);
    expect(await failure("train", file("array.jsonl", "[1,2]\n"), "--model", model)).toMatch(/line 1 is not a JSON object/);
    expect(await failure("train", file("empty.jsonl", "\n\n"), "--model", model)).toMatch(/no rows/);
    expect(await failure("predict", file("in2.jsonl", jsonl([{ text: "a" }])), "--model", file("notmodel.json", "{}"))).toMatch(/notmodel\.json: not a newsbrief topic model/);
    expect(await failure("predict", file("in3.jsonl", jsonl([{ text: "a" }])), "--model", file("garbage.json", "{"))).toMatch(/invalid JSON/);
  });
});

describe("newsbrief topics cv", () => {
  it("prints accuracy and macro-F1 and writes out-of-fold predictions for the scorer", async () => {
    const predictions = join(dir, "oof.jsonl");
    const { stdout } = await run("cv", file("cv.jsonl", jsonl(training)), "--folds", "3", "--predictions", predictions);
    expect(stdout).toMatch(/12 rows, 3-fold cross-validation \(seed 1\)/);
    expect(stdout).toMatch(/macroF1 {3}\d\.\d{4}/);
    expect(stdout).toMatch(/ {2}business +P=/);
    const rows = readFileSync(predictions, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(rows.map((r) => r.id)).toEqual(training.map((r) => r.id));
  });

  it("repeats with consecutive seeds and prints the mean", async () => {
    const { stdout } = await run("cv", file("cv4.jsonl", jsonl(training)), "--folds", "3", "--repeats", "2", "--seed", "4");
    expect(stdout).toMatch(/\(seed 4\)[\s\S]*\(seed 5\)/);
    expect(stdout).toMatch(/mean macroF1 over 2 runs {2}\d\.\d{4} {2}\(\d\.\d{4}, \d\.\d{4}\)/);
  });

  it("rejects a bad fold count", async () => {
    expect(await failure("cv", file("cv2.jsonl", jsonl(training)), "--folds", "zero")).toMatch(/--folds: expected a whole number/);
    expect(await failure("cv", file("cv3.jsonl", jsonl(training.slice(4, 8))), "--folds", "5")).toMatch(/too few for 5 folds/);
  });
});

describe("newsbrief topics assign", () => {
  it("prints the seed article's topics with their reasons", async () => {
    const { stdout } = await run("assign", file("seed.json", JSON.stringify({ article: seedArticle })));
    const lines = stdout.trim().split("\n");
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(["china", "war-in-ukraine", "russia"]);
    expect(lines[0]).toMatch(/more-on: More on China/);
  });

  it("rejects JSON that is not an article", async () => {
    expect(await failure("assign", file("x.json", JSON.stringify({ foo: 1 })))).toMatch(/not an article/);
  });
});
