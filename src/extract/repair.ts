/**
 * Markup repairs before parsing, for two quirks of node-html-parser (9.0.x) that
 * browsers do not share (reported upstream; see the note in issue 13's report):
 *
 * - Tag names are matched case-sensitively against its lists of void elements
 *   and of elements closed by an opening tag, which hold only the all-lower and
 *   all-upper spellings: a `<Meta …>` or `<Br>` is taken for an element that is
 *   never closed and swallows the rest of the page. Every tag name is
 *   lower-cased here, as HTML tag names are case-insensitive.
 * - An `<a>` left unclosed stays open past the end of its paragraph, so every
 *   following paragraph becomes link text (and the story reads as a link list).
 *   Here an open `<a>` is closed where its parent block closes, before a block
 *   that would implicitly close that parent (`<p>…<a>…<p>`), and before another
 *   `<a>` (anchors do not nest). An `<a>` that wraps blocks of its own (a card
 *   link, valid HTML) is left alone: only a block it did not open ends it.
 *
 * One linear pass over the tags; text between them is copied unchanged.
 */

/** A tag; or a whole script (JSON-LD is all that is left of them), whose contents are not markup and pass unchanged. */
const TAG = /<script\b[^>]*>[\s\S]*?<\/script\s*>|<(\/?)([A-Za-z][A-Za-z0-9-]*)([^<>]*)>/g;

/** Blocks that an `<a>` does not run past when its own parent closes or is implicitly closed. */
const BLOCKS: ReadonlySet<string> = new Set([
  "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "td", "th", "tr", "table", "tbody", "thead", "tfoot", "section",
  "article", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "main", "aside", "header", "footer", "nav",
  "figure", "figcaption", "form", "center", "body", "html",
]);

/** Start tags that close an open `<p>` (and so end an `<a>` inside it). */
const CLOSES_P: ReadonlySet<string> = new Set([
  "p", "div", "ul", "ol", "dl", "table", "section", "article", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
  "pre", "main", "aside", "header", "footer", "nav", "figure", "form", "center", "hr",
]);

export function repairMarkup(html: string): string {
  /** Block tags open at this point (an approximation of the parser's stack, enough to find an anchor's parent). */
  const open: string[] = [];
  let anchorOpen = false;
  /** The block the open `<a>` sits in, and how many blocks the `<a>` itself has opened since. */
  let anchorParent = "";
  let blocksInsideAnchor = 0;
  return html.replace(TAG, (match: string, slash: string | undefined, rawName: string | undefined, rest: string) => {
    if (rawName === undefined) return match;
    const name = rawName.toLowerCase();
    const tag = name === rawName ? match : `<${slash}${name}${rest}>`;
    if (name === "a") {
      if (slash) {
        anchorOpen = false;
        return tag;
      }
      const before = anchorOpen ? "</a>" : "";
      anchorOpen = true;
      anchorParent = open[open.length - 1] ?? "";
      blocksInsideAnchor = 0;
      return before + tag;
    }
    if (!BLOCKS.has(name) && !(name === "hr" && !slash)) return tag;
    let before = "";
    if (slash) {
      if (anchorOpen) {
        if (blocksInsideAnchor > 0) blocksInsideAnchor--;
        else {
          before = "</a>";
          anchorOpen = false;
        }
      }
      const at = open.lastIndexOf(name);
      if (at !== -1) open.length = at;
      return before + tag;
    }
    if (anchorOpen) {
      const impliedClose = blocksInsideAnchor === 0 && ((anchorParent === "p" && CLOSES_P.has(name)) || (anchorParent === name && (name === "li" || name === "dt" || name === "dd" || name === "td" || name === "th" || name === "tr")));
      if (impliedClose) {
        before = "</a>";
        anchorOpen = false;
      } else if (name !== "hr") blocksInsideAnchor++;
    }
    if (name !== "hr" && !rest.endsWith("/")) {
      if (name === "p" && open[open.length - 1] === "p") open.pop();
      open.push(name);
    }
    return before + tag;
  });
}
