/** Word shingles (runs of k consecutive words) hashed to 32-bit integers. */
import { words } from "./normalize.ts";

/** The distinct hashed k-word shingles of a text; a text shorter than k words is one shingle. */
export function shingleHashes(text: string, k: number): Uint32Array {
  const tokens = words(text);
  if (tokens.length === 0) return new Uint32Array(0);
  const count = Math.max(1, tokens.length - k + 1);
  const seen = new Set<number>();
  for (let i = 0; i < count; i++) seen.add(hashString(tokens.slice(i, i + k).join(" ")));
  return Uint32Array.from(seen);
}

/** FNV-1a over UTF-16 code units, then murmur3's finaliser to spread the bits. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** murmur3 fmix32: every input bit affects every output bit. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
