/**
 * Finds the story container: every paragraph-like block scores its ancestors
 * (more for length and commas), each candidate is weighted by class/id hints and
 * discounted by its link density, and the best one plus its story-like siblings
 * is the article. The idea is Readability's; the numbers come from the stats pass
 * and the hints in boilerplate.ts, and `itemprop=articleBody` wins outright when
 * it holds real text.
 */
import { BLOCK_TAGS, attr, isElement, isText, tagOf } from "./dom.ts";
import type { HTMLElement } from "./dom.ts";
import { STRONG_POSITIVE_HINT, classWeight, hintString } from "./boilerplate.ts";
import { EMPTY_STATS, linkDensity } from "./stats.ts";
import type { StatsMap } from "./stats.ts";
import { ALL_RULES, type ExtractRules } from "./rules.ts";

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
  const initScore = (el: HTMLElement): number => {
    let s = scores.get(el);
    if (s === undefined) {
      s = baseScore(el);
      scores.set(el, s);
    }
    return s;
  };

  const articleBodies: HTMLElement[] = [];
  const stack: HTMLElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop() as HTMLElement;
    const tag = tagOf(el);
    const s = stats.get(el) ?? EMPTY_STATS;
    if (s.chars === 0) continue;
    if (tag !== "" && attr(el, "itemprop")?.toLowerCase().includes("articlebody")) articleBodies.push(el);

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

  const declared = pickDeclaredBody(articleBodies, stats);
  if (declared) return { nodes: [declared], top: declared, score: Infinity };

  const finalScore = (el: HTMLElement): number => {
    const raw = scores.get(el);
    if (raw === undefined) return 0;
    return raw * (1 - linkDensity(stats.get(el) ?? EMPTY_STATS));
  };

  const ranked = [...scores.keys()]
    .map((el) => ({ el, score: finalScore(el) }))
    .sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (!best || best.score <= 0) return undefined;

  let top = best.el;
  top = preferCommonAncestor(top, ranked.slice(1, 6), best.score);
  top = climbWhileParentScoresHigher(top, finalScore, stats);

  const nodes = withStorySiblings(top, finalScore(top), finalScore, stats);
  return { nodes, top, score: finalScore(top) };
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

function baseScore(el: HTMLElement): number {
  const tag = tagOf(el);
  let score = classWeight(el);
  if (tag === "div" || tag === "article" || tag === "main" || tag === "section") score += 5;
  else if (tag === "pre" || tag === "td" || tag === "blockquote") score += 3;
  else if (tag === "address" || tag === "ol" || tag === "ul" || tag === "dl" || tag === "dd" || tag === "dt" || tag === "li" || tag === "form") score -= 3;
  else if (/^h[1-6]$/.test(tag) || tag === "th") score -= 5;
  if (tag === "article") score += 10;
  return score;
}

/** A declared `itemprop=articleBody` block, when it holds prose rather than a teaser. */
function pickDeclaredBody(candidates: HTMLElement[], stats: StatsMap): HTMLElement | undefined {
  let best: HTMLElement | undefined;
  let bestChars = 0;
  for (const el of candidates) {
    const s = stats.get(el) ?? EMPTY_STATS;
    if (s.chars > bestChars && linkDensity(s) < 0.5) {
      best = el;
      bestChars = s.chars;
    }
  }
  return best && bestChars >= 400 ? best : undefined;
}

/**
 * When several near-best candidates sit under one ancestor (a story split into
 * sections), that ancestor is the article.
 */
function preferCommonAncestor(
  top: HTMLElement,
  others: Array<{ el: HTMLElement; score: number }>,
  topScore: number,
): HTMLElement {
  const close = others.filter((o) => o.score >= topScore * 0.75).map((o) => ancestorSet(o.el));
  if (close.length < 2) return top;
  let parent = top.parentNode;
  while (parent && tagOf(parent) && tagOf(parent) !== "body") {
    let containing = 0;
    for (const set of close) if (set.has(parent)) containing++;
    if (containing >= 2) return parent;
    parent = parent.parentNode;
  }
  return top;
}

function ancestorSet(el: HTMLElement): Set<HTMLElement> {
  const set = new Set<HTMLElement>();
  for (let p = el.parentNode; p; p = p.parentNode) set.add(p);
  return set;
}

function climbWhileParentScoresHigher(
  top: HTMLElement,
  finalScore: (el: HTMLElement) => number,
  stats: StatsMap,
): HTMLElement {
  let current = top;
  // A lone child of its parent adds nothing by itself: the parent is the block.
  while (current.parentNode && tagOf(current.parentNode) && tagOf(current.parentNode) !== "body") {
    const parent = current.parentNode;
    const parentStats = stats.get(parent) ?? EMPTY_STATS;
    const ownStats = stats.get(current) ?? EMPTY_STATS;
    if (parentStats.chars === ownStats.chars) {
      current = parent;
      continue;
    }
    break;
  }
  let lastScore = finalScore(current);
  const threshold = lastScore / 3;
  let parent = current.parentNode;
  while (parent && tagOf(parent) && tagOf(parent) !== "body") {
    const parentScore = finalScore(parent);
    if (parentScore === 0) {
      parent = parent.parentNode;
      continue;
    }
    if (parentScore < threshold) break;
    if (parentScore > lastScore) {
      current = parent;
      break;
    }
    lastScore = parentScore;
    parent = parent.parentNode;
  }
  return current;
}

/** The top candidate plus siblings that read like more of the story. */
function withStorySiblings(
  top: HTMLElement,
  topScore: number,
  finalScore: (el: HTMLElement) => number,
  stats: StatsMap,
): HTMLElement[] {
  const parent = top.parentNode;
  if (!parent || !tagOf(parent)) return [top];
  const threshold = Math.max(10, topScore * 0.2);
  const topHints = hintString(top);
  const nodes: HTMLElement[] = [];
  for (const sibling of parent.childNodes) {
    if (!isElement(sibling)) continue;
    if (sibling === top) {
      nodes.push(top);
      continue;
    }
    const s = stats.get(sibling) ?? EMPTY_STATS;
    if (s.chars === 0) continue;
    let bonus = 0;
    const hints = hintString(sibling);
    if (topHints && hints === topHints) bonus += topScore * 0.2;
    if (STRONG_POSITIVE_HINT.test(hints)) bonus += topScore * 0.2;
    if (finalScore(sibling) + bonus >= threshold) {
      nodes.push(sibling);
      continue;
    }
    if (tagOf(sibling) === "p") {
      const density = linkDensity(s);
      if ((s.chars > 80 && density < 0.25) || (s.chars > 0 && s.chars <= 80 && density === 0 && /[.!?。]\s*$/.test(sibling.rawText))) {
        nodes.push(sibling);
      }
    }
  }
  return nodes;
}
