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

/** An item whose first words are a link set as a headline, with little text of its own after it. */
export function isLinkLedItem(el: HTMLElement, stats: StatsMap): boolean {
  const s = stats.get(el) ?? EMPTY_STATS;
  if (s.linkChars < MIN_HEADLINE_CHARS || s.chars - s.linkChars > MAX_TEASER_TEXT) return false;
  const link = leadingLink(el);
  return link !== undefined && isSetAsHeadline(link);
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

const HEADING = /^h[1-6]$/;
const BREAKS: ReadonlySet<string> = new Set(["br", "p", "div", "span", "ul", "ol", "time", "small", "img", "figure"]);

/**
 * A headline stands apart from the text after it: in a heading, or followed by a
 * line break or a block, or (written inline) without a full stop, the next words
 * starting a sentence of their own. A link that is the first sentence of a
 * paragraph ("<a>X is investigating Y.</a> The company said…") is prose.
 */
function isSetAsHeadline(link: HTMLElement): boolean {
  for (let p: HTMLElement | null = link; p; p = p.parentNode) {
    if (HEADING.test(tagOf(p))) return true;
    if (p.parentNode && significantSiblings(p.parentNode).length > 1) break;
  }
  const text = link.rawText.trim();
  if (/[.!?…:;,]["'”’»)]*$/.test(text)) return false;
  const next = nextSignificant(link);
  if (next === undefined) return true;
  if (isElement(next)) return BREAKS.has(tagOf(next)) || tagOf(next) === "a";
  return /^\s*[\p{Lu}\p{N}"“«(—–-]/u.test(next.rawText);
}

function significantSiblings(parent: HTMLElement): Node[] {
  return parent.childNodes.filter((n) => isElement(n) || (isText(n) && n.rawText.trim() !== ""));
}

/** The node after `el`, climbing out of wrappers it ends (skipping blank text). */
function nextSignificant(el: HTMLElement): Node | undefined {
  for (let node: HTMLElement | null = el; node && node.parentNode; node = node.parentNode) {
    const kids = node.parentNode.childNodes;
    for (let i = kids.indexOf(node) + 1; i < kids.length; i++) {
      const kid = kids[i] as Node;
      if (isText(kid) && kid.rawText.trim() === "") continue;
      return kid;
    }
  }
  return undefined;
}

/** The `<a>` around the first non-blank text in the subtree, if that text is linked. */
function leadingLink(root: HTMLElement): HTMLElement | undefined {
  const stack: Array<{ node: Node; link: HTMLElement | undefined }> = [{ node: root, link: tagOf(root) === "a" ? root : undefined }];
  while (stack.length > 0) {
    const { node, link } = stack.pop() as { node: Node; link: HTMLElement | undefined };
    if (isText(node)) {
      if (/[\p{L}\p{N}]/u.test(node.rawText)) return link;
      continue;
    }
    if (!isElement(node)) continue;
    const inLink = link ?? (tagOf(node) === "a" ? node : undefined);
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i] as Node, link: inLink });
  }
  return undefined;
}
