/**
 * Topic matching over a catalog: which topics a text names (aliases), hints at
 * (keywords), and which topics a source's section or tag label means. The
 * catalog is compiled once into one phrase matcher and one label index.
 */
import { PhraseMatcher, type PhraseMatch } from "./phrase-matcher.ts";
import { tokenize, words, type Token } from "./text.ts";
import type { Topic } from "./types.ts";

export type MentionStrength = "alias" | "keyword";

export interface TopicMention {
  slug: string;
  strength: MentionStrength;
  /** The catalog phrase that matched. */
  phrase: string;
  /** Token range [start, end) in the text's tokens. */
  start: number;
  end: number;
}

interface MatchValue {
  slug: string;
  role: MentionStrength | "exclude";
}

export interface CompiledCatalog {
  readonly topics: readonly Topic[];
  readonly bySlug: ReadonlyMap<string, Topic>;
  readonly matcher: PhraseMatcher<MatchValue>;
  /** Normalized section/tag label → slugs. */
  readonly labels: ReadonlyMap<string, readonly string[]>;
}

/** The comparison form of a section or tag label: "War in Ukraine", "war-in-ukraine" and "WAR IN UKRAINE" are one. */
export function labelKey(label: string): string {
  return words(label).join(" ");
}

const compiledCache = new WeakMap<readonly Topic[], CompiledCatalog>();

/** Compiles a catalog for matching; the result is cached per catalog array. */
export function compileCatalog(topics: readonly Topic[]): CompiledCatalog {
  const cached = compiledCache.get(topics);
  if (cached) return cached;

  const entries: { phrase: string; value: MatchValue }[] = [];
  const labels = new Map<string, string[]>();
  const addLabel = (label: string, slug: string) => {
    const key = labelKey(label);
    if (!key) return;
    const slugs = labels.get(key) ?? [];
    if (!slugs.includes(slug)) slugs.push(slug);
    labels.set(key, slugs);
  };
  for (const topic of topics) {
    for (const phrase of topic.aliases) entries.push({ phrase, value: { slug: topic.slug, role: "alias" } });
    for (const phrase of topic.keywords ?? []) entries.push({ phrase, value: { slug: topic.slug, role: "keyword" } });
    for (const phrase of topic.excludes ?? []) entries.push({ phrase, value: { slug: topic.slug, role: "exclude" } });
    // A source's label may be the topic's own name or slug as well as a listed section.
    for (const label of [topic.slug, topic.names.en, topic.names.uk, ...topic.sections]) addLabel(label, topic.slug);
  }
  const compiled: CompiledCatalog = {
    topics,
    bySlug: new Map(topics.map((t) => [t.slug, t])),
    matcher: new PhraseMatcher(entries),
    labels,
  };
  compiledCache.set(topics, compiled);
  return compiled;
}

/** Slugs of the topics a section or tag label means ("War in Ukraine" → war-in-ukraine). */
export function topicsForLabel(catalog: CompiledCatalog, label: string): readonly string[] {
  return catalog.labels.get(labelKey(label)) ?? [];
}

export interface MentionOptions {
  /** Phrases whose words never count, e.g. the publisher's own name ("Kyiv Post"). */
  ignore?: readonly string[];
}

/**
 * Topic mentions in a text. Mentions covered by one of the topic's `excludes`
 * ("Kyiv Post" for Kyiv) or by an ignored phrase are dropped; overlapping
 * mentions of one topic ("war in Ukraine" and "Ukraine") count once, as the
 * longest, strongest one.
 */
export function findMentions(catalog: CompiledCatalog, text: string | readonly Token[], options: MentionOptions = {}): TopicMention[] {
  const tokens = typeof text === "string" ? tokenize(text) : text;
  const matches = catalog.matcher.match(tokens);
  const ignored = ignoredSpans(tokens, options.ignore);
  const excluded = matches.filter((m) => m.value.role === "exclude");

  const candidates = matches.filter(
    (m) =>
      m.value.role !== "exclude" &&
      !ignored.some((span) => overlaps(span, m)) &&
      !excluded.some((e) => e.value.slug === m.value.slug && e.start <= m.start && m.end <= e.end),
  );
  // Longest first, then alias before keyword, so the greedy pass keeps the best reading.
  candidates.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || rank(a) - rank(b));
  const lastEnd = new Map<string, number>();
  const mentions: TopicMention[] = [];
  for (const m of candidates) {
    if ((lastEnd.get(m.value.slug) ?? -1) > m.start) continue;
    lastEnd.set(m.value.slug, m.end);
    mentions.push({ slug: m.value.slug, strength: m.value.role as MentionStrength, phrase: m.phrase, start: m.start, end: m.end });
  }
  return mentions;
}

function rank(m: PhraseMatch<MatchValue>): number {
  return m.value.role === "alias" ? 0 : 1;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function ignoredSpans(tokens: readonly Token[], phrases: readonly string[] | undefined): { start: number; end: number }[] {
  if (!phrases?.length) return [];
  const matcher = new PhraseMatcher(phrases.map((phrase) => ({ phrase, value: true })));
  return matcher.match(tokens);
}
