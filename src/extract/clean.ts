/**
 * One pass over the parsed page that (1) collects what the metadata readers need
 * from `<head>` and scripts, and (2) removes from the tree everything a reader
 * never sees: scripts, styles, templates, form controls, embedded media, and
 * hidden elements. After this pass, no later stage can leak their text.
 */
import { attr, classOf, isElement, tagOf } from "./dom.ts";
import type { HTMLElement, Node } from "./dom.ts";

export interface PageHead {
  lang?: string;
  /** The `<title>` text. */
  title?: string;
  /** `<meta>` values by lower-case name/property/itemprop, in document order. */
  meta: Map<string, string[]>;
  /** `<link rel=…>` hrefs by lower-case rel token. */
  links: Map<string, string[]>;
  /** Raw JSON-LD script bodies. */
  jsonLd: string[];
}

/**
 * Elements whose contents are never article text. `<head>` is not among them:
 * its own children (meta, title, link, script, style) are, and a page that never
 * closes `<head>` has its whole body parsed inside it.
 */
const INVISIBLE_TAGS: ReadonlySet<string> = new Set([
  "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "video", "audio",
  "map", "select", "option", "textarea", "input", "button", "dialog", "link", "meta", "title", "base",
  "source", "track", "param", "picture",
]);

/** Class names that hide an element in every common CSS framework. */
const HIDDEN_CLASS = /(?:^|\s)(?:hidden|d-none|is-hidden|hide|visually-hidden|sr-only|screen-reader-text|screenreader-only|element-invisible|u-hidden)(?:\s|$)/i;

/** Cheap pre-check on the raw attributes before the class list is looked at. */
const HIDDEN_WORD = /hid|none|sr-only|screen-?reader|invisible/i;

/** Every word that any test below needs, in one scan: most elements have none of them. */
const ANY_HIDING_WORD = /hid|none|sr-only|screen-?reader|invisible|display|visibility/i;

export function isHiddenElement(el: HTMLElement): boolean {
  const raw = el.rawAttrs;
  if (!raw || !ANY_HIDING_WORD.test(raw)) return false;
  if (HIDDEN_WORD.test(raw) && HIDDEN_CLASS.test(classOf(el))) return true;
  if (!/hidden|display|visibility/i.test(raw)) return false;
  const attrs = el.attrs;
  if ("hidden" in attrs) return true;
  if ((attrs["aria-hidden"] ?? "").trim().toLowerCase() === "true") return true;
  const style = attrs["style"];
  return style !== undefined && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Collects the head data, then strips invisible elements from the tree in place. */
export function cleanPage(root: HTMLElement): PageHead {
  const head: PageHead = { meta: new Map(), links: new Map(), jsonLd: [] };
  const stack: HTMLElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop() as HTMLElement;
    const kids = el.childNodes;
    let kept: Node[] | undefined;
    for (let i = 0; i < kids.length; i++) {
      const child = kids[i] as Node;
      let keep = true;
      if (isElement(child)) {
        const tag = tagOf(child);
        if (INVISIBLE_TAGS.has(tag)) {
          collectHeadElement(child, tag, head);
          keep = false;
        } else if (isHiddenElement(child)) {
          collectInside(child, head); // JSON-LD and <meta> inside hidden blocks still describe the page
          keep = false;
        }
        if (tag === "html" && head.lang === undefined) head.lang = attr(child, "lang") ?? attr(child, "xml:lang");
      }
      if (!keep && kept === undefined) kept = kids.slice(0, i);
      if (keep && kept !== undefined) kept.push(child);
    }
    if (kept !== undefined) el.childNodes = kept;
    for (let i = el.childNodes.length - 1; i >= 0; i--) {
      const child = el.childNodes[i] as Node;
      if (isElement(child)) stack.push(child);
    }
  }
  return head;
}

function collectInside(container: HTMLElement, head: PageHead): void {
  const stack: HTMLElement[] = [container];
  while (stack.length > 0) {
    const el = stack.pop() as HTMLElement;
    for (const child of el.childNodes) {
      if (!isElement(child)) continue;
      collectHeadElement(child, tagOf(child), head);
      stack.push(child);
    }
  }
}

function collectHeadElement(el: HTMLElement, tag: string, head: PageHead): void {
  if (tag === "meta") {
    const content = attr(el, "content");
    if (content === undefined) return;
    for (const keyAttr of ["property", "name", "itemprop"]) {
      const key = attr(el, keyAttr);
      // itemprop may name several properties at once ("datePublished dateCreated").
      if (key) for (const token of key.trim().toLowerCase().split(/\s+/)) if (token) push(head.meta, token, content.trim());
    }
  } else if (tag === "link") {
    const rel = attr(el, "rel");
    const href = attr(el, "href");
    if (!rel || !href) return;
    for (const token of rel.toLowerCase().split(/\s+/)) if (token) push(head.links, token, href.trim());
  } else if (tag === "title") {
    if (head.title === undefined) head.title = el.text;
  } else if (tag === "script") {
    const type = (attr(el, "type") ?? "").toLowerCase();
    if (type.includes("ld+json")) head.jsonLd.push(el.rawText);
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
