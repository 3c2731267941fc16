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

const COMMA = /[,，、،]/g;

export function computeStats(root: HTMLElement): StatsMap {
  const stats: StatsMap = new Map();
  // Post-order without recursion: each element is pushed twice, the second
  // time (flag true) after all its children are done.
  // Two parallel stacks instead of a tuple per entry: this runs over every element of every page.
  const stack: HTMLElement[] = [root];
  const expanded: boolean[] = [false];
  while (stack.length > 0) {
    const el = stack.pop() as HTMLElement;
    const done = expanded.pop() as boolean;
    if (!done) {
      stack.push(el);
      expanded.push(true);
      for (const child of el.childNodes) {
        if (isElement(child)) {
          stack.push(child);
          expanded.push(false);
        }
      }
      continue;
    }
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
    const text = child.rawText;
    const chars = visibleLength(text);
    if (chars === 0) return;
    into.chars += chars;
    COMMA.lastIndex = 0;
    const commas = text.match(COMMA);
    if (commas) into.commas += commas.length;
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

/** Length with whitespace runs counted as one character and the ends trimmed. */
function visibleLength(text: string): number {
  let n = 0;
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
    }
  }
  return n > 0 && inSpace ? n - 1 : n;
}

export function linkDensity(s: TextStats): number {
  return s.chars === 0 ? 0 : s.linkChars / s.chars;
}

export const EMPTY_STATS: TextStats = { chars: 0, linkChars: 0, commas: 0, paragraphs: 0, links: 0, elements: 0, blocks: 0 };
