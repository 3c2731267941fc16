/**
 * Multinomial Naive Bayes over term counts: the simple, well-understood
 * baseline (Manning et al., IR book ch. 13), with Laplace/Lidstone smoothing.
 */
import type { LinearWeights } from "./linear.ts";
import type { SparseVector } from "./vectorizer.ts";

export interface NaiveBayesOptions {
  /** Additive smoothing of term counts. */
  alpha: number;
}

export function trainNaiveBayes(
  vectors: readonly SparseVector[],
  labels: readonly number[],
  classCount: number,
  featureCount: number,
  options: NaiveBayesOptions,
): LinearWeights {
  const termCounts = Array.from({ length: classCount }, () => new Float64Array(featureCount));
  const documents = new Float64Array(classCount);
  vectors.forEach((x, d) => {
    const c = labels[d] as number;
    documents[c] = (documents[c] as number) + 1;
    const counts = termCounts[c] as Float64Array;
    for (let k = 0; k < x.indices.length; k++) {
      const i = x.indices[k] as number;
      counts[i] = (counts[i] as number) + (x.values[k] as number);
    }
  });
  const weights = termCounts.map((counts) => {
    let total = 0;
    for (const v of counts) total += v;
    const denominator = Math.log(total + options.alpha * featureCount);
    return Float64Array.from(counts, (v) => Math.log(v + options.alpha) - denominator);
  });
  const bias = Float64Array.from(documents, (n) => Math.log((n + 1) / (vectors.length + classCount)));
  return { weights, bias };
}
