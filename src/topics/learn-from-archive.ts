/**
 * Teaching the broad-topic classifier from the newsroom's own archive: articles whose broad topic
 * a source's section or the catalog gave (never the classifier itself) are the examples, so
 * sources without sections get broad topics with no training data shipped.
 *
 * An article labelled with one broad topic is an example of it; one labelled only with other
 * topics ("Kyiv", "War in Ukraine") is an example of "no broad topic", so that a model that has
 * learned only sport and economy can still say "neither" instead of forcing one of the two on
 * every story; an article with two broad topics is ambiguous and left out.
 */
import { TopicClassifier, type LabeledText, type TrainOptions } from "./classifier/classifier.ts";
import { classifierText } from "./assign.ts";
import type { Topic } from "./types.ts";

/** A labelled article of the archive: its text and its topics that were not the classifier's guess. */
export interface ArchiveArticle {
  title: string;
  description?: string | null;
  body: string;
  slugs: readonly string[];
}

/** The class of articles with no broad topic. Its label names no topic, so assignment maps it to none. */
export const NO_BROAD_TOPIC = "(no broad topic)";

/** What the archive can teach: the examples and the broad topics they cover, or why it cannot yet. */
export type ArchiveTrainingSet =
  | { examples: LabeledText[]; topics: string[]; counts: Record<string, number> }
  | { reason: string; counts: Record<string, number> };

/** The examples the archive offers, by class, in the order given (newest first). */
export function archiveExamples(articles: readonly ArchiveArticle[], catalog: readonly Topic[]): Map<string, LabeledText[]> {
  const broad = new Set(catalog.filter((topic) => topic.broad).map((topic) => topic.slug));
  const classes = new Map<string, LabeledText[]>();
  for (const article of articles) {
    if (article.slugs.length === 0) continue;
    const labels = [...new Set(article.slugs.filter((slug) => broad.has(slug)))];
    if (labels.length > 1) continue;
    const label = labels[0] ?? NO_BROAD_TOPIC;
    const text = classifierText({ title: article.title, description: article.description, articleBody: article.body });
    const list = classes.get(label) ?? [];
    list.push({ text, label });
    classes.set(label, list);
  }
  return classes;
}

/**
 * The training set, once at least one broad topic and one other class (another broad topic, or
 * "no broad topic") each have `minPerTopic` labelled articles.
 */
export function archiveTrainingSet(articles: readonly ArchiveArticle[], catalog: readonly Topic[], minPerTopic: number): ArchiveTrainingSet {
  const classes = archiveExamples(articles, catalog);
  const counts = Object.fromEntries([...classes].map(([label, examples]) => [label, examples.length]));
  const learnable = [...classes].filter(([label, examples]) => label !== NO_BROAD_TOPIC && examples.length >= minPerTopic);
  const negatives = classes.get(NO_BROAD_TOPIC) ?? [];
  const withNegatives = negatives.length >= minPerTopic;
  if (learnable.length === 0 || learnable.length + (withNegatives ? 1 : 0) < 2) return { reason: notEnough(counts, minPerTopic), counts };
  const examples = learnable.flatMap(([, list]) => list);
  if (withNegatives) {
    // No more "no broad topic" examples than the largest topic has (the newest ones), so that the
    // catch-all class, often the largest, does not drown the topics.
    const largest = Math.max(...learnable.map(([, list]) => list.length));
    examples.push(...negatives.slice(0, largest));
  }
  return { examples, topics: learnable.map(([label]) => label).sort(), counts };
}

/** Trains in this thread (tests, small archives); the running bot trains in a worker (src/ingest/topic-model.ts). */
export function trainFromArchive(
  articles: readonly ArchiveArticle[],
  catalog: readonly Topic[],
  minPerTopic: number,
  options: Partial<TrainOptions> = {},
): { classifier?: TopicClassifier; set: ArchiveTrainingSet } {
  const set = archiveTrainingSet(articles, catalog, minPerTopic);
  return "examples" in set ? { classifier: TopicClassifier.train(set.examples, options), set } : { set };
}

function notEnough(counts: Record<string, number>, min: number): string {
  const have = Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || Number(a[0] === NO_BROAD_TOPIC) - Number(b[0] === NO_BROAD_TOPIC) || (a[0] < b[0] ? -1 : 1))
    .map(([label, n]) => `${label} ${n}`)
    .join(", ");
  return (
    `at least ${min} are needed in each of two classes (a broad topic, and another broad topic or "${NO_BROAD_TOPIC}"); ` +
    `the archive has ${have || "none"}`
  );
}
