/**
 * Per-element text statistics, computed once bottom-up (iteratively) over the
 * cleaned tree: how much text an element holds, how much of it is link text,
 * how many commas and paragraphs. Scoring and pruning read only these numbers.
 */
import { BLOCK_TAGS, isElement, isText, tagOf } from "./dom.ts";
import type { HTMLElement, Node } from "./dom.ts";

export interface TextStats {
  /** Characters of visible text, whitespace runs counted as one. */
  chars: number;
  /** Of which inside `<a>`. */
  linkChars: number;
  /** Commas (Latin, CJK and Arabic), a sign of prose. */
  commas: number;
  /** `<p>` elements with some text. */
  paragraphs: number;
  /** `<a>` elements. */
  links: number;
  /** Elements below this one. */
  elements: number;
  /** Block-level elements (p, div, li…) below this one: zero for a run of inline text. */
  blocks: number;
}

export type StatsMap = Map<HTMLElement, TextStats>;

/** @param elements every element in document order (dom.ts `listElements`). */
export function computeStats(elements: HTMLElement[]): StatsMap {
  const stats: StatsMap = new Map();
  // Backwards through document order, every element comes after all its
  // descendants: its children's numbers are ready when it is reached.
  for (let i = elements.length - 1; i >= 0; i--) {
    const el = elements[i] as HTMLElement;
    const own: TextStats = { chars: 0, linkChars: 0, commas: 0, paragraphs: 0, links: 0, elements: 0, blocks: 0 };
    const tag = tagOf(el);
    for (const child of el.childNodes) addChild(own, child, stats);
    if (tag === "a") {
      own.linkChars = own.chars;
      own.links += 1;
    } else if (tag === "p" && own.chars > 0) {
      own.paragraphs += 1;
    }
    stats.set(el, own);
  }
  return stats;
}

function addChild(into: TextStats, child: Node, stats: StatsMap): void {
  if (isText(child)) {
    addText(into, child.rawText);
    return;
  }
  if (!isElement(child)) return;
  const s = stats.get(child);
  if (!s) return;
  into.chars += s.chars;
  into.linkChars += s.linkChars;
  into.commas += s.commas;
  into.paragraphs += s.paragraphs;
  into.links += s.links;
  into.elements += s.elements + 1;
  into.blocks += s.blocks + (BLOCK_TAGS.has(tagOf(child)) ? 1 : 0);
}

/**
 * Adds a text node's visible length (whitespace runs counted as one character,
 * the ends trimmed) and its commas, in one pass over its characters.
 */
function addText(into: TextStats, text: string): void {
  let n = 0;
  let commas = 0;
  let inSpace = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160;
    if (space) {
      if (!inSpace) n++;
      inSpace = true;
    } else {
      n++;
      inSpace = false;
      if (c === 0x2c || c === 0xff0c || c === 0x3001 || c === 0x060c) commas++;
    }
  }
  const chars = n > 0 && inSpace ? n - 1 : n;
  if (chars === 0) return;
  into.chars += chars;
  into.commas += commas;
}

/** How many elements are below `el` (its run in `listElements`' list, less itself). */
export function descendantCount(el: HTMLElement, stats: StatsMap): number {
  return stats.get(el)?.elements ?? 0;
}

export function linkDensity(s: TextStats): number {
  return s.chars === 0 ? 0 : s.linkChars / s.chars;
}

export const EMPTY_STATS: TextStats = { chars: 0, linkChars: 0, commas: 0, paragraphs: 0, links: 0, elements: 0, blocks: 0 };
