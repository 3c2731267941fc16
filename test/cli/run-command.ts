import { Command } from "commander";
import { vi } from "vitest";

export interface CommandOutput {
  stdout: string;
  stderr: string;
}

/**
 * Runs CLI commands in-process, as `newsbrief <args>` would, capturing what they print.
 * Errors (a CliError for the user's mistakes) are thrown as the real CLI would see them.
 */
export async function runCommand(registers: ReadonlyArray<(program: Command) => void>, args: readonly string[]): Promise<CommandOutput> {
  const program = new Command().name("newsbrief").exitOverride();
  for (const register of registers) register(program);
  const output: CommandOutput = { stdout: "", stderr: "" };
  const capture = (stream: keyof CommandOutput) => (chunk: string | Uint8Array) => {
    output[stream] += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(capture("stdout"));
  vi.spyOn(process.stderr, "write").mockImplementation(capture("stderr"));
  try {
    await program.parseAsync([...args], { from: "user" });
  } finally {
    vi.restoreAllMocks();
  }
  return output;
}
