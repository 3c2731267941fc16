export { canonicalUrl } from "./canonical-url.ts";
export { contentHash } from "./content-hash.ts";
export { NEAR_DUPLICATE_THRESHOLD, decodeFingerprint, fingerprint, signatureSimilarity, similarity } from "./fingerprint.ts";
export type { Signature } from "./fingerprint.ts";
