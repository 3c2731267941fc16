/**
 * The article body: picks the story container (score.ts), walks it while
 * pruning boilerplate subtrees (navigation, share bars, cards, captions,
 * link lists), then drops stock-phrase blocks ("Advertisement", "JOIN US ON
 * TELEGRAM"), the headline and byline/date lines. Falls back to the JSON-LD
 * `articleBody` when the page's markup holds much less than the publisher
 * declared.
 */
import { attr, tagOf } from "./dom.ts";
import type { HTMLElement } from "./dom.ts";
import { AMBIGUOUS_HINT, NEGATIVE_HINT, NEVER_CONTENT_TAGS, POSITIVE_HINT, STRONG_POSITIVE_HINT, hintString, isBoilerplateText, isCommentBlock } from "./boilerplate.ts";
import { chooseContent } from "./score.ts";
import { EMPTY_STATS, linkDensity } from "./stats.ts";
import type { StatsMap, TextStats } from "./stats.ts";
import { joinBlocks, toBlocks } from "./text.ts";
import type { TextBlock } from "./text.ts";
import type { JsonLdArticle } from "./jsonld.ts";
import { ALL_RULES, type ExtractRules } from "./rules.ts";
import { isTeaserList } from "./teasers.ts";
import { isBioOrAbout, isDatedMetadataLine } from "./meta-lines.ts";

export interface BodyResult {
  text: string;
  /** The containers the text came from (empty when it came from JSON-LD or nothing was found). */
  containers: HTMLElement[];
  emptyReason?: string;
  source: "dom" | "json-ld" | "none";
}

/** Less text than this (outside links) is not an article. */
const MIN_BODY_CHARS = 140;

export function extractBody(root: HTMLElement, stats: StatsMap, title: string, ld: JsonLdArticle | undefined, rules: ExtractRules = ALL_RULES): BodyResult {
  const choice = chooseContent(root, stats, rules);
  let domText = "";
  let containers: HTMLElement[] = [];
  if (choice) {
    containers = choice.nodes;
    const total = containers.reduce((sum, el) => sum + (stats.get(el)?.chars ?? 0), 0);
    const blocks = toBlocks(containers, (el) => shouldPrune(el, stats, total, rules));
    domText = joinBlocks(filterBlocks(blocks, title, rules));
  }

  const declared = rules.jsonLdFallback ? declaredBody(ld) : undefined;
  const wordsNeeded = declared ? wordCount(declared) * 0.6 : 0;
  if (declared && wordCount(domText, wordsNeeded) < wordsNeeded) {
    return { text: declared, containers: [], source: "json-ld" };
  }
  if (!hasTextChars(domText, MIN_BODY_CHARS)) {
    return {
      text: "",
      containers: [],
      source: "none",
      emptyReason: "no article content found: the page has no block of prose (a list of links is not one)",
    };
  }
  return { text: domText, containers, source: "dom" };
}

/** The JSON-LD body, when it is there and reads like a whole article rather than a teaser. */
function declaredBody(ld: JsonLdArticle | undefined): string | undefined {
  if (!ld) return undefined;
  if (ld.type === "liveblogposting" && ld.liveUpdates.length > 0) {
    const updates = ld.liveUpdates
      .filter((u) => u.body)
      .map((u) => (u.headline && !u.body?.startsWith(u.headline) ? `${u.headline}\n\n${u.body}` : (u.body as string)));
    const joined = updates.join("\n\n");
    if (hasTextChars(joined, MIN_BODY_CHARS)) return ld.articleBody && ld.articleBody.length > joined.length ? ld.articleBody : joined;
  }
  const body = ld.articleBody;
  if (!body || !hasTextChars(body, 200)) return undefined;
  // A cut-off teaser ("…", "[...]", "Read more") is not the article.
  if (/(?:…|\.\.\.|\[\s*…?\.*\s*\]|read more)\s*$/i.test(body) && body.length < 1200) return undefined;
  return body;
}

const HEADING_TAG = /^h[1-6]$/;

/** Whether a subtree inside the story container is boilerplate. */
function shouldPrune(el: HTMLElement, stats: StatsMap, containerChars: number, rules: ExtractRules): boolean {
  const tag = tagOf(el);
  const s = stats.get(el) ?? EMPTY_STATS;
  if (s.chars === 0) return tag !== "img";
  // A wrapper holding most of the story is kept whatever its name says; a block of reader comments is not one.
  const holdsStory = s.chars >= containerChars * 0.4 && s.chars > 400 && !(rules.commentsNeverScore && isCommentBlock(el));

  if (tag === "h1") return true;
  if (NEVER_CONTENT_TAGS.has(tag)) return !holdsStory;
  if (tag === "header") return !holdsStory && s.chars < 600;
  if (tag === "figure" || tag === "figcaption") return !holdsStory;
  if (attr(el, "role") === "navigation" || attr(el, "role") === "complementary") return !holdsStory;

  const hints = hintString(el);
  if (hints && NEGATIVE_HINT.test(hints) && !holdsStory && !(rules.ambiguousHintsNeedEvidence && onlyAmbiguousAgainstProse(hints, s))) {
    // "article-content-footer" has both kinds of words; trust the negative one unless the positive is strong.
    if (!STRONG_POSITIVE_HINT.test(hints) || /(?:related|share|social|newsletter|promo|ad ?slot|advert)/.test(hints)) return true;
  }

  const density = linkDensity(s);
  if (tag === "p" || HEADING_TAG.test(tag)) return false;
  if (tag === "ul" || tag === "ol" || tag === "dl" || tag === "table" || tag === "div" || tag === "section" || tag === "li") {
    // "More stories": linked headlines, each with a teaser line (prose by the numbers below, not by its shape).
    if (rules.teasers && !holdsStory && isTeaserList(el, stats)) return true;
    // Link lists and cards; a list of linked headlines each followed by a sentence of its own is prose.
    const ownText = s.chars - s.linkChars;
    if (rules.linkDensityPruning && density > 0.5 && !holdsStory && (ownText < 200 || density > 0.7)) return true;
    if (rules.linkDensityPruning && density > 0.33 && ownText < 100 && !(hints && POSITIVE_HINT.test(hints))) return true;
  }
  return false;
}

/**
 * "entry-more", "widget", "caption": words that name boilerplate on most sites and the
 * story's own text on some. When they are the only negative words, the class alone
 * prunes nothing that reads as prose, or that a story-like word names too.
 */
function onlyAmbiguousAgainstProse(hints: string, s: TextStats): boolean {
  const unambiguous = ` ${hints} `.replace(AMBIGUOUS_WORDS, " ");
  if (NEGATIVE_HINT.test(unambiguous.trim())) return false;
  if (POSITIVE_HINT.test(hints)) return true;
  const ownText = s.chars - s.linkChars;
  return s.paragraphs >= 2 && ownText >= 200 && linkDensity(s) < 0.25;
}
const AMBIGUOUS_WORDS = new RegExp(AMBIGUOUS_HINT.source.replace("(?:^| )", " ").replace("(?= |$)", "(?= )"), "g");

const BYLINE_LINE = /^(?:by|written by|von|por|par|di|reporting by|compiled by)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})*(?:\s*[,|•·–—-]\s*.{0,60})?$/u;
const DATE_LINE =
  /^(?:(?:published|updated|posted|last updated|first published)\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}(?:\s*(?:at\s*)?\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?\s*[a-z]{0,4})?\.?$|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?:\s+\d{1,2}:\d{2})?$|^\d{4}-\d{2}-\d{2}(?:[ t]\d{2}:\d{2}.*)?$|^\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?\s*(?:[a-z]{2,4})?$/i;

/** Drops stock phrases, the repeated headline, byline/date lines, and a bio or "about us" box at the end. */
function filterBlocks(blocks: TextBlock[], title: string, rules: ExtractRules): TextBlock[] {
  const titleKey = compareKey(title);
  const kept = blocks.filter((block, index) => {
    const text = block.text;
    if (isBoilerplateText(text, rules)) return false;
    if (titleKey.length > 0 && text.length < title.length * 1.5 + 10 && isHeadlineRepeat(compareKey(text), titleKey, rules)) return false;
    if (rules.bylineDatePatterns && text.length < 120 && (BYLINE_LINE.test(text) || DATE_LINE.test(text))) return false;
    // Furniture lines sit at the story's edges; mid-story, such a line is quoted matter (a tweet's signature).
    const atEdge = index < 3 || index >= blocks.length - 2;
    if (rules.metadataLines && atEdge && isDatedMetadataLine(text)) return false;
    return true;
  });
  // A bio or an "about" box closes a story; the same words earlier are the story's own.
  if (rules.bioAndAbout) while (kept.length > 1 && isBioOrAbout((kept[kept.length - 1] as TextBlock).text)) kept.pop();
  return kept;
}

/** The headline again: the same words, or the same words with a short tag ("(video)", "- updated"). */
function isHeadlineRepeat(key: string, titleKey: string, rules: ExtractRules): boolean {
  if (key === titleKey) return true;
  if (!rules.metadataLines || key.length < 12) return false;
  return (key.startsWith(titleKey) && key.length - titleKey.length <= 16) || (titleKey.startsWith(key) && key.length >= titleKey.length * 0.8);
}

function compareKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Whether the text has at least `atLeast` letters and digits; stops counting there, as bodies are long. */
function hasTextChars(text: string, atLeast: number): boolean {
  const run = /[\p{L}\p{N}]+/gu;
  let count = 0;
  for (let match = run.exec(text); match; match = run.exec(text)) {
    count += match[0].length;
    if (count >= atLeast) return true;
  }
  return false;
}

/** Words in the text, counted up to `upTo` at most. */
function wordCount(text: string, upTo = Infinity): number {
  const word = /[\p{L}\p{N}_]+/gu;
  let count = 0;
  while (count < upTo && word.exec(text)) count++;
  return count;
}
