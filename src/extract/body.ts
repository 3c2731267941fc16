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
import { NEGATIVE_HINT, NEVER_CONTENT_TAGS, POSITIVE_HINT, STRONG_POSITIVE_HINT, hintString, isBoilerplateText } from "./boilerplate.ts";
import { chooseContent } from "./score.ts";
import { EMPTY_STATS, linkDensity } from "./stats.ts";
import type { StatsMap, TextStats } from "./stats.ts";
import { joinBlocks, toBlocks } from "./text.ts";
import type { TextBlock } from "./text.ts";
import type { JsonLdArticle } from "./jsonld.ts";
import { ALL_RULES, type ExtractRules } from "./rules.ts";

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
  let listing = false;
  if (choice) {
    const topStats = stats.get(choice.top) ?? EMPTY_STATS;
    listing = looksLikeListing(topStats);
    if (!listing) {
      containers = choice.nodes;
      const total = containers.reduce((sum, el) => sum + (stats.get(el)?.chars ?? 0), 0);
      const blocks = toBlocks(containers, (el) => shouldPrune(el, stats, total));
      domText = joinBlocks(filterBlocks(blocks, title, rules));
    }
  }

  const declared = declaredBody(ld);
  const wordsNeeded = declared ? wordCount(declared) * 0.6 : 0;
  if (declared && wordCount(domText, wordsNeeded) < wordsNeeded) {
    return { text: declared, containers: [], source: "json-ld" };
  }
  if (!hasTextChars(domText, MIN_BODY_CHARS)) {
    return {
      text: "",
      containers: [],
      source: "none",
      emptyReason: listing
        ? "no article content found: the page is a list of links to other stories"
        : "no article content found: the page has no block of prose",
    };
  }
  return { text: domText, containers, source: "dom" };
}

/** A section front or index: as many links as paragraphs, short paragraphs, much link text. */
function looksLikeListing(s: TextStats): boolean {
  if (s.paragraphs < 4) return false;
  const density = linkDensity(s);
  return s.links >= s.paragraphs * 1.5 && s.chars / s.paragraphs < 260 && density > 0.3;
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
function shouldPrune(el: HTMLElement, stats: StatsMap, containerChars: number): boolean {
  const tag = tagOf(el);
  const s = stats.get(el) ?? EMPTY_STATS;
  if (s.chars === 0) return tag !== "img";
  // A wrapper holding most of the story is kept whatever its name says.
  const holdsStory = s.chars >= containerChars * 0.4 && s.chars > 400;

  if (tag === "h1") return true;
  if (NEVER_CONTENT_TAGS.has(tag)) return !holdsStory;
  if (tag === "header") return !holdsStory && s.chars < 600;
  if (tag === "figure" || tag === "figcaption") return !holdsStory;
  if (attr(el, "role") === "navigation" || attr(el, "role") === "complementary") return !holdsStory;

  const hints = hintString(el);
  if (hints && NEGATIVE_HINT.test(hints) && !holdsStory) {
    // "article-content-footer" has both kinds of words; trust the negative one unless the positive is strong.
    if (!STRONG_POSITIVE_HINT.test(hints) || /(?:related|share|social|newsletter|promo|ad ?slot|advert)/.test(hints)) return true;
  }

  const density = linkDensity(s);
  if (tag === "p" || HEADING_TAG.test(tag)) return false;
  if (tag === "ul" || tag === "ol" || tag === "dl" || tag === "table" || tag === "div" || tag === "section" || tag === "li") {
    // Link lists and cards; a list of linked headlines each followed by a sentence of its own is prose.
    const ownText = s.chars - s.linkChars;
    if (density > 0.5 && !holdsStory && (ownText < 200 || density > 0.7)) return true;
    if (density > 0.33 && ownText < 100 && !(hints && POSITIVE_HINT.test(hints))) return true;
  }
  return false;
}

const BYLINE_LINE = /^(?:by|written by|von|por|par|di|reporting by|compiled by)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})*(?:\s*[,|•·–—-]\s*.{0,60})?$/u;
const DATE_LINE =
  /^(?:(?:published|updated|posted|last updated|first published)\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}(?:\s*(?:at\s*)?\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?\s*[a-z]{0,4})?\.?$|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?:\s+\d{1,2}:\d{2})?$|^\d{4}-\d{2}-\d{2}(?:[ t]\d{2}:\d{2}.*)?$|^\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?\s*(?:[a-z]{2,4})?$/i;

/** Drops stock phrases, the repeated headline and byline/date lines. */
function filterBlocks(blocks: TextBlock[], title: string, rules: ExtractRules): TextBlock[] {
  const titleKey = compareKey(title);
  return blocks.filter((block) => {
    const text = block.text;
    if (isBoilerplateText(text, rules)) return false;
    if (titleKey.length > 0 && text.length < title.length * 1.5 + 10 && compareKey(text) === titleKey) return false;
    if (text.length < 120 && (BYLINE_LINE.test(text) || DATE_LINE.test(text))) return false;
    return true;
  });
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
