/**
 * Related-story links: the labelled blocks around an article ("Read Next",
 * "More on China", "POPULAR", "Other Topics of Interest"), previous/next links,
 * and story links inside the body. Each card gives its headline, and where it
 * shows them its section label, byline and age.
 */
import type { RelatedLink, RelatedLinkKind } from "./article.ts";
import { attr, classOf, collapseWhitespace, decodeEntities, forEachElement, isElement, isText, plainText, tagOf } from "./dom.ts";
import type { HTMLElement, Node } from "./dom.ts";
import { EMPTY_STATS, descendantCount } from "./stats.ts";
import type { StatsMap } from "./stats.ts";
import { hostOf, resolveUrl, withoutFragment } from "./urls.ts";

/** A link on the page; its URL and text are worked out only when a stage asks (most links are never looked at twice). */
class Anchor {
  private resolved?: string;
  private plain?: string;
  private story?: boolean;

  constructor(
    readonly el: HTMLElement,
    readonly index: number,
    private readonly base: string,
    private readonly pageKey: string,
  ) {}

  /** Absolute URL without fragment; "" for non-http links and links to the page itself. */
  get url(): string {
    if (this.resolved === undefined) {
      const url = resolveUrl(attr(this.el, "href"), this.base || undefined);
      const key = url ? withoutFragment(url) : "";
      this.resolved = key === this.pageKey ? "" : key;
    }
    return this.resolved;
  }

  get text(): string {
    if (this.plain === undefined) this.plain = plainText(this.el) || (attr(this.el, "title") ?? "").trim();
    return this.plain;
  }

  get isStory(): boolean {
    if (this.story === undefined) this.story = this.url !== "" && isStoryUrl(this.url);
    return this.story;
  }
}

interface Label {
  el: HTMLElement;
  index: number;
  text: string;
  kind: RelatedLinkKind;
}

const LABEL_KINDS: Array<[RegExp, RelatedLinkKind]> = [
  [/^(?:more (?:on|about|in|from)\s+\S.*|related topics?|more .{1,40} (?:news|stories))$/i, "more-on-topic"],
  [/^(?:popular(?: now| stories| news)?|most (?:read|popular|viewed|shared|watched)(?: .{0,30})?|trending(?: now| stories)?|top stories|what'?s hot)$/i, "popular"],
  [/^(?:read next|up next|next up|what to read next|read more|more stories|recommended(?: for you| stories| reading)?|you (?:may|might) (?:also )?(?:like|be interested in|have missed)|related(?: stories| articles| news| coverage| content| posts| reading)?|other topics of interest|see also|also read|editor'?s picks|must reads?|don'?t miss|further reading|more (?:news|to read|articles)|latest(?: news| stories)?)$/i, "read-next"],
];

const AGE = /^(?:\d+\s*(?:s|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|weeks?)\s+ago|just now|yesterday|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?|\d{4}-\d{2}-\d{2})$/i;
const PREVIOUS = /^(?:[«‹<←]\s*)?(?:previous|prev)(?:\s+(?:article|story|post))?\s*[:«‹<]?\s*/i;
const NEXT = /^(?:next)(?:\s+(?:article|story|post))?\s*[:»›>→]?\s*/i;
const NEXT_SUFFIX = /\s*(?:next|next\s+(?:article|story|post))\s*[»›>→]\s*$/i;

/** @param elements every element in document order (dom.ts `listElements`). */
export function extractRelatedLinks(elements: HTMLElement[], stats: StatsMap, bodyContainers: HTMLElement[], pageUrl: string): RelatedLink[] {
  const index = new Map<HTMLElement, number>();
  const anchors: Anchor[] = [];
  const labels: Label[] = [];
  const pageKey = pageUrl ? withoutFragment(pageUrl) : "";
  let counter = 0;

  forEachElement(elements, (el) => descendantCount(el, stats), (el) => {
    const position = counter++;
    index.set(el, position);
    const tag = tagOf(el);
    if (tag === "a") {
      if (attr(el, "href") !== undefined) anchors.push(new Anchor(el, position, pageUrl, pageKey));
      return true;
    }
    const s = stats.get(el) ?? EMPTY_STATS;
    // Labels are short text-only elements; anything with child elements is looked at through its children.
    if (s.chars > 2 && s.chars <= 60 && s.elements === 0) {
      const text = plainText(el);
      const kind = labelKind(text);
      if (kind) labels.push({ el, index: position, text: text.replace(/[:»›]\s*$/, "").trim(), kind });
      return false;
    }
    return true;
  });

  const range = (el: HTMLElement): [number, number] => {
    const start = index.get(el) ?? -1;
    return [start, start + (stats.get(el)?.elements ?? 0)];
  };
  const links: RelatedLink[] = [];
  const taken = new Set<string>();

  // Labelled blocks.
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] as Label;
    // A label nested in another label's element (a heading inside a labelled header) counts once.
    const previousLabel = labels[i - 1];
    const nextLabel = labels[i + 1];
    const block = blockOf(label, anchors, range);
    if (!block) continue;
    const [start, end] = range(block);
    const lower = previousLabel && previousLabel.index > start ? previousLabel.index : start;
    const upper = nextLabel && nextLabel.index <= end ? nextLabel.index : end + 1;
    const inBlock = anchors.filter((a) => a.index > lower && a.index < upper && !isInside(a.index, range(label.el)));
    for (const card of cardsOf(inBlock, block, range)) {
      const key = `${card.url} ${label.kind}`;
      if (taken.has(card.url) || taken.has(key)) continue;
      taken.add(card.url);
      links.push({ ...card, kind: label.kind, blockLabel: label.text });
    }
  }

  // Previous / next.
  for (const anchor of anchors) {
    const kind = previousOrNext(anchor);
    if (!kind || !anchor.isStory || taken.has(anchor.url)) continue;
    const title = stripPreviousNext(anchor.text) || (attr(anchor.el, "title") ?? "").trim();
    if (!title) continue;
    taken.add(anchor.url);
    links.push({ url: anchor.url, title, kind });
  }

  // Story links inside the body.
  const pageHost = hostOf(pageUrl);
  const bodyRanges = bodyContainers.map(range);
  for (const anchor of anchors) {
    if (!bodyRanges.some((r) => isInside(anchor.index, r))) continue;
    if (!anchor.isStory || taken.has(anchor.url) || (pageHost && hostOf(anchor.url) !== pageHost)) continue;
    if (anchor.text.split(/\s+/).length < 2) continue;
    taken.add(anchor.url);
    links.push({ url: anchor.url, title: anchor.text, kind: "inline" });
  }
  return links;
}

function labelKind(text: string): RelatedLinkKind | undefined {
  const cleaned = text.replace(/[:»›]\s*$/, "").trim();
  if (cleaned.length < 3) return undefined;
  for (const [pattern, kind] of LABEL_KINDS) if (pattern.test(cleaned)) return kind;
  return undefined;
}

function isInside(position: number, [start, end]: [number, number]): boolean {
  return position >= start && position <= end;
}

/** The smallest ancestor of the label that also holds story links. */
function blockOf(label: Label, anchors: Anchor[], range: (el: HTMLElement) => [number, number]): HTMLElement | undefined {
  const labelRange = range(label.el);
  let candidate = label.el.parentNode;
  for (let level = 0; candidate && tagOf(candidate) && level < 6; level++, candidate = candidate.parentNode) {
    const r = range(candidate);
    if (anchors.some((a) => isInside(a.index, r) && !isInside(a.index, labelRange) && a.isStory)) return candidate;
  }
  return undefined;
}

type Card = Omit<RelatedLink, "kind" | "blockLabel">;

/** Groups a block's story links into cards, one per URL, and reads each card's extras. */
function cardsOf(anchors: Anchor[], block: HTMLElement, range: (el: HTMLElement) => [number, number]): Card[] {
  const stories = anchors.filter((a) => a.isStory);
  const byUrl = new Map<string, Anchor[]>();
  for (const anchor of stories) {
    const group = byUrl.get(anchor.url);
    if (group) group.push(anchor);
    else byUrl.set(anchor.url, [anchor]);
  }
  const cards: Card[] = [];
  for (const [url, group] of byUrl) {
    const title = group.map((a) => a.text).reduce((best, t) => (t.length > best.length ? t : best), "");
    if (title.length < 8) continue;
    const container = cardContainer(group[0] as Anchor, block, stories, range);
    const card: Card = { url, title };
    const extras = readCardExtras(container, title, new Set(group.map((a) => a.el)));
    if (extras.section) card.section = extras.section;
    if (extras.byline) card.byline = extras.byline;
    if (extras.age) card.age = extras.age;
    cards.push(card);
  }
  return cards;
}

/** The largest ancestor of a card link, inside the block, that holds no other story's link. */
function cardContainer(anchor: Anchor, block: HTMLElement, stories: Anchor[], range: (el: HTMLElement) => [number, number]): HTMLElement {
  let container = anchor.el;
  let parent = anchor.el.parentNode;
  while (parent && parent !== block) {
    const r = range(parent);
    if (stories.some((a) => a.url !== anchor.url && isInside(a.index, r))) break;
    container = parent;
    parent = parent.parentNode;
  }
  return container;
}

function readCardExtras(card: HTMLElement, title: string, titleAnchors: Set<HTMLElement>): { section?: string; byline?: string; age?: string } {
  const pieces: string[] = [];
  const stack: Node[] = [card];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (isText(node)) {
      const text = collapseWhitespace(decodeEntities(node.rawText));
      if (text) pieces.push(text);
    } else if (isElement(node)) {
      if (titleAnchors.has(node) && node !== card) continue;
      for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i] as Node);
    }
  }
  // "By" and the name are often separate nodes ("By <a>Jane Doe</a>").
  const merged: string[] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last !== undefined && /^by$/i.test(last)) merged[merged.length - 1] = `${last} ${piece}`;
    else merged.push(piece);
  }
  const extras: { section?: string; byline?: string; age?: string } = {};
  const titleKey = title.toLowerCase();
  for (const piece of merged) {
    if (!extras.age && AGE.test(piece)) extras.age = piece;
    else if (!extras.byline && /^by\s+\S/i.test(piece) && piece.length <= 80) extras.byline = piece.replace(/^by\s+/i, "");
    else if (!extras.section && piece.length <= 40 && piece.toLowerCase() !== titleKey && /\p{L}/u.test(piece)) extras.section = piece;
  }
  return extras;
}

function previousOrNext(anchor: Anchor): "previous" | "next" | undefined {
  const rel = attr(anchor.el, "rel")?.toLowerCase() ?? "";
  if (/\bprev\b/.test(rel)) return "previous";
  if (/\bnext\b/.test(rel)) return "next";
  // Only links whose text starts or ends like "« Previous" / "Next »" are worth reading in full.
  const first = firstText(anchor.el);
  if (first !== undefined && /^\W*(?:prev|next)|[»›>→]$/i.test(first)) {
    if (PREVIOUS.test(anchor.text)) return "previous";
    if (NEXT.test(anchor.text) || NEXT_SUFFIX.test(anchor.text)) return "next";
  }
  // Class names are part of the raw attributes: most links need no closer look.
  const parent = anchor.el.parentNode;
  if (!PREVIOUS_OR_NEXT_WORD.test(anchor.el.rawAttrs) && !(parent && PREVIOUS_OR_NEXT_WORD.test(parent.rawAttrs))) return undefined;
  const hints = `${classOf(anchor.el)} ${parent ? classOf(parent) : ""}`;
  if (/(?:^|[\s_-])(?:prev|previous)(?:$|[\s_-])/i.test(hints)) return "previous";
  if (/(?:^|[\s_-])next(?:$|[\s_-])/i.test(hints)) return "next";
  return undefined;
}

const PREVIOUS_OR_NEXT_WORD = /prev|next/i;

/** The first non-blank text node below `el`, trimmed. */
function firstText(el: HTMLElement): string | undefined {
  const stack: Node[] = [el];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (isText(node)) {
      const text = node.rawText.trim();
      if (text) return text;
    } else if (isElement(node)) {
      for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i] as Node);
    }
  }
  return undefined;
}

function stripPreviousNext(text: string): string {
  return text.replace(PREVIOUS, "").replace(NEXT, "").replace(NEXT_SUFFIX, "").replace(/^[«»‹›]\s*|\s*[«»‹›]$/g, "").trim();
}

/** A link to one story rather than to a section, tag, author or the home page. */
export function isStoryUrl(url: string): boolean {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return false;
  }
  if (/^\/(?:tags?|category|categories|topics?|authors?|section|sections|search|login|subscribe|newsletters?|about|contact|privacy|terms)(?:\/|$)/i.test(path)) return false;
  const segments = path.split("/").filter(Boolean);
  if (segments.length === 0) return false;
  return segments.some((segment) => segment.split(/[-_]/).filter(Boolean).length >= 3 || /\d{5,}/.test(segment)) || /\.s?html?$/i.test(path) && segments.length >= 2;
}
