import type { Command } from "commander";

/** `newsbrief run`: the bot itself, exactly as `npm start` runs it. */
export function registerRunCommand(program: Command): void {
  program
    .command("run")
    .description("run the bot (settings from the environment and .env; same as npm start)")
    .action(async () => {
      await import("../../main.ts");
    });
}
