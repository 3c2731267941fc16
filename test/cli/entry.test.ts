/** The installed `newsbrief` command as a shell runs it: a real process, real pipes. */
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../store/helpers.ts";

const ROOT = join(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin/newsbrief.js");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `newsbrief <args>`; `onStdout` may act on the output as it arrives (e.g. close the pipe like `head`). */
function newsbrief(args: string[], onStdout?: (chunk: string, stdout: NodeJS.ReadableStream & { destroy(): void }) => void): Promise<Run> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    onStdout?.(chunk.toString(), child.stdout);
  });
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

describe("newsbrief (the installed command)", () => {
  it("prints the version from package.json with --version and -V", async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    for (const flag of ["--version", "-V"]) {
      const run = await newsbrief([flag]);
      expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    }
  }, 40_000);

  it("ends quietly with exit 0 when the reader closes the pipe early, as `| head -1` does", async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => JSON.stringify({ id: i, text: "Fire hit the market in the city centre on Sunday. Firefighters worked for hours to put it out." }));
    const input = join(tempDir(), "many.jsonl");
    writeFileSync(input, `${rows.join("\n")}\n`);
    let closed = false;
    const run = await newsbrief(["summarize", input], (_chunk, stdout) => {
      // Read the first chunk, then hang up.
      if (!closed) stdout.destroy();
      closed = true;
    });
    expect(closed).toBe(true);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  }, 30_000);
});
