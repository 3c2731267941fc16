/**
 * Which topics an article is about, each with a confidence in [0, 1] and the
 * reasons for it. Evidence, strongest first:
 * - the source's own section and tags (mapped through each topic's `sections`);
 * - the page's own "More on X" block, and a headline label ("OPINION: …");
 * - topic names in the headline, then in the lead (description and first
 *   paragraphs), then in the body — body mentions count, but saturate;
 * - for broad topics, when the article has no section, the learned classifier.
 * Pieces of evidence combine as independent chances (noisy-OR), so two weak
 * signals can make a topic while one weak signal cannot.
 */
import type { Article } from "../extract/article.ts";
import type { Prediction } from "./classifier/classifier.ts";
import { compileCatalog, findMentions, topicsForLabel, type CompiledCatalog, type TopicMention } from "./match.ts";
import { words } from "./text.ts";
import type { Topic } from "./types.ts";

/** The parts of an `Article` topic assignment reads; a full `Article` fits. */
export type TopicInput = Pick<Article, "title" | "articleBody"> &
  Partial<Pick<Article, "section" | "tags" | "description" | "links" | "siteName">>;

export type ReasonSource = "section" | "tag" | "more-on" | "headline-label" | "headline" | "lead" | "body" | "classifier";

export interface TopicReason {
  source: ReasonSource;
  /** What was seen: the label, the matched phrases, or the classifier's label. */
  detail: string;
  /** This piece of evidence's own confidence. */
  weight: number;
}

export interface TopicAssignment {
  slug: string;
  confidence: number;
  reasons: TopicReason[];
}

/** Anything that predicts a label with probabilities, like `TopicClassifier`. */
export interface LabelPredictor {
  predict(text: string): Prediction;
}

export interface AssignOptions {
  /** Topics below this confidence are left out. Default 0.5. */
  minConfidence?: number;
  /** Learned classifier for broad topics; consulted only when the article has no section. */
  classifier?: LabelPredictor;
}

export const DEFAULT_MIN_CONFIDENCE = 0.5;

/** Evidence weights. Tuned so that a source's section alone, a page's "More on X" alone, or a
 * headline naming the topic plus one more mention each carry a topic, and a passing mention does not. */
const WEIGHT = {
  section: 0.9,
  tag: 0.75,
  moreOn: 0.8,
  headlineLabel: 0.85,
  classifier: 0.85,
} as const;

/** Per text zone: the most it can contribute, and how many mentions get it about two-thirds there. */
const ZONES = {
  headline: { max: 0.75, scale: 0.7 },
  lead: { max: 0.6, scale: 1.5 },
  body: { max: 0.6, scale: 4 },
} as const;

/** A keyword ("Zelensky" for the war) counts as this much of an alias ("war in Ukraine"). */
const KEYWORD_SHARE = 0.4;
/** The lead is the description plus opening paragraphs until it has about this many words. */
const LEAD_WORDS = 40;
/** Classifier labels less probable than this are not evidence. */
const MIN_CLASSIFIER_PROBABILITY = 0.35;

const MORE_ON = /^(?:more\s+(?:on|about|from|in)|більше\s+(?:про|на\s+тему)|ще\s+про|больше\s+(?:о|об|про|на\s+тему)|ещё\s+(?:о|об|про)|еще\s+(?:о|об|про))\s+(.+)$/iu;
const HEADLINE_LABEL = /^\s*([^:]{2,30}):\s+\S/u;

/**
 * The topics of an article, most confident first. `topics` is the catalog
 * (compiled once per array and cached) or an already compiled one.
 */
export function assignTopics(article: TopicInput, topics: readonly Topic[] | CompiledCatalog, options: AssignOptions = {}): TopicAssignment[] {
  const catalog = "matcher" in topics ? topics : compileCatalog(topics);
  const evidence = new Map<string, TopicReason[]>();
  const add = (slug: string, reason: TopicReason) => {
    if (reason.weight <= 0) return;
    const reasons = evidence.get(slug) ?? [];
    reasons.push(reason);
    evidence.set(slug, reasons);
  };

  const section = article.section?.trim();
  if (section) for (const slug of labelTopics(catalog, section)) add(slug, { source: "section", detail: section, weight: WEIGHT.section });
  for (const tag of new Set((article.tags ?? []).map((t) => t.trim()).filter(Boolean))) {
    for (const slug of labelTopics(catalog, tag)) add(slug, { source: "tag", detail: tag, weight: WEIGHT.tag });
  }
  for (const label of moreOnLabels(article)) {
    for (const slug of labelTopics(catalog, label.subject)) add(slug, { source: "more-on", detail: label.block, weight: WEIGHT.moreOn });
  }
  const headlineLabel = HEADLINE_LABEL.exec(article.title)?.[1]?.trim();
  if (headlineLabel) {
    for (const slug of topicsForLabel(catalog, headlineLabel)) add(slug, { source: "headline-label", detail: headlineLabel, weight: WEIGHT.headlineLabel });
  }

  const ignore = article.siteName ? [article.siteName] : [];
  const { lead, body } = splitLead(article);
  const zones: [keyof typeof ZONES, string][] = [
    ["headline", article.title],
    ["lead", lead],
    ["body", body],
  ];
  for (const [zone, text] of zones) {
    if (!text.trim()) continue;
    for (const [slug, mentions] of groupBySlug(findMentions(catalog, text, { ignore }))) {
      // Formats (Opinion, In-depth) are what a piece is, not what it names.
      if (catalog.bySlug.get(slug)?.kind === "format") continue;
      const { max, scale } = ZONES[zone];
      const strength = mentions.reduce((n, m) => n + (m.strength === "alias" ? 1 : KEYWORD_SHARE), 0);
      add(slug, { source: zone, detail: describeMentions(mentions), weight: max * (1 - Math.exp(-strength / scale)) });
    }
  }

  if (options.classifier && !section) {
    for (const { label, probability } of options.classifier.predict(classifierText(article)).ranked) {
      if (probability < MIN_CLASSIFIER_PROBABILITY) continue;
      for (const slug of topicsForLabel(catalog, label)) {
        if (!catalog.bySlug.get(slug)?.broad) continue;
        add(slug, { source: "classifier", detail: `${label} ${probability.toFixed(2)}`, weight: WEIGHT.classifier * probability });
      }
    }
  }

  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const assignments: TopicAssignment[] = [];
  for (const [slug, reasons] of evidence) {
    const confidence = 1 - reasons.reduce((miss, r) => miss * (1 - r.weight), 1);
    if (confidence >= minConfidence) {
      reasons.sort((a, b) => b.weight - a.weight);
      assignments.push({ slug, confidence: Math.round(confidence * 1000) / 1000, reasons });
    }
  }
  // Most confident first; equal ones in catalog order, so the output is stable.
  const order = new Map(catalog.topics.map((t, i) => [t.slug, i]));
  return assignments.sort((a, b) => b.confidence - a.confidence || (order.get(a.slug) ?? 0) - (order.get(b.slug) ?? 0));
}

/** The text the classifier reads of an article: the same when it learns and when it predicts. */
export function classifierText(article: Pick<TopicInput, "title" | "articleBody"> & { description?: string | null | undefined }): string {
  return [article.title, article.description ?? "", article.articleBody].join("\n");
}

/** Topics a section or tag label means: a listed label, or the label being exactly one topic name ("Beijing"). */
function labelTopics(catalog: CompiledCatalog, label: string): string[] {
  const slugs = new Set(topicsForLabel(catalog, label));
  const length = words(label).length;
  for (const mention of findMentions(catalog, label)) {
    if (mention.strength === "alias" && mention.start === 0 && mention.end === length) slugs.add(mention.slug);
  }
  return [...slugs];
}

function moreOnLabels(article: TopicInput): { block: string; subject: string }[] {
  const labels = new Map<string, string>();
  for (const link of article.links ?? []) {
    if (link.kind !== "more-on-topic" || !link.blockLabel) continue;
    const subject = MORE_ON.exec(link.blockLabel.trim())?.[1]?.trim();
    if (subject) labels.set(link.blockLabel.trim(), subject);
  }
  return [...labels].map(([block, subject]) => ({ block, subject }));
}

/** The lead (description and opening paragraphs) and the rest of the body, without counting a paragraph twice. */
export function splitLead(article: Pick<TopicInput, "articleBody" | "description">): { lead: string; body: string } {
  const paragraphs = article.articleBody
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const description = article.description?.trim() ?? "";
  const lead: string[] = description ? [description] : [];
  let leadWords = description ? words(description).length : 0;
  let i = 0;
  const descriptionKey = words(description).join(" ");
  while (i < paragraphs.length && leadWords < LEAD_WORDS) {
    const paragraph = paragraphs[i++] as string;
    const key = words(paragraph).join(" ");
    // Sites often use the first paragraph as the description: read it once.
    if (descriptionKey && (key === descriptionKey || key.startsWith(descriptionKey) || descriptionKey.startsWith(key))) {
      if (key.length > descriptionKey.length) {
        lead[0] = paragraph;
        leadWords = words(paragraph).length;
      }
      continue;
    }
    lead.push(paragraph);
    leadWords += words(paragraph).length;
  }
  return { lead: lead.join("\n\n"), body: paragraphs.slice(i).join("\n\n") };
}

function groupBySlug(mentions: readonly TopicMention[]): Map<string, TopicMention[]> {
  const groups = new Map<string, TopicMention[]>();
  for (const mention of mentions) groups.set(mention.slug, [...(groups.get(mention.slug) ?? []), mention]);
  return groups;
}

function describeMentions(mentions: readonly TopicMention[]): string {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.phrase, (counts.get(m.phrase) ?? 0) + 1);
  return [...counts].map(([phrase, n]) => (n > 1 ? `${phrase} ×${n}` : phrase)).join(", ");
}
