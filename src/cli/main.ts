/** Entry point of the `newsbrief` command line (see bin/newsbrief.js). */
import { runCli } from "./index.ts";

// A reader that stops early (`newsbrief … | head`) closes the pipe: that is the reader's choice,
// not an error, so end quietly as other Unix tools do instead of printing an EPIPE stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2));
