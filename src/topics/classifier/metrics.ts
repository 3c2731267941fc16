/**
 * Measuring a classifier: stratified folds (seeded, so they are the same on
 * every run) and macro-F1, computed the way the eval folder's scorer computes
 * it (per-class F1 over the gold labels, averaged; a prediction outside the
 * gold labels only lowers recall).
 */
import { seededRandom, shuffled } from "./random.ts";

/** Fold number (0..folds-1) of each example; every class is spread evenly across folds. */
export function stratifiedFolds(labels: readonly string[], folds: number, seed: number): number[] {
  if (!Number.isInteger(folds) || folds < 2) throw new Error("cross-validation needs at least 2 folds");
  if (labels.length < folds) throw new Error(`cross-validation needs at least ${folds} examples for ${folds} folds`);
  const random = seededRandom(seed);
  const byLabel = new Map<string, number[]>();
  labels.forEach((label, i) => {
    const members = byLabel.get(label);
    if (members) members.push(i);
    else byLabel.set(label, [i]);
  });
  const fold = new Array<number>(labels.length).fill(0);
  let next = 0;
  for (const label of [...byLabel.keys()].sort()) {
    // Continue the round-robin across classes so small classes do not all start in fold 0.
    for (const i of shuffled(byLabel.get(label) ?? [], random)) fold[i] = next++ % folds;
  }
  return fold;
}

export interface ClassScore {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Scores {
  accuracy: number;
  macroF1: number;
  perClass: Record<string, ClassScore>;
}

export function score(gold: readonly string[], predicted: readonly string[]): Scores {
  const labels = [...new Set(gold)].sort();
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  let correct = 0;
  gold.forEach((y, i) => {
    const yh = predicted[i] ?? "";
    if (y === yh) {
      correct++;
      add(tp, y);
    } else {
      add(fn, y);
      add(fp, yh);
    }
  });
  const perClass: Record<string, ClassScore> = {};
  let f1Sum = 0;
  for (const label of labels) {
    const t = tp.get(label) ?? 0;
    const p = t + (fp.get(label) ?? 0) ? t / (t + (fp.get(label) ?? 0)) : 0;
    const r = t + (fn.get(label) ?? 0) ? t / (t + (fn.get(label) ?? 0)) : 0;
    const f1 = p + r ? (2 * p * r) / (p + r) : 0;
    perClass[label] = { precision: p, recall: r, f1, support: t + (fn.get(label) ?? 0) };
    f1Sum += f1;
  }
  return { accuracy: gold.length ? correct / gold.length : 0, macroF1: labels.length ? f1Sum / labels.length : 0, perClass };
}
