/**
 * MinHash: `slots` independent hash functions over a text's shingle set; the
 * share of slots where two signatures agree estimates the Jaccard similarity of
 * the two sets (standard error sqrt(J(1-J)/slots)). Each slot keeps the low
 * 16 bits of its minimum (b-bit MinHash): half the size, and two slots agree by
 * chance only 1 time in 65,536.
 */
import { mix32 } from "./shingles.ts";

const EMPTY = 0xffff;

/** The signature as `slots` 16-bit values; an empty set gives an empty signature. */
export function minhashSignature(shingles: Uint32Array, slots: number): Uint16Array {
  if (shingles.length === 0) return new Uint16Array(0);
  const minima = new Uint32Array(slots).fill(0xffffffff);
  for (const shingle of shingles) {
    // Slot i hashes with h1 + i*h2 (Kirsch & Mitzenmacher): two hashes make all of them.
    const h1 = shingle;
    const h2 = mix32(shingle ^ 0x9e3779b9) | 1;
    for (let i = 0; i < slots; i++) {
      const value = mix32((h1 + Math.imul(i, h2)) >>> 0);
      if (value < (minima[i] as number)) minima[i] = value;
    }
  }
  const signature = new Uint16Array(slots);
  for (let i = 0; i < slots; i++) signature[i] = (minima[i] as number) & EMPTY;
  return signature;
}

/** Share of agreeing slots; 0 when either is empty or they differ in length. */
export function minhashSimilarity(a: Uint16Array, b: Uint16Array): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
