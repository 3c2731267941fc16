/**
 * /related speed on a generated archive (issue 10 targets: >= 500 queries/s, p95 <= 20 ms,
 * memory <= 300 MB). 100,000 articles of ~300 words: Zipf-distributed vocabulary, events of
 * 2-12 stories sharing names and numbers, dates over a year. Prints index build time, memory
 * (heap and RSS growth after a full GC), /related queries per second and latency percentiles,
 * and the same for /search-style word queries.
 *   npm run bench:related [-- --articles 100000 --queries 2000]
 */
import { RelatedIndex } from "../src/related/index.ts";

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ARTICLES = flag("--articles", 100_000);
const QUERIES = flag("--queries", 2_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.warn("(run with node --expose-gc for exact memory figures; npm run bench:related does)");

/** A small deterministic generator, so every run measures the same archive. */
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const SYLLABLES = ["ka", "ro", "mi", "te", "sa", "lun", "der", "po", "vi", "ne", "tor", "al", "es", "gra", "fi", "mon", "ul", "ber", "ci", "do"];
const word = (i: number) => {
  let w = "";
  let n = i + 1;
  while (n > 0) {
    w += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  }
  return w;
};
const VOCABULARY = Array.from({ length: 40_000 }, (_, i) => word(i));
// Zipf: the cumulative weights of 1/rank, sampled by binary search.
const cumulative: number[] = [];
VOCABULARY.reduce((sum, _, i) => (cumulative.push(sum + 1 / (i + 1)), sum + 1 / (i + 1)), 0);
const zipf = () => {
  const x = random() * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return VOCABULARY[lo]!;
};
const capital = (w: string) => w[0]!.toUpperCase() + w.slice(1);

function article(event: { names: string[]; number: string }): { title: string; text: string } {
  const sentences: string[] = [];
  for (let s = 0; s < 20; s++) {
    const words = Array.from({ length: 15 }, () => (random() < 0.12 ? event.names[Math.floor(random() * event.names.length)]! : zipf()));
    if (random() < 0.3) words.push(event.number);
    sentences.push(capital(words.join(" ")) + ".");
  }
  const title = capital([event.names[0]!, zipf(), zipf(), event.names[1]!, zipf(), zipf()].join(" "));
  return { title, text: sentences.join(" ") };
}

const heap = () => {
  gc?.();
  return process.memoryUsage();
};
const { loadavg } = await import("node:os");
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on ${(await import("node:os")).cpus().length} cores (wall-clock figures stretch with other processes' load; CPU-second figures much less)`);
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;

const documents: Array<{ id: string; title: string; text: string; date: Date }> = [];
const start = Date.UTC(2026, 0, 1);
while (documents.length < ARTICLES) {
  const event = { names: Array.from({ length: 6 }, () => capital(word(40_000 + Math.floor(random() * 200_000)))), number: String(Math.floor(random() * 100_000)) };
  const size = 2 + Math.floor(random() * 11);
  const day = start + Math.floor(random() * 365) * 86_400_000;
  for (let i = 0; i < size && documents.length < ARTICLES; i++) {
    documents.push({ id: String(documents.length), ...article(event), date: new Date(day + Math.floor(random() * 3) * 86_400_000) });
  }
}
const textBytes = documents.reduce((sum, d) => sum + d.title.length + d.text.length, 0);
console.log(`archive: ${ARTICLES.toLocaleString("en")} generated articles, ${mb(textBytes)} of text (${Math.round(textBytes / ARTICLES)} characters each)`);

const before = heap();
let started = performance.now();
const index = new RelatedIndex();
for (const d of documents) index.add(d);
const addMs = performance.now() - started;
started = performance.now();
index.seal();
const sealMs = performance.now() - started;
const after = heap();
console.log(`index build: ${((addMs + sealMs) / 1000).toFixed(1)} s (${(addMs / 1000).toFixed(1)} s adding, ${(sealMs / 1000).toFixed(1)} s final weighing), ${Math.round(ARTICLES / ((addMs + sealMs) / 1000)).toLocaleString("en")} articles/s`);
console.log(`index memory: heap +${mb(after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers)}, RSS +${mb(after.rss - before.rss)} (RSS now ${mb(after.rss)}, the generated texts included)`);

function measure(name: string, query: (i: number) => unknown): void {
  for (let i = 0; i < 100; i++) query(i); // warm up the JIT
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
  const begun = performance.now();
  for (let i = 0; i < QUERIES; i++) {
    const t = performance.now();
    query(i);
    latencies.push(performance.now() - t);
  }
  const total = performance.now() - begun;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(2);
  console.log(`${name}: ${Math.round(QUERIES / (total / 1000)).toLocaleString("en")} queries/s, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms (${QUERIES} queries, k 10); ${Math.round(QUERIES / (cpuMs / 1000)).toLocaleString("en")} queries per CPU-second`);
}

const pick = (i: number) => Math.floor(((i * 2_654_435_761) >>> 0) % ARTICLES);
measure("/related (a stored story)", (i) => index.similarTo(pick(i), { k: 10 }));
measure("/related <words> (three words of a story)", (i) => {
  const d = documents[pick(i)]!;
  return index.similarToText({ title: "", text: d.title.split(" ").slice(0, 3).join(" ") }, { k: 10, now: new Date(start + 365 * 86_400_000) });
});
const final = heap();
console.log(`process: RSS ${mb(final.rss)}, heap ${mb(final.heapUsed)}`);
