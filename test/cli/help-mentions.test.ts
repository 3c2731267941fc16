/**
 * Every `newsbrief …` command line the help texts, the CLI's messages and the README show a user
 * must run: each command exists and each option it names is one that command takes.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli/index.ts";

const ROOT = join(import.meta.dirname, "../..");

function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(allCommands)];
}

function optionNames(command: Command): Set<string> {
  const names = new Set(["--help", "-h"]);
  for (const option of command.options) {
    if (option.long) names.add(option.long);
    if (option.short) names.add(option.short);
  }
  return names;
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}

/** What is wrong with one mention (the words after "newsbrief"), or undefined when it holds. */
export function checkMention(program: Command, mention: string): string | undefined {
  const tokens = mention.trim().split(/\s+/).filter(Boolean);
  let command = program;
  let i = 0;
  for (; i < tokens.length; i++) {
    const sub = command.commands.find((c) => c.name() === tokens[i] || c.aliases().includes(tokens[i] as string));
    if (!sub) break;
    command = sub;
  }
  const options = optionNames(command);
  for (; i < tokens.length; i++) {
    const token = (tokens[i] as string).replace(/^\[/, "").replace(/[\]:.,;]+$/, "").split("=")[0] as string;
    if (!/^--?[a-zA-Z]/.test(token)) {
      // A placeholder (<file>, [out-dir]) or an option's value keeps the command line going; prose ends it.
      if (/^[<[]/.test(tokens[i] as string) || i > 0 && /^--?[a-zA-Z]/.test(tokens[i - 1] as string)) continue;
      break;
    }
    if (!options.has(token)) return `"newsbrief ${mention.trim()}": ${commandPath(command)} has no option ${token}`;
  }
  return undefined;
}

/** The words after each "newsbrief" in a text, up to the end of the line or of a `code` span. */
function mentions(text: string): string[] {
  return [...text.matchAll(/\bnewsbrief((?:[ \t]+[^\s`"'()|]+)+)/g)].map((m) => m[1] as string);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith(".ts") ? [path] : [];
  });
}

describe("command lines shown to users", () => {
  const program = buildProgram();

  it("the checker itself catches an option that does not exist, and passes real ones", () => {
    expect(checkMention(program, "extract --json")).toMatch(/has no option --json/);
    expect(checkMention(program, "topics assign <article.json> --modell f")).toMatch(/has no option --modell/);
    expect(checkMention(program, "extract --batch <in-dir> <out-dir>")).toBeUndefined();
    expect(checkMention(program, "topics assign <article.json> [--model f]")).toBeUndefined();
    expect(checkMention(program, "--version")).toBeUndefined();
  });

  it("every help text names only options that exist", () => {
    const problems: string[] = [];
    for (const command of allCommands(program)) {
      // Wide enough that no command line is wrapped in the middle.
      command.configureHelp({ helpWidth: 10_000 });
      const help = command.helpInformation();
      for (const mention of mentions(help)) {
        const problem = checkMention(program, mention);
        if (problem) problems.push(`${command.name()} --help: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
    // The walk did read every command's help: each one lists its own name.
    expect(allCommands(program).map((c) => c.name())).toEqual(expect.arrayContaining(["extract", "brief", "summarize", "train", "assign"]));
  });

  it("the CLI's messages and the README name only options that exist", () => {
    const files = [...sourceFiles(join(ROOT, "src")), join(ROOT, "README.md")];
    const problems: string[] = [];
    for (const file of files) {
      for (const mention of mentions(readFileSync(file, "utf8"))) {
        const problem = checkMention(program, mention);
        if (problem) problems.push(`${file.slice(ROOT.length + 1)}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
