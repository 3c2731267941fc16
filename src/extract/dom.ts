/**
 * Thin helpers over node-html-parser. Every walk here is iterative: a page may
 * nest 10,000 elements deep, and the library's own recursive getters (`.text`,
 * `querySelectorAll`) would overflow the call stack on it.
 */
import { HTMLElement, NodeType, TextNode, parse } from "node-html-parser";
import type { Node } from "node-html-parser";

export { HTMLElement, TextNode };
export type { Node };

/**
 * Raw-text elements, in the parser's sense. `true` keeps the contents as one text
 * node (scripts, for JSON-LD; `<pre>`, for code samples), `false` drops them
 * while parsing, which is cheaper than removing them afterwards.
 */
const RAW_TEXT_ELEMENTS = { script: true, pre: true, style: false, noscript: false, textarea: false };

/**
 * Scripts (all but JSON-LD), styles, inline SVG, templates and comments never
 * hold article text; cutting them out with one linear regex before parsing
 * saves the parser work and keeps their markup from confusing it. The same pass
 * lower-cases the names of the raw-text tags that remain: the parser looks for
 * a closing tag with the opening tag's exact case, so `<SCRIPT>…</script>`
 * would otherwise swallow the rest of the page.
 */
const NEVER_TEXT = /<(script|style|noscript|svg|textarea|template)\b([^>]*)>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<(\/?)(script|style|noscript|pre|textarea)\b/gi;

export function parseHtml(html: string): HTMLElement {
  const prepared = html.replace(
    NEVER_TEXT,
    (match, tag: string | undefined, attrs: string | undefined, slash: string | undefined, rawTextTag: string | undefined) => {
      if (rawTextTag !== undefined) {
        // A raw-text tag left after stripping (JSON-LD, <pre>, an unclosed <script>): lower-case its name.
        return rawTextTag === rawTextTag.toLowerCase() ? match : `<${slash ?? ""}${rawTextTag.toLowerCase()}`;
      }
      if (tag !== undefined && tag.toLowerCase() === "script" && attrs !== undefined && /ld\+json/i.test(attrs)) {
        return tag === "script" ? match : `<script${attrs}>${match.slice(match.indexOf(">") + 1, match.lastIndexOf("</"))}</script>`;
      }
      return "";
    },
  );
  return parse(prepared, { comment: false, blockTextElements: RAW_TEXT_ELEMENTS });
}

export function isElement(node: Node): node is HTMLElement {
  return node.nodeType === NodeType.ELEMENT_NODE;
}

export function isText(node: Node): node is TextNode {
  return node.nodeType === NodeType.TEXT_NODE;
}

/** Lower-case tag name ("" for the root fragment). */
export function tagOf(el: HTMLElement): string {
  const raw = el.rawTagName;
  return raw ? raw.toLowerCase() : "";
}

/** An attribute's decoded value; `name` must be lower-case. */
export function attr(el: HTMLElement, name: string): string | undefined {
  // `attrs` parses every attribute of the element; skip that when the raw
  // attribute text cannot contain the name.
  const raw = el.rawAttrs;
  if (!raw) return undefined;
  if (!raw.includes(name) && !raw.includes(name.toUpperCase())) return undefined;
  return el.attrs[name];
}

const classCache = new WeakMap<HTMLElement, string>();

/** The class attribute as written (the library rebuilds `classNames` on every call). */
export function classOf(el: HTMLElement): string {
  let cls = classCache.get(el);
  if (cls === undefined) {
    cls = el.rawAttrs && /class/i.test(el.rawAttrs) ? el.classNames : "";
    classCache.set(el, cls);
  }
  return cls;
}

/** Decodes HTML entities with the parser's own decoder. */
export function decodeEntities(raw: string): string {
  if (!raw.includes("&")) return raw;
  // One reusable node: constructing a node per call costs more than the decoding.
  decoderNode.rawText = raw;
  return decoderNode.text;
}
const decoderNode = new TextNode("");

/** Visits every element below `root` (pre-order, document order), without recursion. */
export function forEachElement(root: HTMLElement, visit: (el: HTMLElement) => boolean | void): void {
  const stack: Node[] = [...root.childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (!isElement(node)) continue;
    if (visit(node) === false) continue; // false: do not descend
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Node);
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
