/**
 * Teasers: a linked headline followed by a line or two of its own ("headline + one
 * teaser sentence"), the unit of section fronts, "more stories" blocks and promo
 * columns. Told apart from prose by where the link stands, not by how much of the
 * text it holds: a story's paragraph may carry links, but it does not open with one
 * that is its whole first line, item after item.
 */
import { isElement, isText, tagOf } from "./dom.ts";
import type { HTMLElement, Node } from "./dom.ts";
import { EMPTY_STATS } from "./stats.ts";
import type { StatsMap } from "./stats.ts";

/** A teaser's own text (outside the link) is at most this long: a standfirst, not a story. */
const MAX_TEASER_TEXT = 300;
/** Link text shorter than this is a "more" or an icon, not a headline. */
const MIN_HEADLINE_CHARS = 12;

/** An item whose first words are a link (a headline), with little text of its own after it. */
export function isLinkLedItem(el: HTMLElement, stats: StatsMap): boolean {
  const s = stats.get(el) ?? EMPTY_STATS;
  if (s.linkChars < MIN_HEADLINE_CHARS || s.chars - s.linkChars > MAX_TEASER_TEXT) return false;
  return firstTextIsLinked(el);
}

/** A block whose items (at least three, and most of those with text) are link-led teasers. */
export function isTeaserList(el: HTMLElement, stats: StatsMap): boolean {
  let items = 0;
  let teasers = 0;
  for (const child of el.childNodes) {
    if (!isElement(child) || (stats.get(child)?.chars ?? 0) === 0) continue;
    items++;
    if (isLinkLedItem(child, stats)) teasers++;
  }
  return teasers >= 3 && teasers >= items * 0.6;
}

/** Whether the first non-blank text in the subtree is inside an `<a>`. */
function firstTextIsLinked(root: HTMLElement): boolean {
  const stack: Array<{ node: Node; linked: boolean }> = [{ node: root, linked: tagOf(root) === "a" }];
  while (stack.length > 0) {
    const { node, linked } = stack.pop() as { node: Node; linked: boolean };
    if (isText(node)) {
      if (/[\p{L}\p{N}]/u.test(node.rawText)) return linked;
      continue;
    }
    if (!isElement(node)) continue;
    const inLink = linked || tagOf(node) === "a";
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i] as Node, linked: inLink });
  }
  return false;
}
