export { canonicalUrl } from "./canonical-url.ts";
export { contentHash } from "./content-hash.ts";
export { NEAR_DUPLICATE_THRESHOLD, fingerprint, similarity } from "./fingerprint.ts";
