/**
 * Finds the story container: every paragraph-like block scores its ancestors
 * (more for length and commas), each candidate is weighted by class/id hints and
 * discounted by its link density, and the best one plus its story-like siblings
 * is the article. The idea is Readability's; the numbers come from the stats pass
 * and the hints in boilerplate.ts. (An `itemprop=articleBody` shortcut was dropped:
 * the ablation showed it changed no page, dev or fixture.) Reader comments score
 * nothing, listings and teasers never win, and a class name adds at most what the
 * block's text earned.
 */
import { BLOCK_TAGS, isElement, isText, tagOf } from "./dom.ts";
import type { HTMLElement } from "./dom.ts";
import { STRONG_POSITIVE_HINT, classWeight, hintString, isCommentBlock } from "./boilerplate.ts";
import { EMPTY_STATS, linkDensity } from "./stats.ts";
import type { StatsMap, TextStats } from "./stats.ts";
import { ALL_RULES, type ExtractRules } from "./rules.ts";
import { isLinkLedItem, isTeaserList } from "./teasers.ts";

export interface ContentChoice {
  /** The containers whose text is the article, in document order (often one). */
  nodes: HTMLElement[];
  /** The best candidate (one of `nodes`). */
  top: HTMLElement;
  score: number;
}

/** Tags that read as one paragraph when they hold text and no other blocks. */
const PARAGRAPH_LIKE: ReadonlySet<string> = new Set([
  "p", "pre", "td", "blockquote", "div", "section", "article", "span", "font", "center", "dd", "li", "main",
]);

const MIN_PARAGRAPH_CHARS = 25;
const ANCESTOR_LEVELS = 5;

export function chooseContent(root: HTMLElement, stats: StatsMap, rules: ExtractRules = ALL_RULES): ContentChoice | undefined {
  const scores = new Map<HTMLElement, number>();
  // The text each candidate gathered from its paragraphs; tag and class weights are added at the end.
  const initScore = (el: HTMLElement): number => scores.get(el) ?? 0;

  const stack: HTMLElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop() as HTMLElement;
    const tag = tagOf(el);
    const s = stats.get(el) ?? EMPTY_STATS;
    if (s.chars === 0) continue;
    // Reader comments are prose, but never the story: their paragraphs score nothing, and nothing in them is a candidate.
    if (rules.commentsNeverScore && tag !== "" && isCommentBlock(el)) continue;

    const hasBlockChild = hasBlockChildIn(el, stats);
    // Below a block without block children there is only inline text: one paragraph, nothing more to visit.
    if (hasBlockChild || tag === "") {
      for (const child of el.childNodes) if (isElement(child)) stack.push(child);
    }

    if (!hasBlockChild && PARAGRAPH_LIKE.has(tag)) {
      // A paragraph: it scores its ancestors.
      const textChars = s.chars - s.linkChars;
      if (textChars < MIN_PARAGRAPH_CHARS) continue;
      const content = 1 + s.commas + Math.min(Math.floor(textChars / 100), 3);
      let ancestor = el.parentNode;
      for (let level = 0; ancestor && level < ANCESTOR_LEVELS; level++, ancestor = ancestor.parentNode) {
        if (!tagOf(ancestor)) break;
        const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
        scores.set(ancestor, initScore(ancestor) + content / divider);
      }
      continue;
    }
    if (!hasBlockChild) continue;
    // The text between the block children, outside links (only containers have any, so only they pay for counting it).
    let directChars = 0;
    let directCommas = 0;
    for (const child of el.childNodes) {
      if (isElement(child)) {
        const cs = stats.get(child);
        if (cs && !BLOCK_TAGS.has(tagOf(child)) && cs.blocks === 0) {
          directChars += cs.chars - cs.linkChars;
          directCommas += cs.commas;
        }
      } else if (isText(child)) {
        const raw = child.rawText;
        directChars += raw.trim().length;
        for (let i = raw.indexOf(","); i !== -1; i = raw.indexOf(",", i + 1)) directCommas++;
      }
    }
    if (directChars >= MIN_PARAGRAPH_CHARS * 2) {
      // Text written straight into a container between <br>s: the container is its paragraph's parent.
      const content = 1 + directCommas + Math.min(Math.floor(directChars / 100), 3);
      scores.set(el, initScore(el) + content);
      if (el.parentNode && tagOf(el.parentNode)) scores.set(el.parentNode, initScore(el.parentNode) + content / 2);
    }
  }


  const finalScore = (el: HTMLElement): number => {
    const content = scores.get(el);
    if (content === undefined) return 0;
    return (content + weightOf(el, content, rules)) * (1 - linkDensity(stats.get(el) ?? EMPTY_STATS));
  };

  // A listing (a section front, a block of teasers) is never the article, however much it scores;
  // nor is a block whose text is mostly listings (the page around a section front's teasers).
  const listings = rules.listingsNeverWin ? new Set([...scores.keys()].filter((el) => isListing(el, stats, rules))) : new Set<HTMLElement>();
  const inListings = textInListings(listings, stats);
  const ranked = [...scores.keys()]
    .filter((el) => !listings.has(el) && (inListings.get(el) ?? 0) < (stats.get(el)?.chars ?? 0) * 0.5)
    .map((el) => ({ el, score: finalScore(el) }))
    .sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (!best || best.score <= 0) return undefined;

  let top = best.el;
  // A wrapper around a lone child is that child's block: it scores what the child scored.
  const blockScore = (el: HTMLElement): number => {
    let score = finalScore(el);
    if (!rules.wrapperCarriesScore) return score;
    for (let only = loneChild(el, stats); only; only = loneChild(only, stats)) score = Math.max(score, finalScore(only));
    return score;
  };
  top = climbToRicherParent(top, best.score, blockScore, stats, rules.climbToRicherParent);

  const nodes = withStorySiblings(top, blockScore(top), blockScore, stats, rules);
  return { nodes, top, score: blockScore(top) };
}

/** A candidate that cannot be the article: a link list, a block of teasers, or one teaser. */
function isListing(el: HTMLElement, stats: StatsMap, rules: ExtractRules): boolean {
  if (looksLikeListing(stats.get(el) ?? EMPTY_STATS)) return true;
  return rules.teasers && (isTeaserList(el, stats) || isLinkLedItem(el, stats));
}

/** For each ancestor of a listing, how many of its characters are inside listings (outermost ones counted once). */
function textInListings(listings: Set<HTMLElement>, stats: StatsMap): Map<HTMLElement, number> {
  const totals = new Map<HTMLElement, number>();
  for (const listing of listings) {
    let nested = false;
    for (let p = listing.parentNode; p && !nested; p = p.parentNode) nested = listings.has(p);
    if (nested) continue;
    const chars = stats.get(listing)?.chars ?? 0;
    for (let p = listing.parentNode; p; p = p.parentNode) totals.set(p, (totals.get(p) ?? 0) + chars);
  }
  return totals;
}

/** A section front or index: as many links as paragraphs, short paragraphs, much link text. */
export function looksLikeListing(s: TextStats): boolean {
  if (s.paragraphs < 4) return false;
  return s.links >= s.paragraphs * 1.5 && s.chars / s.paragraphs < 260 && linkDensity(s) > 0.3;
}

/** The only child element with text, when it holds all of `el`'s text (`el` is just its wrapper). */
function loneChild(el: HTMLElement, stats: StatsMap): HTMLElement | undefined {
  const chars = stats.get(el)?.chars ?? 0;
  let only: HTMLElement | undefined;
  for (const child of el.childNodes) {
    if (!isElement(child) || (stats.get(child)?.chars ?? 0) === 0) continue;
    if (only) return undefined;
    only = child;
  }
  return only && stats.get(only)?.chars === chars ? only : undefined;
}

function hasBlockChildIn(el: HTMLElement, stats: StatsMap): boolean {
  for (const child of el.childNodes) {
    if (!isElement(child)) continue;
    if (BLOCK_TAGS.has(tagOf(child))) return true;
    const cs = stats.get(child);
    if (cs && cs.blocks > 0) return true;
  }
  return false;
}

/**
 * The tag's and the class's say. A story-like class adds at most as much as the
 * block's own text scored (a title box or a comment named "…content", or a page
 * wrapper named "page", cannot outscore the story on its name alone); a
 * boilerplate-like class counts in full, as it is evidence against the block.
 */
function weightOf(el: HTMLElement, content: number, rules: ExtractRules): number {
  const cls = classWeight(el);
  return tagWeight(el) + (rules.classBonusCappedByText && cls > 0 ? Math.min(cls, content) : cls);
}

function tagWeight(el: HTMLElement): number {
  const tag = tagOf(el);
  let score = 0;
  if (tag === "div" || tag === "article" || tag === "main" || tag === "section") score += 5;
  else if (tag === "pre" || tag === "td" || tag === "blockquote") score += 3;
  else if (tag === "address" || tag === "ol" || tag === "ul" || tag === "dl" || tag === "dd" || tag === "dt" || tag === "li" || tag === "form") score -= 3;
  else if (/^h[1-6]$/.test(tag) || tag === "th") score -= 5;
  if (tag === "article") score += 10;
  return score;
}

/**
 * A lone child is the same block as its parent. Above that, an ancestor replaces the
 * top only when it scores more than the top itself (the story's paragraphs are spread
 * over several of its children); an ancestor scoring under a third of the top ends
 * the search. Compared with the top's own score, never a shrinking one, so the
 * climb cannot drift up to <body> through weaker and weaker ancestors.
 * (`fixedReference` false is Readability's climb, for the ablation.)
 */
function climbToRicherParent(
  top: HTMLElement,
  bestScore: number,
  finalScore: (el: HTMLElement) => number,
  stats: StatsMap,
  fixedReference: boolean,
): HTMLElement {
  let current = top;
  while (current.parentNode && tagOf(current.parentNode) && tagOf(current.parentNode) !== "body") {
    const parent = current.parentNode;
    if ((stats.get(parent) ?? EMPTY_STATS).chars !== (stats.get(current) ?? EMPTY_STATS).chars) break;
    current = parent;
  }
  const topScore = Math.max(bestScore, finalScore(current));
  let lastScore = topScore;
  const threshold = topScore / 3;
  for (let parent = current.parentNode; parent && tagOf(parent) && tagOf(parent) !== "body"; parent = parent.parentNode) {
    const parentScore = finalScore(parent);
    if (parentScore === 0) continue;
    if (parentScore < threshold) break;
    if (parentScore > lastScore) return parent;
    if (!fixedReference) lastScore = parentScore;
  }
  return current;
}

/** The top candidate plus siblings that read like more of the story. */
function withStorySiblings(
  top: HTMLElement,
  topScore: number,
  finalScore: (el: HTMLElement) => number,
  stats: StatsMap,
  rules: ExtractRules,
): HTMLElement[] {
  const parent = top.parentNode;
  if (!parent || !tagOf(parent)) return [top];
  const threshold = Math.max(10, topScore * 0.2);
  const topHints = hintString(top);
  const parentIsTeaserList = rules.teasers && isTeaserList(parent, stats);
  const nodes: HTMLElement[] = [];
  for (const sibling of parent.childNodes) {
    if (!isElement(sibling)) continue;
    if (sibling === top) {
      nodes.push(top);
      continue;
    }
    const s = stats.get(sibling) ?? EMPTY_STATS;
    if (s.chars === 0) continue;
    // One paragraph may open with a link; items of a list of teasers all do.
    if (rules.teasers && (isTeaserList(sibling, stats) || (parentIsTeaserList && isLinkLedItem(sibling, stats)))) continue;
    let bonus = 0;
    const hints = hintString(sibling);
    if (topHints && hints === topHints) bonus += topScore * 0.2;
    if (STRONG_POSITIVE_HINT.test(hints)) bonus += topScore * 0.2;
    if (finalScore(sibling) + bonus >= threshold) {
      nodes.push(sibling);
      continue;
    }
    // A paragraph beside the container (a lead or a closing line), also when it is written as a <div> or
    // <span>, or wrapped in blocks of its own (seen through the wrappers).
    let inner = sibling;
    if (rules.wrapperCarriesScore) for (let only = loneChild(inner, stats); only; only = loneChild(only, stats)) inner = only;
    const innerTag = tagOf(inner);
    const innerStats = stats.get(inner) ?? EMPTY_STATS;
    if (innerTag === "p" || (rules.proseSiblingBlocks && innerStats.blocks === 0 && PARAGRAPH_LIKE.has(innerTag))) {
      const density = linkDensity(innerStats);
      const chars = innerStats.chars;
      if ((chars > 80 && density < 0.25) || (chars > 0 && chars <= 80 && density === 0 && /[.!?。]\s*$/.test(inner.rawText))) {
        nodes.push(sibling);
      }
    }
  }
  return nodes;
}
