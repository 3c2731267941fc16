/**
 * 64-bit SimHash (Charikar), the alternative MinHash was measured against in
 * bench/dedup.ts: each shingle votes +1/-1 on 64 bits; similarity is the share
 * of equal bits, which estimates 1 - angle/π between the shingle vectors.
 */
import { mix32 } from "../../src/ingest/dedup/shingles.ts";

export function simhash(shingles: Uint32Array): [number, number] {
  const votes = new Int32Array(64);
  for (const shingle of shingles) {
    const lo = shingle;
    const hi = mix32(shingle ^ 0x5bd1e995);
    for (let bit = 0; bit < 32; bit++) {
      votes[bit] = (votes[bit] as number) + ((lo >>> bit) & 1 ? 1 : -1);
      votes[bit + 32] = (votes[bit + 32] as number) + ((hi >>> bit) & 1 ? 1 : -1);
    }
  }
  let lo = 0;
  let hi = 0;
  for (let bit = 0; bit < 32; bit++) {
    if ((votes[bit] as number) > 0) lo |= 1 << bit;
    if ((votes[bit + 32] as number) > 0) hi |= 1 << bit;
  }
  return [lo >>> 0, hi >>> 0];
}

export function simhashSimilarity(a: [number, number], b: [number, number]): number {
  return 1 - (popcount(a[0] ^ b[0]) + popcount(a[1] ^ b[1])) / 64;
}

function popcount(value: number): number {
  let v = value >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
