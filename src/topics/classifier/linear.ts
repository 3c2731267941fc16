/**
 * Every model here scores a class as a dot product plus a bias: the linear SVM
 * (margins) and Complement Naive Bayes (log-odds) alike. One scorer and one
 * serialized form serve them both.
 */
import type { SparseVector } from "./vectorizer.ts";

export interface LinearWeights {
  /** weights[class][feature] */
  weights: Float64Array[];
  bias: Float64Array;
}

export function scores(model: LinearWeights, x: SparseVector): Float64Array {
  const out = Float64Array.from(model.bias);
  for (let c = 0; c < model.weights.length; c++) {
    const w = model.weights[c] as Float64Array;
    let sum = 0;
    for (let k = 0; k < x.indices.length; k++) sum += (w[x.indices[k] as number] as number) * (x.values[k] as number);
    out[c] = (out[c] as number) + sum;
  }
  return out;
}

/** Softmax in place-safe form (subtracting the max keeps exp from overflowing). */
export function softmax(values: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  const out = new Float64Array(values.length);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const e = Math.exp((values[i] as number) - max);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / sum;
  return out;
}
