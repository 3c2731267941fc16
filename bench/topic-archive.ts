/**
 * The topic model learned from the archive, on the shared topic dev sets (../shared/eval/topics):
 * 80% of each set is stored as articles its source's section labelled, the bot's TopicModel
 * learns from them (in its worker thread, as on its schedule), and the other 20% are assigned
 * topics as stories from a source without sections, with the learned model and without it.
 * Then an ablation of the "(no broad topic)" class: AG News world stories are archived as labelled
 * only with a topic that is not broad, and the model is trained with and without that class.
 *   npm run bench:topic-archive [-- path/to/topics/dir]
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { TopicModel } from "../src/ingest/topic-model.ts";
import { openSqliteStore, type NewArticle } from "../src/store/index.ts";
import {
  archiveTrainingSet,
  assignTopics,
  compileCatalog,
  DEFAULT_CATALOG,
  NO_BROAD_TOPIC,
  TopicClassifier,
  topicsForLabel,
  type ArchiveArticle,
} from "../src/topics/index.ts";

const dir = process.argv[2] ?? fileURLToPath(new URL("../../shared/eval/topics", import.meta.url));
if (!existsSync(dir)) {
  console.error(`bench:topic-archive: ${dir} is missing (the shared topic dev sets); pass their folder as an argument`);
  process.exit(1);
}

interface Row {
  id: string;
  title?: string;
  text: string;
  label: string;
}

const catalog = compileCatalog(DEFAULT_CATALOG);
const log = pino({ level: "silent" });
/** A stable 80/20 split by id. */
const heldOut = (id: string) => [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % 5 === 0;

for (const name of ["bbc", "agnews"]) {
  const rows = readFileSync(join(dir, `${name}.dev.jsonl`), "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Row);
  // The dataset's label is the source's section; the catalog maps it to a topic as it would a feed's.
  const slugOf = (label: string) => topicsForLabel(catalog, label)[0];
  const path = join(mkdtempSync(join(tmpdir(), "newsbrief-bench-")), "archive.db");
  const store = await openSqliteStore({ path, logger: log, now: () => new Date() });
  const test: Row[] = [];
  for (const row of rows) {
    if (heldOut(row.id)) {
      test.push(row);
      continue;
    }
    const slug = slugOf(row.label);
    const article: NewArticle = {
      sourceId: null,
      url: `https://news.example/${row.id}`,
      title: row.title ?? "",
      body: row.text,
      section: row.label,
      brief: { title: row.title ?? "", sentences: [], url: "", source: "", tags: [], status: "ok" },
      textFrom: "page",
      contentHash: row.id,
      fingerprint: null,
      deliver: false,
      topics: slug ? [{ slug, confidence: 0.9, evidence: "source" }] : [],
      links: [],
    };
    await store.articles.insert(article, null);
  }

  const model = new TopicModel({ store, log, now: () => new Date() }, { minPerTopic: 20, schedule: null });
  const started = performance.now();
  const outcome = await model.train();
  const seconds = (performance.now() - started) / 1000;
  if (!outcome.trained) throw new Error(outcome.reason);

  const score = (assign: (row: Row) => string[]) => {
    let covered = 0;
    let correct = 0;
    for (const row of test) {
      const broad = assign(row).filter((slug) => catalog.bySlug.get(slug)?.broad);
      if (broad.length === 0) continue;
      covered++;
      if (broad[0] === slugOf(row.label)) correct++;
    }
    return `${((100 * covered) / test.length).toFixed(1)}% get a broad topic, ${((100 * correct) / test.length).toFixed(1)}% the right one first (precision ${((100 * correct) / Math.max(covered, 1)).toFixed(1)}%)`;
  };
  const input = (row: Row) => ({ title: row.title ?? "", articleBody: row.text });
  const withModel = test.map((row) => model.topicsFor(input(row), catalog).map((t) => t.slug));
  const byRow = new Map(test.map((row, i) => [row, withModel[i] ?? []]));

  console.log(`== ${name}: ${rows.length - test.length} archive articles, ${test.length} held-out stories without a section`);
  console.log(`trained on ${outcome.articles} articles in ${outcome.topics.length} topics (${outcome.topics.join(", ")}) in ${seconds.toFixed(1)} s (worker thread)`);
  console.log(`catalog only:       ${score((row) => assignTopics(input(row), catalog).map((t) => t.slug))}`);
  console.log(`with archive model: ${score((row) => byRow.get(row) ?? [])}`);
  console.log(`peak RSS of the process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  await model.stop();
  await store.close();
}

/**
 * Ablation: does the "(no broad topic)" class keep the model from forcing a broad topic on stories
 * that have none? World stories stand for them (archived as "war-in-ukraine" only).
 */
{
  const rows = readFileSync(join(dir, "agnews.dev.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Row);
  const slugOf = (label: string) => (label === "world" ? "war-in-ukraine" : topicsForLabel(catalog, label)[0] ?? "");
  const archive: ArchiveArticle[] = rows.filter((row) => !heldOut(row.id)).map((row) => ({ title: row.title ?? "", body: row.text, slugs: [slugOf(row.label)] }));
  const test = rows.filter((row) => heldOut(row.id));
  const set = archiveTrainingSet(archive, DEFAULT_CATALOG, 20);
  if (!("examples" in set)) throw new Error(set.reason);
  console.log(`== ablation (agnews, world stories labelled with no broad topic): ${test.length} held-out stories`);
  for (const [name, examples] of [
    ["with the (no broad topic) class", set.examples],
    ["without it                     ", set.examples.filter((e) => e.label !== NO_BROAD_TOPIC)],
  ] as const) {
    const classifier = TopicClassifier.train(examples);
    let forced = 0;
    let none = 0;
    let right = 0;
    let topical = 0;
    for (const row of test) {
      const broad = assignTopics({ title: row.title ?? "", articleBody: row.text }, catalog, { classifier })
        .map((t) => t.slug)
        .filter((slug) => catalog.bySlug.get(slug)?.broad && slug !== "world");
      if (row.label === "world") {
        none++;
        if (broad.length > 0) forced++;
      } else {
        topical++;
        if (broad[0] === slugOf(row.label)) right++;
      }
    }
    console.log(
      `${name}: ${((100 * forced) / none).toFixed(1)}% of ${none} world stories wrongly get a broad topic; ` +
        `${((100 * right) / topical).toFixed(1)}% of ${topical} others get the right one first`,
    );
  }
}
