/**
 * Checks a topic (built-in, or edited by an admin and read back from the
 * database) before it is compiled: slug form and length, names, and phrases
 * that can actually match something.
 */
import { labelKey } from "./match.ts";
import { MIN_STEM_LENGTH, parsePhrase } from "./phrase-matcher.ts";
import { MAX_SLUG_LENGTH, type Topic, type TopicKind } from "./types.ts";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const KINDS: readonly TopicKind[] = ["place", "subject", "format"];
/** Longest topic name: it is a button label. */
export const MAX_NAME_LENGTH = 48;
const MAX_PHRASE_LENGTH = 100;

export function isValidSlug(slug: string): boolean {
  return slug.length <= MAX_SLUG_LENGTH && SLUG.test(slug);
}

/** Everything wrong with one topic, as sentences naming the topic; empty when it is fine. */
export function topicProblems(topic: Topic): string[] {
  const problems: string[] = [];
  const where = `topic "${topic.slug}"`;
  if (!isValidSlug(topic.slug)) {
    problems.push(`${where}: the slug must be 1–${MAX_SLUG_LENGTH} characters of a–z, 0–9 and single hyphens inside`);
  }
  for (const locale of ["en", "uk"] as const) {
    const name = topic.names[locale]?.trim() ?? "";
    if (!name) problems.push(`${where}: the ${locale} name is empty`);
    else if (name.length > MAX_NAME_LENGTH) problems.push(`${where}: the ${locale} name is longer than ${MAX_NAME_LENGTH} characters`);
  }
  if (topic.kind !== undefined && !KINDS.includes(topic.kind)) problems.push(`${where}: unknown kind "${String(topic.kind)}"`);

  const seen = new Set<string>();
  const phraseLists: [string, readonly string[]][] = [
    ["alias", topic.aliases],
    ["keyword", topic.keywords ?? []],
    ["exclude", topic.excludes ?? []],
  ];
  for (const [role, phrases] of phraseLists) {
    for (const phrase of phrases) {
      const tokens = parsePhrase(phrase);
      if (tokens.length === 0) problems.push(`${where}: the ${role} "${phrase}" has no words`);
      else if (phrase.length > MAX_PHRASE_LENGTH) problems.push(`${where}: the ${role} "${phrase.slice(0, 20)}…" is longer than ${MAX_PHRASE_LENGTH} characters`);
      for (const token of tokens) {
        if (token.stem && token.word.length < MIN_STEM_LENGTH) {
          problems.push(`${where}: the stem "${phrase}" needs at least ${MIN_STEM_LENGTH} letters before the *`);
        }
      }
      const key = `${role === "exclude" ? "exclude" : "match"}:${tokens.map((t) => (t.exactCase ?? t.word) + (t.stem ? "*" : "")).join(" ")}`;
      if (tokens.length && seen.has(key)) problems.push(`${where}: "${phrase}" is listed twice`);
      seen.add(key);
    }
  }
  for (const section of topic.sections) {
    if (!labelKey(section)) problems.push(`${where}: the section label "${section}" has no words`);
  }
  if (topic.kind !== "format" && topic.aliases.length === 0 && topic.sections.length === 0) {
    problems.push(`${where}: a topic needs aliases or section labels, or nothing can assign it`);
  }
  return problems;
}

/** Problems of a whole catalog: each topic's, and slugs used twice. */
export function catalogProblems(topics: readonly Topic[]): string[] {
  const problems = topics.flatMap(topicProblems);
  const slugs = new Set<string>();
  for (const topic of topics) {
    if (slugs.has(topic.slug)) problems.push(`topic "${topic.slug}" is defined twice`);
    slugs.add(topic.slug);
  }
  return problems;
}

export class TopicValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join("; "));
    this.name = "TopicValidationError";
  }
}

/**
 * Reads a topic from untrusted JSON (a database row, an admin's edit) and
 * validates it; throws `TopicValidationError` listing every problem.
 */
export function parseTopic(value: unknown): Topic {
  const problems: string[] = [];
  const record = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
  if (!record) throw new TopicValidationError(["a topic must be a JSON object"]);
  const strings = (field: string, required: boolean): string[] => {
    const v = record[field];
    if (v === undefined && !required) return [];
    if (!Array.isArray(v) || !v.every((s) => typeof s === "string")) {
      problems.push(`"${field}" must be a list of strings`);
      return [];
    }
    return v as string[];
  };
  const slug = typeof record.slug === "string" ? record.slug : "";
  if (typeof record.slug !== "string") problems.push(`"slug" must be a string`);
  const names = record.names as Record<string, unknown> | undefined;
  if (typeof names !== "object" || names === null || typeof names.en !== "string" || typeof names.uk !== "string") {
    problems.push(`"names" must have "en" and "uk" strings`);
  }
  const topic: Topic = {
    slug,
    names: { en: typeof names?.en === "string" ? names.en : "", uk: typeof names?.uk === "string" ? names.uk : "" },
    aliases: strings("aliases", true),
    sections: strings("sections", true),
  };
  const keywords = strings("keywords", false);
  const excludes = strings("excludes", false);
  if (record.keywords !== undefined) topic.keywords = keywords;
  if (record.excludes !== undefined) topic.excludes = excludes;
  if (record.kind !== undefined) topic.kind = record.kind as TopicKind;
  if (record.broad !== undefined) {
    if (typeof record.broad !== "boolean") problems.push(`"broad" must be true or false`);
    else topic.broad = record.broad;
  }
  // Shape first: content checks on a malformed record would only repeat its problems.
  if (problems.length) throw new TopicValidationError(problems);
  const contentProblems = topicProblems(topic);
  if (contentProblems.length) throw new TopicValidationError(contentProblems);
  return topic;
}
