/**
 * Near-duplicate fingerprints: the same story from several outlets (a wire
 * story, a syndicated piece) under different boilerplate, headline and edits.
 *
 * MinHash (128 slots) over 3-word shingles, chosen over 64-bit SimHash by
 * measurement (npm run eval:dedup): on the same pairs, ROC AUC 0.9998 against
 * 0.989 and cross-validated F1 0.983 against 0.925. SimHash's bit agreement
 * sits near 0.5 for unrelated texts and drifts towards it as soon as an outlet
 * adds its own lines, so copies and different stories overlap; MinHash
 * estimates the share of shared wording itself, which is near 0 for different
 * articles even about the same event.
 */
import { minhashSignature } from "./minhash.ts";
import { shingleHashes } from "./shingles.ts";

const SHINGLE_WORDS = 3;
const SLOTS = 128;
const HEX_PER_SLOT = 4;

/**
 * Similarity at or above which two texts are one story: the F1-best threshold
 * in 5-fold cross-validation, the same on every fold (npm run eval:dedup).
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.22;

/** 128 16-bit MinHash values as 512 hex digits; "" for a text with no words. */
export function fingerprint(text: string): string {
  const signature = minhashSignature(shingleHashes(text, SHINGLE_WORDS), SLOTS);
  let hex = "";
  for (const value of signature) hex += value.toString(16).padStart(HEX_PER_SLOT, "0");
  return hex;
}

/**
 * The estimated Jaccard similarity of the two texts' shingle sets, 0..1: the
 * share of slots that agree. 0 when either fingerprint is empty or not one of ours.
 */
export function similarity(a: string, b: string): number {
  const left = decodeFingerprint(a);
  const right = decodeFingerprint(b);
  return left && right ? signatureSimilarity(left, right) : 0;
}

/** A fingerprint's slots, for comparing one against many (decode once, compare as numbers). */
export type Signature = Uint16Array;

/** The slots of a fingerprint; undefined when it is empty or not one of ours. */
export function decodeFingerprint(hex: string): Signature | undefined {
  if (hex.length !== SLOTS * HEX_PER_SLOT) return undefined;
  const slots = new Uint16Array(SLOTS);
  for (let slot = 0; slot < SLOTS; slot++) {
    const value = Number.parseInt(hex.slice(slot * HEX_PER_SLOT, (slot + 1) * HEX_PER_SLOT), 16);
    if (Number.isNaN(value)) return undefined;
    slots[slot] = value;
  }
  return slots;
}

/** `similarity` of two decoded fingerprints: the share of slots that agree. */
export function signatureSimilarity(a: Signature, b: Signature): number {
  let same = 0;
  for (let slot = 0; slot < SLOTS; slot++) if (a[slot] === b[slot]) same++;
  return same / SLOTS;
}
