/**
 * "One story once": how well near-duplicate fingerprints tell the same story
 * republished by another outlet from a different story about the same event.
 *
 * Positives: each dev article published by two synthetic outlets (bench/dedup/outlets.ts:
 * own header, byline and footer lines, "Advertisement" breaks, a changed headline,
 * a paragraph cut or added, a few words edited), once against the untouched wire
 * copy and once with both sides edited.
 * Negatives: different articles about the SAME event (ECB+ clusters, the hardest
 * case), the same kind of event (ECB+ topic, other event), and random pairs of
 * the summaries dev set, wrapped in the same outlet templates, half of them in
 * the SAME outlet's template (its boilerplate shared on both sides).
 *
 * For MinHash and SimHash at several shingle sizes: ROC AUC, then precision and
 * recall with the threshold picked by 5-fold cross-validation (F1 on four folds,
 * scored on the fifth), then the shipped fingerprint's threshold and the ROC
 * around it. Reads ../shared/eval (relative to the repository root).
 * Run: npm run eval:dedup
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { NEAR_DUPLICATE_THRESHOLD, fingerprint, similarity } from "../src/ingest/dedup/index.ts";
import { minhashSignature, minhashSimilarity } from "../src/ingest/dedup/minhash.ts";
import { shingleHashes } from "../src/ingest/dedup/shingles.ts";
import { outlets, paragraphs, publishAs, rngFrom, type Article, type Outlet, type Rng } from "./dedup/outlets.ts";
import { simhash, simhashSimilarity } from "./dedup/simhash.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const ECB = resolve(root, "..", "shared", "eval", "related", "ecbplus.dev.jsonl");
const SUMMARIES = resolve(root, "..", "shared", "eval", "summaries", "dev.jsonl");
for (const path of [ECB, SUMMARIES]) {
  if (!existsSync(path)) {
    console.error(`eval:dedup needs ${path} (the shared dev sets beside the repository); it is missing.`);
    process.exit(1);
  }
}

interface EcbRow { id: string; title: string; text: string; cluster: string; topic: string }
interface SummaryRow { id: string; title?: string; text: string }
const readJsonl = <T>(path: string): T[] =>
  readFileSync(path, "utf8").split("\n").filter((line) => line.trim()).map((line) => JSON.parse(line) as T);

/** Below this an article is a headline and a line (ECB+ has some with no text at all): nothing to fingerprint. */
const MIN_WORDS = 50;
const long = (article: { text: string }): boolean => article.text.split(/\s+/).length >= MIN_WORDS;
const ecb = readJsonl<EcbRow>(ECB).filter(long);
const summaries = readJsonl<SummaryRow>(SUMMARIES).filter(long).map((row): Article => {
  if (row.title) return { id: row.id, title: row.title, text: row.text };
  // No headline in the data: its lead words stand in for one.
  return { id: row.id, title: row.text.split(/\s+/).slice(0, 10).join(" "), text: row.text };
});

type Kind = "positive" | "same-event" | "same-topic" | "random";
interface Pair { kind: Kind; a: string; b: string; fold: number }

const rng = rngFrom(20260601);
const templates = outlets(rng);
const everyArticle: Article[] = [...ecb, ...summaries];
const foldOf = new Map(everyArticle.map((article) => [article.id, Math.floor(rng() * 5)]));
const pick = <T>(r: Rng, values: readonly T[]): T => values[Math.floor(r() * values.length)] as T;
const fillerFor = (article: Article): string => {
  let other = pick(rng, everyArticle);
  while (other.id === article.id) other = pick(rng, everyArticle);
  return pick(rng, paragraphs(other.text, rng)) ?? other.title;
};
function twoOutlets(same: boolean): [Outlet, Outlet] {
  const first = pick(rng, templates);
  if (same) return [first, first];
  let second = pick(rng, templates);
  while (second === first) second = pick(rng, templates);
  return [first, second];
}

const pairs: Pair[] = [];
for (const article of everyArticle) {
  const fold = foldOf.get(article.id) as number;
  const [x, y] = twoOutlets(false);
  pairs.push({ kind: "positive", fold, a: publishAs(x, article, fillerFor(article), rng, false), b: publishAs(y, article, fillerFor(article), rng, true) });
  const [u, v] = twoOutlets(false);
  pairs.push({ kind: "positive", fold, a: publishAs(u, article, fillerFor(article), rng, true), b: publishAs(v, article, fillerFor(article), rng, true) });
}
const negative = (kind: Kind, first: Article, second: Article, index: number): void => {
  const [x, y] = twoOutlets(index % 2 === 0);
  pairs.push({ kind, fold: foldOf.get(first.id) as number, a: publishAs(x, first, "", rng, false), b: publishAs(y, second, "", rng, false) });
};
/**
 * ECB+ clusters also hold one wire text printed by two papers: the same article, not
 * different ones. Pairs whose raw texts share most of their 3-word shingles (exact
 * containment of the shorter in the longer, as high as the synthetic copies reach)
 * are set aside as copies, not counted as negatives.
 */
const COPY_CONTAINMENT = 0.6;
function containment(a: string, b: string): number {
  const sa = new Set(shingleHashes(a, 3));
  const sb = new Set(shingleHashes(b, 3));
  let shared = 0;
  for (const h of sb) if (sa.has(h)) shared++;
  return shared / Math.min(sa.size, sb.size);
}
const corpusCopies: Array<{ a: EcbRow; b: EcbRow }> = [];
let index = 0;
const sameTopic: Array<[EcbRow, EcbRow]> = [];
for (let i = 0; i < ecb.length; i++) {
  for (let j = i + 1; j < ecb.length; j++) {
    const first = ecb[i] as EcbRow;
    const second = ecb[j] as EcbRow;
    if (first.cluster !== second.cluster) {
      if (first.topic === second.topic) sameTopic.push([first, second]);
    } else if (containment(first.text, second.text) >= COPY_CONTAINMENT) corpusCopies.push({ a: first, b: second });
    else negative("same-event", first, second, index++);
  }
}
for (const [first, second] of sameTopic.filter(() => rng() < 0.5)) negative("same-topic", first, second, index++);
for (let n = 0; n < 3000; n++) {
  const first = pick(rng, summaries);
  const second = pick(rng, summaries);
  if (first.id !== second.id) negative("random", first, second, index++);
}

const count = (kind: Kind): number => pairs.filter((pair) => pair.kind === kind).length;
console.log(`pairs: ${count("positive")} positive (${everyArticle.length} articles x 2), negatives: ${count("same-event")} same event (ECB+ cluster), ${count("same-topic")} same topic/other event, ${count("random")} random (summaries dev)`);

console.log(`set aside: ${corpusCopies.length} same-event ECB+ pairs that are one text printed twice (raw 3-shingle containment >= ${COPY_CONTAINMENT}); articles under ${MIN_WORDS} words left out`);

/** A fingerprint method: signs each distinct text once, then compares signatures. */
interface Method { name: string; score: (a: string, b: string) => number }
function method<S>(name: string, sign: (text: string) => S, compare: (a: S, b: S) => number): Method {
  const cache = new Map<string, S>();
  const signed = (text: string): S => {
    let signature = cache.get(text);
    if (signature === undefined) {
      signature = sign(text);
      cache.set(text, signature);
    }
    return signature;
  };
  return { name, score: (a, b) => compare(signed(a), signed(b)) };
}
const methods: Method[] = [];
for (const k of [1, 2, 3, 4, 5]) {
  methods.push(method(`MinHash 128 slots, ${k}-word shingles`, (t) => minhashSignature(shingleHashes(t, k), 128), minhashSimilarity));
}
methods.push(method("MinHash 64 slots, 3-word shingles", (t) => minhashSignature(shingleHashes(t, 3), 64), minhashSimilarity));
for (const k of [1, 2, 3, 4]) {
  methods.push(method(`SimHash 64 bits, ${k}-word shingles`, (t) => simhash(shingleHashes(t, k)), simhashSimilarity));
}
methods.push(method("shipped: fingerprint() + similarity()", fingerprint, similarity));

interface Scored { positive: boolean; kind: Kind; fold: number; score: number }
const GRID = Array.from({ length: 101 }, (_, i) => i / 100);

function confusion(rows: Scored[], threshold: number): { tp: number; fp: number; fn: number; tn: number } {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const row of rows) {
    const yes = row.score >= threshold - 1e-9;
    if (row.positive) yes ? tp++ : fn++;
    else yes ? fp++ : tn++;
  }
  return { tp, fp, fn, tn };
}
const f1 = (c: ReturnType<typeof confusion>): number => (2 * c.tp) / (2 * c.tp + c.fp + c.fn || 1);

/** The F1-best threshold; ties (a gap between the classes) resolved to their middle, the widest margin. */
function bestThreshold(rows: Scored[]): number {
  const scores = GRID.map((t) => f1(confusion(rows, t)));
  const best = Math.max(...scores);
  const tied = GRID.filter((_, i) => (scores[i] as number) >= best - 1e-12);
  return tied[Math.floor((tied.length - 1) / 2)] as number;
}

function auc(rows: Scored[]): number {
  const pos = rows.filter((r) => r.positive).map((r) => r.score);
  const neg = rows.filter((r) => !r.positive).map((r) => r.score).sort((x, y) => x - y);
  let sum = 0;
  for (const p of pos) {
    let lo = 0, hi = neg.length, eqLo = 0;
    // count negatives below p and equal to p
    while (lo < hi) { const mid = (lo + hi) >> 1; if ((neg[mid] as number) < p) lo = mid + 1; else hi = mid; }
    eqLo = lo; hi = neg.length;
    let lo2 = eqLo;
    while (lo2 < hi) { const mid = (lo2 + hi) >> 1; if ((neg[mid] as number) <= p) lo2 = mid + 1; else hi = mid; }
    sum += eqLo + (lo2 - eqLo) / 2;
  }
  return sum / (pos.length * neg.length);
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
let shipped: Scored[] = [];
console.log("\nmethod                                   AUC     CV precision  CV recall  CV F1   threshold (per fold)   max negative   ms per pair (signing both)");
for (const method of methods) {
  const started = performance.now();
  const rows: Scored[] = pairs.map((pair) => ({ positive: pair.kind === "positive", kind: pair.kind, fold: pair.fold, score: method.score(pair.a, pair.b) }));
  const msPerPair = (performance.now() - started) / pairs.length;
  let tp = 0, fp = 0, fn = 0;
  const thresholds: number[] = [];
  for (let fold = 0; fold < 5; fold++) {
    const threshold = bestThreshold(rows.filter((r) => r.fold !== fold));
    thresholds.push(threshold);
    const c = confusion(rows.filter((r) => r.fold === fold), threshold);
    tp += c.tp; fp += c.fp; fn += c.fn;
  }
  const maxNegative = Math.max(...rows.filter((r) => !r.positive).map((r) => r.score));
  console.log(
    `${method.name.padEnd(40)} ${auc(rows).toFixed(4)}  ${pct(tp / (tp + fp || 1)).padStart(12)}  ${pct(tp / (tp + fn)).padStart(9)}  ${(2 * tp / (2 * tp + fp + fn)).toFixed(3)}   ${thresholds.map((t) => t.toFixed(2)).join(" ")}   ${maxNegative.toFixed(3).padStart(12)}   ${msPerPair.toFixed(3)}`,
  );
  if (method.name.startsWith("shipped")) shipped = rows;
}

console.log(`\nshipped fingerprint at NEAR_DUPLICATE_THRESHOLD = ${NEAR_DUPLICATE_THRESHOLD} (refit on all pairs: ${bestThreshold(shipped).toFixed(2)})`);
const at = confusion(shipped, NEAR_DUPLICATE_THRESHOLD);
const copiesJoined = corpusCopies.filter(({ a, b }) => {
  const [x, y] = twoOutlets(false);
  return similarity(fingerprint(publishAs(x, a, "", rng, false)), fingerprint(publishAs(y, b, "", rng, false))) >= NEAR_DUPLICATE_THRESHOLD;
}).length;
console.log(`ECB+ texts printed twice (set aside above): ${copiesJoined}/${corpusCopies.length} joined`);
console.log(`precision ${pct(at.tp / (at.tp + at.fp || 1))}  recall ${pct(at.tp / (at.tp + at.fn))}  (tp ${at.tp}, fp ${at.fp}, fn ${at.fn}, tn ${at.tn})`);
for (const kind of ["same-event", "same-topic", "random"] as const) {
  const rows = shipped.filter((r) => r.kind === kind);
  const merged = rows.filter((r) => r.score >= NEAR_DUPLICATE_THRESHOLD - 1e-9).length;
  const scores = rows.map((r) => r.score).sort((x, y) => x - y);
  console.log(`  ${kind.padEnd(10)} wrongly joined ${merged}/${rows.length}; similarity median ${(scores[scores.length >> 1] as number).toFixed(3)}, max ${(scores[scores.length - 1] as number).toFixed(3)}`);
}
const posScores = shipped.filter((r) => r.positive).map((r) => r.score).sort((x, y) => x - y);
console.log(`  positives  similarity min ${(posScores[0] as number).toFixed(3)}, 5th percentile ${(posScores[Math.floor(posScores.length * 0.05)] as number).toFixed(3)}, median ${(posScores[posScores.length >> 1] as number).toFixed(3)}`);
console.log("\nROC around the threshold (shipped fingerprint):\nthreshold  TPR (recall)  FPR     precision");
for (const t of GRID.filter((t) => Math.abs(t - NEAR_DUPLICATE_THRESHOLD) <= 0.12 + 1e-9 && Math.round((t - NEAR_DUPLICATE_THRESHOLD) * 100) % 2 === 0)) {
  const c = confusion(shipped, t);
  console.log(`${t.toFixed(2).padStart(9)}  ${pct(c.tp / (c.tp + c.fn)).padStart(12)}  ${pct(c.fp / (c.fp + c.tn)).padStart(6)}  ${pct(c.tp / (c.tp + c.fp || 1)).padStart(9)}`);
}

// Cost in the ingestion path: one fingerprint per new article, one similarity per stored candidate.
{
  const texts = pairs.slice(0, 2000).map((pair) => pair.b);
  let started = performance.now();
  const prints = texts.map((text) => fingerprint(text));
  const perFingerprint = (performance.now() - started) / texts.length;
  started = performance.now();
  let sink = 0;
  for (let i = 0; i < 200_000; i++) sink += similarity(prints[i % prints.length] as string, prints[(i * 7 + 1) % prints.length] as string);
  const perCompare = (performance.now() - started) / 200_000;
  const words = texts.reduce((sum, text) => sum + text.split(/\s+/).length, 0) / texts.length;
  console.log(`\nfingerprint(): ${perFingerprint.toFixed(3)} ms per article (${Math.round(words)} words on average); similarity(): ${(perCompare * 1000).toFixed(2)} µs per pair${sink < 0 ? "" : ""}`);
}
