import { Command } from "commander";
import { expect, vi } from "vitest";
import { CliError } from "../../src/cli/errors.ts";

export interface CommandOutput {
  stdout: string;
  stderr: string;
}

/**
 * Runs CLI commands in-process, as `newsbrief <args>` would, capturing what they print.
 * Errors (a CliError for the user's mistakes) are thrown as the real CLI would see them.
 */
export async function runCommand(registers: ReadonlyArray<(program: Command) => void>, args: readonly string[]): Promise<CommandOutput> {
  const { error, ...output } = await runCommandSettled(registers, args);
  if (error !== undefined) throw error;
  return output;
}

/** As `runCommand`, but a command that fails still gives what it printed before, with its error. */
export async function runCommandSettled(registers: ReadonlyArray<(program: Command) => void>, args: readonly string[]): Promise<CommandOutput & { error?: unknown }> {
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
    return output;
  } catch (error) {
    return { ...output, error };
  } finally {
    vi.restoreAllMocks();
  }
}

/** The one-line message of a command that must fail with a CliError, as the user would read it. */
export async function commandFailure(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CliError);
  return (error as CliError).message;
}
