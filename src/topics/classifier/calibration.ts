/**
 * Turns raw class scores (SVM margins, Naive Bayes log-odds) into honest
 * probabilities by temperature scaling (Guo et al. 2017): p = softmax(T · scores),
 * with the one number T chosen to minimize the log-loss on held-out scores.
 * The ranking of labels never changes; only how sure the model says it is.
 */
import { softmax } from "./linear.ts";

const MIN_TEMPERATURE = 1e-3;
const MAX_TEMPERATURE = 1e3;

/** Mean negative log-likelihood of the gold classes under softmax(T · scores). */
function logLoss(scores: readonly Float64Array[], gold: readonly number[], temperature: number): number {
  let sum = 0;
  scores.forEach((s, i) => {
    const p = softmax(s.map((v) => v * temperature));
    sum -= Math.log(Math.max(p[gold[i] as number] as number, 1e-300));
  });
  return sum / Math.max(scores.length, 1);
}

/**
 * The temperature with the lowest log-loss. The loss is convex in T, hence
 * unimodal in log T, so a golden-section search over log T finds it.
 */
export function fitTemperature(scores: readonly Float64Array[], gold: readonly number[]): number {
  let lo = Math.log(MIN_TEMPERATURE);
  let hi = Math.log(MAX_TEMPERATURE);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = hi - ratio * (hi - lo);
  let b = lo + ratio * (hi - lo);
  let fa = logLoss(scores, gold, Math.exp(a));
  let fb = logLoss(scores, gold, Math.exp(b));
  for (let step = 0; step < 60 && hi - lo > 1e-4; step++) {
    if (fa <= fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - ratio * (hi - lo);
      fa = logLoss(scores, gold, Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + ratio * (hi - lo);
      fb = logLoss(scores, gold, Math.exp(b));
    }
  }
  return Math.exp((lo + hi) / 2);
}
