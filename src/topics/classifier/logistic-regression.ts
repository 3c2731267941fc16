/**
 * Multinomial logistic regression trained by stochastic gradient descent with
 * L2 regularization (Bottou's learning-rate schedule, lazy weight decay through
 * a shared scale factor so a sparse update costs only its non-zero features).
 * The example order comes from a seeded shuffle: the same data always gives
 * the same model.
 */
import { softmax, type LinearWeights } from "./linear.ts";
import { seededRandom, shuffled } from "./random.ts";
import type { SparseVector } from "./vectorizer.ts";

export interface LogisticRegressionOptions {
  epochs: number;
  /** L2 regularization strength. */
  l2: number;
  /** Initial learning rate. */
  learningRate: number;
  seed: number;
}

export function trainLogisticRegression(
  vectors: readonly SparseVector[],
  labels: readonly number[],
  classCount: number,
  featureCount: number,
  options: LogisticRegressionOptions,
): LinearWeights {
  const weights = Array.from({ length: classCount }, () => new Float64Array(featureCount));
  const bias = new Float64Array(classCount);
  const random = seededRandom(options.seed);
  const order = vectors.map((_, i) => i);
  let scale = 1;
  let step = 0;
  const raw = new Float64Array(classCount);

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const d of shuffled(order, random)) {
      const x = vectors[d] as SparseVector;
      const y = labels[d] as number;
      const rate = options.learningRate / (1 + options.learningRate * options.l2 * step++);

      for (let c = 0; c < classCount; c++) {
        const w = weights[c] as Float64Array;
        let sum = 0;
        for (let k = 0; k < x.indices.length; k++) sum += (w[x.indices[k] as number] as number) * (x.values[k] as number);
        raw[c] = sum * scale + (bias[c] as number);
      }
      const p = softmax(raw);

      // Decay first, then apply the loss gradient at the new scale.
      scale *= 1 - rate * options.l2;
      for (let c = 0; c < classCount; c++) {
        const gradient = (p[c] as number) - (c === y ? 1 : 0);
        if (gradient === 0) continue;
        const w = weights[c] as Float64Array;
        const delta = (rate * gradient) / scale;
        for (let k = 0; k < x.indices.length; k++) {
          const i = x.indices[k] as number;
          w[i] = (w[i] as number) - delta * (x.values[k] as number);
        }
        bias[c] = (bias[c] as number) - rate * gradient;
      }
      // Fold the scale back in before it underflows.
      if (scale < 1e-9) {
        for (const w of weights) for (let i = 0; i < w.length; i++) w[i] = (w[i] as number) * scale;
        scale = 1;
      }
    }
  }
  for (const w of weights) for (let i = 0; i < w.length; i++) w[i] = (w[i] as number) * scale;
  return { weights, bias };
}
