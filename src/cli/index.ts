/**
 * The `newsbrief` command line. Each command lives in its own file under
 * `commands/` and registers itself on the program; this file only wires them.
 * The CLI is the one place in `src/` that writes to stdout directly.
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { CliError } from "./errors.ts";
import { registerRunCommand } from "./commands/run.ts";
import { registerSummarizeCommand } from "./commands/summarize.ts";
import { registerBriefCommand } from "./commands/brief.ts";
import { registerExtractCommand } from "./commands/extract.ts";
import { registerTopicsCommand } from "./commands/topics.ts";
import { registerIngestCommand } from "./commands/ingest.ts";
import { registerSourcesCommand } from "./commands/sources.ts";
import { registerDbCommand } from "./commands/db.ts";
import { registerRelatedCommand } from "./commands/related.ts";

export function buildProgram(): Command {
  const program = new Command()
    .name("newsbrief")
    .description("Turn news articles into short briefs and deliver them on Telegram.")
    .version(packageVersion(), "-V, --version", "print the version of newsbrief")
    .showHelpAfterError("(run `newsbrief --help` for the list of commands)")
    .exitOverride();

  registerRunCommand(program);
  registerSummarizeCommand(program);
  registerBriefCommand(program);
  registerExtractCommand(program);
  registerTopicsCommand(program);
  registerSourcesCommand(program);
  registerIngestCommand(program);
  registerDbCommand(program);
  registerRelatedCommand(program);

  return program;
}

/** The version in package.json: the one place it is written. */
function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: unknown };
  return typeof manifest.version === "string" ? manifest.version : "unknown";
}

export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliError) {
      process.stderr.write(`newsbrief: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

