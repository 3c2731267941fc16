/**
 * Article → Brief: clean the body, split it into sentences, score them, pick the best few
 * under the word budget, and open with the one that carries the story.
 * Extractive and deterministic: every sentence is the article's own.
 */
import type { Article } from "../extract/article.ts";
import { compressSentence, isDebrisSentence, stripDateline, stripInlineDebris, tidy } from "./clean.ts";
import { leadWithStorySentence } from "./order.ts";
import { DANGLING_START, DEFAULT_WEIGHTS, STORY_WEIGHTS, scoreSentences, weightedScore, type ScoreWeights, type ScoredSentence } from "./score.ts";
import { DEFAULT_SELECTION, selectSentences, type SelectionOptions } from "./select.ts";
import { splitSentences } from "./sentences.ts";
import { contentStems, wordCount } from "./tokens.ts";
import { safeHttpUrl } from "./telegram-text.ts";
import type { Brief, BriefOptions, BriefStatus } from "./types.ts";

/** Below this many words of body text a page is a teaser or a caption, not a story to brief. */
export const MIN_BODY_WORDS = 15;

/**
 * A brief is read from the top of the story: only its first this many characters are segmented
 * and scored (about 15,000 words, several times the longest news story), so the work per
 * article has a bound however large a page is (a 30 MB page of repeated text costs what a
 * long story does).
 */
export const MAX_BRIEF_INPUT_CHARS = 100_000;

/** Knobs for evaluation and tuning; the defaults are what the bot uses. */
export interface Tuning {
  /** Weights that choose the sentences (default: DEFAULT_WEIGHTS, or STORY_WEIGHTS for one sentence). */
  weights?: ScoreWeights;
  /** Weights that pick the story sentence the brief opens with (default: STORY_WEIGHTS). */
  storyWeights?: ScoreWeights;
  selection?: Partial<SelectionOptions>;
}

export interface Summary {
  sentences: string[];
  status: BriefStatus;
}

export function buildBrief(article: Article, options: BriefOptions = {}): Brief {
  const title = tidy(article.title ?? "");
  const summary = summarizeText(article.articleBody ?? "", title, options);
  const image = safeHttpUrl(article.image);
  return {
    title,
    sentences: summary.sentences,
    url: article.url,
    source: sourceName(article),
    ...(article.published ? { published: article.published } : {}),
    ...(image ? { image } : {}),
    tags: [...(options.tags ?? [])],
    status: summary.status,
  };
}

/**
 * The brief's sentences for a plain text. A text too short to brief is its own summary: its
 * clean sentences (or the text itself, tidied), so that every text gets one.
 */
export function summarize(text: string, title?: string, options: BriefOptions = {}): string[] {
  const summary = summarizeText(text, title, options);
  if (summary.status !== "too-short") return summary.sentences;
  const bounded = boundedInput(text);
  const sentences = bodySentences(bounded, title);
  return sentences.length > 0 ? sentences : [tidy(bounded)];
}

export function summarizeText(
  text: string,
  title: string | undefined,
  options: BriefOptions = {},
  tuning: Tuning = {},
): Summary {
  if (!/\S/.test(text)) return { sentences: [], status: "no-text" };
  const prepared = prepareSentences(boundedInput(text), title);
  const sentences = prepared.map((sentence) => sentence.text);
  const totalWords = sentences.reduce((sum, sentence) => sum + wordCount(sentence), 0);
  if (totalWords < MIN_BODY_WORDS) return { sentences: [], status: "too-short" };

  const base = { ...DEFAULT_SELECTION, ...tuning.selection };
  const maxSentences = wholeAtLeastOne(options.maxSentences, base.maxSentences);
  const selection: SelectionOptions = {
    ...base,
    maxSentences,
    minSentences: Math.min(maxSentences, wholeAtLeastOne(options.minSentences, base.minSentences)),
    maxWords: wholeAtLeastOne(options.maxWords, base.maxWords),
  };
  const storyWeights = tuning.storyWeights ?? STORY_WEIGHTS;
  // A one-sentence brief is the story sentence itself, chosen from the whole article.
  const weights = tuning.weights ?? (maxSentences === 1 ? storyWeights : DEFAULT_WEIGHTS);
  const scored = scoreSentences(
    sentences,
    title,
    weights,
    prepared.map((sentence) => sentence.stems),
    prepared.map((sentence) => sentence.leans),
  );
  const chosen = openWithoutLeaning(leadWithStorySentence(selectSentences(scored, selection), storyWeights), scored, selection, storyWeights);
  if (chosen.length > 0) return { sentences: chosen.map((sentence) => sentence.text), status: "ok" };
  // Every sentence is longer than the budget: the best one, cut at a clause or word boundary.
  const best = bestOf(scored);
  return { sentences: best ? [cutToWords(best.text, selection.maxWords)] : [], status: best ? "ok" : "too-short" };
}

/** The body as clean sentences: debris removed, dateline stripped, headline repeats and duplicates dropped. */
export function bodySentences(text: string, title?: string): string[] {
  return prepareSentences(text, title).map((sentence) => sentence.text);
}

/** The text up to MAX_BRIEF_INPUT_CHARS, cut at the last line or word break before the bound. */
function boundedInput(text: string): string {
  if (text.length <= MAX_BRIEF_INPUT_CHARS) return text;
  const head = text.slice(0, MAX_BRIEF_INPUT_CHARS);
  const lineEnd = head.lastIndexOf("\n");
  if (lineEnd > MAX_BRIEF_INPUT_CHARS / 2) return head.slice(0, lineEnd);
  const wordEnd = head.search(/\s\S*$/);
  return wordEnd > 0 ? head.slice(0, wordEnd) : head;
}

interface PreparedSentence {
  text: string;
  stems: string[];
  /** Opens with a word that leans on the sentence before ("He", "But", «Однак»), before compression removed it. */
  leans: boolean;
}

function prepareSentences(text: string, title?: string): PreparedSentence[] {
  const titleKey = title ? contentStems(title).join(" ") : "";
  const seen = new Set<string>();
  const sentences: PreparedSentence[] = [];
  for (const raw of splitSentences(stripInlineDebris(text))) {
    let sentence = tidy(raw);
    if (sentences.length === 0) sentence = stripDateline(sentence);
    const leans = DANGLING_START.test(sentence);
    sentence = compressSentence(sentence);
    if (!/\p{L}/u.test(sentence) || isDebrisSentence(sentence)) continue;
    const stems = contentStems(sentence);
    const key = stems.join(" ");
    if (key === titleKey && key !== "") continue; // the extractor repeated the headline
    if (seen.has(key)) continue;
    seen.add(key);
    sentences.push({ text: sentence, stems, leans });
  }
  return sentences;
}

/**
 * A brief never opens with a sentence that leans on one before it ("He said…", "But…"), since the
 * reader has not seen that one. The first chosen sentence that stands on its own opens, the others
 * keep their order. When every chosen sentence leans, the one it leans on comes in before it when
 * the budget has room (so it is in the brief too); otherwise the best sentence that stands on its
 * own replaces the opener.
 */
function openWithoutLeaning(
  ordered: ScoredSentence[],
  scored: readonly ScoredSentence[],
  selection: SelectionOptions,
  storyWeights: ScoreWeights,
): ScoredSentence[] {
  const first = ordered[0];
  if (!first || !first.features.dangling) return ordered;
  const standing = ordered.find((sentence) => !sentence.features.dangling);
  if (standing) return [standing, ...ordered.filter((sentence) => sentence !== standing)];
  const inOrder = [...ordered].sort((a, b) => a.index - b.index);
  const words = ordered.reduce((sum, sentence) => sum + sentence.words, 0);
  // Walk back to the sentence the earliest one leans on (a chain of at most a few).
  const earlier: ScoredSentence[] = [];
  let extraWords = 0;
  for (let index = (inOrder[0] as ScoredSentence).index - 1; index >= 0 && earlier.length < 3; index--) {
    const previous = scored[index] as ScoredSentence;
    earlier.unshift(previous);
    extraWords += previous.words;
    if (!previous.features.dangling) {
      if (ordered.length + earlier.length <= selection.maxSentences && words + extraWords <= selection.maxWords) return [...earlier, ...inOrder];
      break;
    }
  }
  let best: ScoredSentence | undefined;
  for (const sentence of scored) {
    if (sentence.features.dangling || sentence.words > selection.maxWords) continue;
    if (!best || weightedScore(sentence, storyWeights) > weightedScore(best, storyWeights)) best = sentence;
  }
  if (!best) return inOrder;
  const rest = inOrder.slice(1).filter((sentence) => sentence !== best);
  const kept: ScoredSentence[] = [best];
  let used = best.words;
  for (const sentence of rest) {
    if (kept.length >= selection.maxSentences || used + sentence.words > selection.maxWords) break;
    kept.push(sentence);
    used += sentence.words;
  }
  return kept;
}

/** A caller's count option as a whole number ≥ 1; the default when it is missing or not a number. */
function wholeAtLeastOne(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? Math.max(1, Math.floor(value)) : fallback;
}

function bestOf(scored: readonly ScoredSentence[]): ScoredSentence | undefined {
  let best: ScoredSentence | undefined;
  for (const sentence of scored) if (!best || sentence.score > best.score) best = sentence;
  return best;
}

/** The first `maxWords` words, ending at the last clause break when there is one in the second half. */
export function cutToWords(text: string, maxWords: number): string {
  const parts = text.split(/\s+/).filter(Boolean);
  if (parts.length <= maxWords) return text;
  const kept = parts.slice(0, maxWords);
  let end = kept.length;
  for (let i = kept.length - 1; i >= Math.floor(maxWords / 2); i--) {
    if (/[,;:—–]$/.test(kept[i] ?? "")) {
      end = i + 1;
      break;
    }
  }
  return `${kept.slice(0, end).join(" ").replace(/[,;:—–\s]+$/, "")}…`;
}

function sourceName(article: Article): string {
  const site = article.siteName?.trim();
  if (site) return site;
  try {
    return new URL(article.url).hostname.replace(/^www\./, "");
  } catch {
    return "";
  }
}
