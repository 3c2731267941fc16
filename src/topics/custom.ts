/**
 * Custom topics: anyone can follow words or phrases of their own.
 *
 * Query language, kept to what people type into a chat:
 * - `Odesa` — a word; `grain deal` or `"grain deal"` — a phrase (words in that order);
 * - `Odesa, Kharkiv` — commas separate alternatives (either one matches);
 * - `-football` or `-"Champions League"` — leave out articles that mention it;
 * - `Одес*` — a stem (at least 4 letters), for inflected languages;
 * - a 2–3 letter word in capitals ("US", "EU", "AI") matches only in capitals,
 *   so "US" does not match "us"; anything else ignores case and Latin accents.
 * Matching is on whole words: "Odesa" does not match "Odesan".
 */
import type { TopicInput } from "./assign.ts";
import { MIN_STEM_LENGTH, parsePhrase, PhraseMatcher, type PatternToken } from "./phrase-matcher.ts";
import { tokenize } from "./text.ts";

export interface CustomTopic {
  /** Canonical phrases (the form `key` lists them in), any of which must appear. */
  include: string[];
  /** Canonical phrases none of which may appear. */
  exclude: string[];
  /**
   * The canonical query: the same topic typed differently ("odesa  -Football",
   * "Odesa -football") has the same key, so a subscription is stored once. It
   * parses back to the same topic.
   */
  key: string;
}

export type CustomTopicErrorCode =
  | "empty"
  | "too-long"
  | "no-words"
  | "only-exclusions"
  | "too-many-terms"
  | "phrase-too-long"
  | "stem-too-short"
  | "unclosed-quote";

export interface CustomTopicError {
  code: CustomTopicErrorCode;
  /** An English sentence for logs and the CLI; the bot shows its own localized text per `code`. */
  message: string;
}

export type CustomTopicResult = { ok: true; topic: CustomTopic } | { ok: false; error: CustomTopicError };

export const CUSTOM_TOPIC_LIMITS = {
  /** Characters in the typed query. */
  maxLength: 200,
  /** Phrases, included and excluded together. */
  maxTerms: 10,
  /** Words in one phrase. */
  maxPhraseWords: 6,
} as const;

interface RawTerm {
  text: string;
  exclude: boolean;
}

export function parseCustomTopic(query: string): CustomTopicResult {
  const trimmed = query.trim();
  if (!trimmed) return fail("empty", "Type a word or phrase to follow, e.g. Odesa or \"grain deal\".");
  if (trimmed.length > CUSTOM_TOPIC_LIMITS.maxLength) {
    return fail("too-long", `That is longer than ${CUSTOM_TOPIC_LIMITS.maxLength} characters; keep to a few words.`);
  }
  const raw = splitTerms(trimmed);
  if ("error" in raw) return { ok: false, error: raw.error };

  const include = new Map<string, true>();
  const exclude = new Map<string, true>();
  for (const term of raw.terms) {
    const tokens = customPattern(term.text);
    if (tokens.length === 0) continue;
    if (tokens.length > CUSTOM_TOPIC_LIMITS.maxPhraseWords) {
      return fail("phrase-too-long", `"${term.text}" has more than ${CUSTOM_TOPIC_LIMITS.maxPhraseWords} words; use a shorter phrase.`);
    }
    const short = tokens.find((t) => t.stem && t.word.length < MIN_STEM_LENGTH);
    if (short) return fail("stem-too-short", `"${short.word}*" is too short: put at least ${MIN_STEM_LENGTH} letters before the *.`);
    (term.exclude ? exclude : include).set(canonicalPhrase(tokens), true);
  }
  if (include.size === 0 && exclude.size === 0) return fail("no-words", "There are no words in that to follow.");
  if (include.size === 0) return fail("only-exclusions", "Add a word to follow, not only words to leave out (those start with -).");
  if (include.size + exclude.size > CUSTOM_TOPIC_LIMITS.maxTerms) {
    return fail("too-many-terms", `Use at most ${CUSTOM_TOPIC_LIMITS.maxTerms} words and phrases in one topic.`);
  }
  const includeList = [...include.keys()].sort();
  // An exclusion equal to an inclusion would make the topic match nothing; the inclusion wins.
  const excludeList = [...exclude.keys()].filter((p) => !include.has(p)).sort();
  const key = [includeList.map(quoteIfPhrase).join(", "), ...excludeList.map((p) => `-${quoteIfPhrase(p)}`)].join(" ");
  return { ok: true, topic: { include: includeList, exclude: excludeList, key } };
}

function fail(code: CustomTopicErrorCode, message: string): CustomTopicResult {
  return { ok: false, error: { code, message } };
}

/** Splits a query into phrases: quoted ones, comma-separated runs of words, and `-` exclusions. */
function splitTerms(query: string): { terms: RawTerm[] } | { error: CustomTopicError } {
  const terms: RawTerm[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) terms.push({ text: run.join(" "), exclude: false });
    run = [];
  };
  // Curly and guillemet quotes count as quotes: phones type them.
  const normalized = query.replace(/[“”„«»]/g, '"');
  const pattern = /(-?)"([^"]*)("?)|,|(-?)([^\s,"]+)/gu;
  for (const match of normalized.matchAll(pattern)) {
    const [whole, quoteMinus, quoted, closing, wordMinus, word] = match;
    if (whole === ",") {
      flush();
    } else if (quoted !== undefined) {
      if (closing !== '"') return { error: { code: "unclosed-quote", message: "A quote is not closed: put the phrase between two \" marks." } };
      flush();
      terms.push({ text: quoted, exclude: quoteMinus === "-" });
    } else if (word !== undefined) {
      if (word === "-" || word === "–") {
        // A dash standing alone ("Odesa - football") separates, it does not join.
        flush();
      } else if (wordMinus === "-") {
        flush();
        terms.push({ text: word, exclude: true });
      } else {
        run.push(word);
      }
    }
  }
  flush();
  return { terms };
}

/** Like catalog phrases, but only short words in capitals keep their case (people type "NATO" and mean "Nato" too). */
function customPattern(text: string): PatternToken[] {
  return parsePhrase(text).map((token) => {
    if (token.exactCase !== undefined && token.exactCase.length > 3) return { word: token.word, stem: token.stem };
    return token;
  });
}

function canonicalPhrase(tokens: readonly PatternToken[]): string {
  return tokens.map((t) => `${t.exactCase ?? t.word}${t.stem ? "*" : ""}`).join(" ");
}

function quoteIfPhrase(phrase: string): string {
  return phrase.includes(" ") ? `"${phrase}"` : phrase;
}

/** The text of an article a custom topic is looked for in: headline, description and body. */
function articleText(article: TopicInput | string): string {
  return typeof article === "string" ? article : [article.title, article.description ?? "", article.articleBody].join("\n\n");
}

/**
 * Whether an article matches a custom topic (or a query, parsed on the fly;
 * an invalid query matches nothing).
 */
export function matchesCustomTopic(topic: CustomTopic | string, article: TopicInput | string): boolean {
  const parsed = typeof topic === "string" ? parseCustomTopic(topic) : { ok: true as const, topic };
  if (!parsed.ok) return false;
  return new CustomTopicMatcher([parsed.topic]).match(article).length > 0;
}

/**
 * Many custom topics against one article at once (every chat's custom
 * subscriptions against each new article): one pass over the text.
 */
export class CustomTopicMatcher {
  private readonly matcher: PhraseMatcher<{ topic: number; exclude: boolean }>;

  constructor(private readonly topics: readonly CustomTopic[]) {
    this.matcher = new PhraseMatcher(
      topics.flatMap((topic, i) => [
        ...topic.include.map((phrase) => ({ phrase, value: { topic: i, exclude: false } })),
        ...topic.exclude.map((phrase) => ({ phrase, value: { topic: i, exclude: true } })),
      ]),
    );
  }

  /** The topics the article matches, in the order they were given. */
  match(article: TopicInput | string): CustomTopic[] {
    const included = new Set<number>();
    const excluded = new Set<number>();
    for (const m of this.matcher.match(tokenize(articleText(article)))) (m.value.exclude ? excluded : included).add(m.value.topic);
    return this.topics.filter((_, i) => included.has(i) && !excluded.has(i));
  }
}
