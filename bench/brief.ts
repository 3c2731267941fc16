/**
 * Briefs per second over the summaries dev file, in one process (issue 4 target: >= 500/s).
 * Measures buildBrief (segment, clean, score, select) and buildBrief + renderBrief.
 *   npm run bench:brief [-- path/to/dev.jsonl] [--rounds N]
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildBrief, renderBrief } from "../src/brief/index.ts";
import type { Article } from "../src/extract/article.ts";
import { createI18n, translatorFor } from "../src/i18n/index.ts";

const DEFAULT_DEV = fileURLToPath(new URL("../../shared/eval/summaries/dev.jsonl", import.meta.url));
const args = process.argv.slice(2);
const roundsFlag = args.indexOf("--rounds");
const rounds = roundsFlag >= 0 ? Number(args[roundsFlag + 1]) : 5;
const path = args.find((arg, i) => !arg.startsWith("--") && args[i - 1] !== "--rounds") ?? DEFAULT_DEV;

interface Row {
  id: string;
  url?: string;
  title?: string;
  text: string;
}

if (!existsSync(path)) {
  console.error(`no dev file at ${path}: the summaries eval set is expected in ../shared/eval/summaries beside the repository (or pass a path)`);
  process.exit(2);
}
const rows = readFileSync(path, "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as Row);
const articles: Article[] = rows.map((row) => ({
  url: row.url ?? "https://example.com/",
  title: row.title ?? "",
  authors: [],
  tags: [],
  links: [],
  articleBody: row.text,
  published: "2025-03-23T10:00:00Z",
}));
const t = translatorFor(createI18n({ defaultLocale: "en" }), "en");
const now = new Date("2025-03-23T12:00:00Z");

function measure(label: string, run: (article: Article) => unknown): void {
  for (const article of articles) run(article); // warm-up: JIT and the stem caches
  const start = process.hrtime.bigint();
  for (let round = 0; round < rounds; round++) for (const article of articles) run(article);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const count = rounds * articles.length;
  console.log(
    `${label.padEnd(24)} ${count} briefs in ${seconds.toFixed(2)} s: ${(count / seconds).toFixed(0)} briefs/s (${((seconds / count) * 1000).toFixed(2)} ms each)`,
  );
}

const words = articles.reduce((sum, article) => sum + article.articleBody.split(/\s+/).length, 0);
console.log(`${articles.length} articles from ${path}, ${Math.round(words / articles.length)} words on average, ${rounds} rounds`);
measure("buildBrief", (article) => buildBrief(article, { tags: ["News"] }));
measure("buildBrief + renderBrief", (article) =>
  renderBrief(buildBrief(article, { tags: ["News"] }), { t, now, locale: "en", as: "message" }),
);

/**
 * Large articles (issue 15): a page of repeated text, 1 to 30 MB, generated here. The brief reads a
 * bounded head of the body (MAX_BRIEF_INPUT_CHARS), so its time and memory must stay flat as the
 * article grows; the figures below show it.
 */
const paragraph =
  "The council met on Tuesday evening, and after a long debate it voted to keep the library open on Sundays for another year. " +
  "Residents who had campaigned for months said they were relieved. ";
console.log(`\nlarge articles (repeated text, one brief each; heap growth while briefing)`);
for (const megabytes of [1, 10, 30]) {
  // Through a Buffer so the body is one flat string, as a page read from the network is (repeat() builds a rope).
  const body = Buffer.from(`${paragraph.repeat(6)}\n\n`.repeat(Math.ceil((megabytes * 1024 * 1024) / (paragraph.length * 6 + 2)))).toString();
  const article: Article = { url: "https://example.com/big", title: "Library stays open", authors: [], tags: [], links: [], articleBody: body };
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = process.hrtime.bigint();
  const brief = buildBrief(article, { tags: ["News"] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const heapGrowth = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  console.log(
    `${String(megabytes).padStart(3)} MB article  ${ms.toFixed(1).padStart(7)} ms  heap +${heapGrowth.toFixed(1)} MB  ${brief.sentences.length} sentences`,
  );
}
