// Starts a worker thread on a TypeScript module (workerData.entry): a worker does not inherit the
// parent's tsx loader, so it registers its own, as bin/newsbrief.js does for the CLI.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
