/**
 * Thin helpers over node-html-parser. Every walk here is iterative: a page may
 * nest 10,000 elements deep, and the library's own recursive getters (`.text`,
 * `querySelectorAll`) would overflow the call stack on it.
 */
import { HTMLElement, NodeType, TextNode, parse } from "node-html-parser";
import type { Node } from "node-html-parser";
import { repairMarkup } from "./repair.ts";

export { HTMLElement, TextNode };
export type { Node };

/**
 * Raw-text elements, in the parser's sense. `true` keeps the contents as one text
 * node (scripts, for JSON-LD; `<pre>`, for code samples), `false` drops them
 * while parsing, which is cheaper than removing them afterwards.
 */
const RAW_TEXT_ELEMENTS = { script: true, pre: true, style: false, noscript: false, textarea: false };

/** Parses markup that strip.ts has already been through, after the repairs of repair.ts. */
export function parseStripped(html: string, repair = true): HTMLElement {
  return parse(repair ? repairMarkup(html) : html, { comment: false, blockTextElements: RAW_TEXT_ELEMENTS });
}

// Copied into constants: these two run on every node in every walk.
const ELEMENT_NODE: number = NodeType.ELEMENT_NODE;
const TEXT_NODE: number = NodeType.TEXT_NODE;

export function isElement(node: Node): node is HTMLElement {
  return node.nodeType === ELEMENT_NODE;
}

export function isText(node: Node): node is TextNode {
  return node.nodeType === TEXT_NODE;
}

/** Lower-case tag name ("" for the root fragment). */
export function tagOf(el: HTMLElement): string {
  const raw = el.rawTagName;
  return raw ? raw.toLowerCase() : "";
}

/** An attribute's decoded value; `name` must be lower-case. */
export function attr(el: HTMLElement, name: string): string | undefined {
  // `attrs` parses and entity-decodes every attribute of the element, and is
  // asked for on most elements; skip that when the raw attribute text holds
  // no attribute of that name.
  const raw = el.rawAttrs;
  if (!raw || !attributeNamePattern(name).test(raw)) return undefined;
  return el.attrs[name];
}

const namePatterns = new Map<string, RegExp>();

/**
 * Matches where the parser could read an attribute `name` (any case): the name
 * not followed by a character that would make it a longer name. So "rel" is not
 * looked for in `class="related"`. It may match inside a quoted value; `attrs`
 * then has the final word.
 */
function attributeNamePattern(name: string): RegExp {
  let pattern = namePatterns.get(name);
  if (pattern === undefined) {
    pattern = new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![a-z0-9._:()[\\]#-])`, "i");
    namePatterns.set(name, pattern);
  }
  return pattern;
}

const classCache = new WeakMap<HTMLElement, string>();

/** The class attribute as written (the library rebuilds `classNames` on every call). */
export function classOf(el: HTMLElement): string {
  const raw = el.rawAttrs;
  // Most elements have no class: answer those without touching the cache.
  if (!raw || !CLASS_ATTRIBUTE.test(raw)) return "";
  let cls = classCache.get(el);
  if (cls === undefined) {
    cls = el.classNames;
    classCache.set(el, cls);
  }
  return cls;
}
const CLASS_ATTRIBUTE = /class/i;

/** Decodes HTML entities with the parser's own decoder. */
export function decodeEntities(raw: string): string {
  if (!raw.includes("&")) return raw;
  // One reusable node: constructing a node per call costs more than the decoding.
  decoderNode.rawText = raw;
  return decoderNode.text;
}
const decoderNode = new TextNode("");

/**
 * Every element of the tree in document order (pre-order), `root` first. The
 * page is listed once, after cleaning; the passes over every element then read
 * this array instead of each walking the tree again. A subtree is a contiguous
 * run: an element, then its descendants.
 */
export function listElements(root: HTMLElement): HTMLElement[] {
  const elements: HTMLElement[] = [];
  const stack: HTMLElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop() as HTMLElement;
    elements.push(el);
    const kids = el.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) {
      const kid = kids[i] as Node;
      if (isElement(kid)) stack.push(kid);
    }
  }
  return elements;
}

/**
 * Visits every element of `listElements`' list but the root, in document order.
 * When `visit` returns false, the element's descendants (`descendants(el)` of
 * them) are skipped.
 */
export function forEachElement(
  elements: HTMLElement[],
  descendants: (el: HTMLElement) => number,
  visit: (el: HTMLElement) => boolean | void,
): void {
  for (let i = 1; i < elements.length; i++) {
    const el = elements[i] as HTMLElement;
    if (visit(el) === false) i += descendants(el);
  }
}

/** The whitespace-collapsed text of a subtree (no block structure). */
export function plainText(root: HTMLElement): string {
  const parts: string[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (isText(node)) {
      parts.push(node.rawText);
    } else if (isElement(node)) {
      const tag = tagOf(node);
      if (tag === "br" || BLOCK_TAGS.has(tag)) parts.push(" ");
      const kids = node.childNodes;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Node);
    }
  }
  return collapseWhitespace(decodeEntities(parts.join("")));
}

export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, " ").trim();
}

/** Elements that start a new line of text when rendered. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
  "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
  "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
  "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
]);
