/** Entry point of the `newsbrief` command line (see bin/newsbrief.js). */
import { runCli } from "./index.ts";

process.exitCode = await runCli(process.argv.slice(2));
