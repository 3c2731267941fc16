import { readFileSync } from "node:fs";

export function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/ingest/feeds/${name}`, import.meta.url), "utf8");
}
