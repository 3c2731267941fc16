import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";

export const silentLogger = pino({ level: "silent" });

/** A fresh folder for a test's database files. */
export function tempDir(prefix = "newsbrief-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
