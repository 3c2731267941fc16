/** Exact-duplicate test: the same text, whatever its case, spacing or punctuation. */
import { createHash } from "node:crypto";
import { words } from "./normalize.ts";

/** sha256 hex of the folded text; "" for text with no words. */
export function contentHash(text: string): string {
  const folded = words(text).join(" ");
  return folded ? createHash("sha256").update(folded, "utf8").digest("hex") : "";
}
