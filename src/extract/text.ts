/**
 * Turns a subtree into text blocks the way a reader sees it: a block element
 * starts a new block, `<br>` breaks a line, inline runs are joined with their
 * whitespace collapsed. Blocks keep their kind so that the body can put a blank
 * line between paragraphs but keep list items on consecutive lines.
 */
import { BLOCK_TAGS, decodeEntities, isElement, isText, tagOf } from "./dom.ts";
import type { HTMLElement, Node } from "./dom.ts";

export type BlockKind = "paragraph" | "heading" | "item" | "pre";

export interface TextBlock {
  kind: BlockKind;
  text: string;
  /** The element that opened the block (for the caller's boilerplate decisions). */
  element: HTMLElement;
}

/** Marks a `<br>` inside the joined raw text; survives entity decoding and whitespace collapsing. */
const LINE_BREAK = "\u0001";

const HEADING = /^h[1-6]$/;

/**
 * @param skip called for each element on the way down; true drops its subtree.
 */
export function toBlocks(roots: HTMLElement[], skip: (el: HTMLElement) => boolean): TextBlock[] {
  const blocks: TextBlock[] = [];
  let parts: string[] = [];
  let opener: HTMLElement | undefined;
  let kind: BlockKind = "paragraph";

  const flush = (): void => {
    if (parts.length > 0 && opener) {
      const text = finishText(parts.join(""), kind === "pre");
      if (text) blocks.push({ kind, text, element: opener });
    }
    parts = [];
  };

  for (const root of roots) {
    opener = root;
    kind = kindOf(tagOf(root), "paragraph");
    // Nodes to visit, and the ends of open blocks; one entry per node, no wrapper objects.
    const stack: Array<Node | BlockEnd> = [root];
    while (stack.length > 0) {
      const node = stack.pop() as Node | BlockEnd;
      if (node instanceof BlockEnd) {
        flush();
        kind = node.previousKind;
        opener = node.previousOpener;
        continue;
      }
      if (isText(node)) {
        if (kind === "pre") parts.push(stripTags(node.rawText));
        else parts.push(node.rawText);
        continue;
      }
      if (!isElement(node)) continue;
      const tag = tagOf(node);
      if (tag === "br") {
        parts.push(LINE_BREAK);
        continue;
      }
      if (node !== root && skip(node)) {
        // A dropped block (even an empty one, a "fake <br>") still ends the text before it: "Wednesday.The" must not glue.
        if (BLOCK_TAGS.has(tag)) flush();
        continue;
      }
      if (tag === "td" || tag === "th") parts.push(" ");
      const isBlock = BLOCK_TAGS.has(tag);
      if (isBlock) {
        flush();
        stack.push(new BlockEnd(kind, opener));
        kind = kindOf(tag, kind);
        opener = node;
      }
      const kids = node.childNodes;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Node);
    }
    flush();
  }
  return blocks;
}

/** Where a block element's subtree ends in the walk: what to go back to. */
class BlockEnd {
  constructor(
    readonly previousKind: BlockKind,
    readonly previousOpener: HTMLElement | undefined,
  ) {}
}

function kindOf(tag: string, inherited: BlockKind): BlockKind {
  if (tag === "pre") return "pre";
  if (inherited === "pre") return "pre";
  if (HEADING.test(tag)) return "heading";
  if (tag === "li" || tag === "dt" || tag === "dd" || tag === "tr") return "item";
  if (tag === "p" || tag === "blockquote" || tag === "figcaption") return "paragraph";
  // A <div> inside a list item is still the item.
  return inherited === "item" ? "item" : inherited === "heading" ? "heading" : "paragraph";
}

function finishText(raw: string, preformatted: boolean): string {
  const decoded = decodeEntities(raw);
  if (preformatted) {
    return decoded
      .split(LINE_BREAK)
      .join("\n")
      .replace(/[ \t]+$/gm, "")
      .replace(/^\n+|\n+$/g, "");
  }
  const collapsed = decoded.replace(/[\s\u00a0\u200b\ufeff]+/g, " ");
  // Most blocks have no <br>: one line.
  if (!collapsed.includes(LINE_BREAK)) return collapsed.trim();
  return collapsed
    .split(LINE_BREAK)
    .map((line) => line.trim())
    .filter((line, i, lines) => line !== "" || (i > 0 && lines[i - 1] !== ""))
    .join("\n")
    .trim();
}

/**
 * `<pre>` is kept as raw text by the parser: its tags are removed here. Only what a browser
 * reads as a tag (`<` then a letter, or `</` then a letter) is one: `a < b && c > d` is code.
 */
function stripTags(raw: string): string {
  return raw.replace(/<br\s*\/?>/gi, "\n").replace(/<\/?[A-Za-z][^<>]*>/g, "");
}

/** Joins blocks: blank line between paragraphs, one newline between consecutive list items. */
export function joinBlocks(blocks: Array<Pick<TextBlock, "kind" | "text">>): string {
  let out = "";
  let previous: BlockKind | undefined;
  for (const block of blocks) {
    if (previous !== undefined) out += previous === "item" && block.kind === "item" ? "\n" : "\n\n";
    out += block.text;
    previous = block.kind;
  }
  return out;
}
