/**
 * OPML subscription lists, read and written with feedsmith: import a reader's
 * list (nested folders flattened, the folder's name as the category) and export
 * the sources the bot follows.
 */
import { generateOpml, parseOpml as parseOpmlDocument, type Opml } from "feedsmith";
import { cleanText } from "./text.ts";
import { absoluteUrl } from "./urls.ts";

export interface OpmlSubscription {
  title?: string;
  feedUrl: string;
  siteUrl?: string;
  /** The enclosing outline's text (the reader's folder), else the outline's own category attribute. */
  category?: string;
}

export interface OpmlSource {
  name: string;
  feedUrl: string;
  siteUrl?: string | null;
  category?: string;
}

export class OpmlParseError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "OpmlParseError";
  }
}

type Outline = Opml.Outline<string>;

export function parseOpml(text: string): OpmlSubscription[] {
  const document = text.replace(/^\ufeff/, "").trim();
  if (!document) throw new OpmlParseError("empty document");
  if (!/^(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*)*<opml[\s>]/i.test(document)) {
    throw new OpmlParseError("not an OPML file: the document has no <opml> root element");
  }
  let parsed: Opml.Document<string>;
  try {
    parsed = parseOpmlDocument(document);
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new OpmlParseError(`not an OPML file: invalid XML (${cause.replace(/\s+/g, " ").slice(0, 160)})`, {
      cause: error,
    });
  }
  const subscriptions: OpmlSubscription[] = [];
  const seen = new Set<string>();
  collect(parsed.body?.outlines ?? [], undefined, subscriptions, seen);
  return subscriptions;
}

/** Depth-first, in document order; iterative so a hostile file cannot exhaust the stack. */
function collect(outlines: Outline[], folder: string | undefined, out: OpmlSubscription[], seen: Set<string>): void {
  const stack: Array<{ outline: Outline; folder: string | undefined }> = outlines
    .map((outline) => ({ outline, folder }))
    .reverse();
  while (stack.length > 0) {
    const { outline, folder: parent } = stack.pop() as { outline: Outline; folder: string | undefined };
    const title = cleanText(outline.title) ?? cleanText(outline.text);
    // An address that is no http(s) URL is kept as written, so the importer can say why it refused it.
    const feedUrl = absoluteUrl(outline.xmlUrl, undefined) ?? (cleanText(outline.xmlUrl) || undefined);
    if (feedUrl && !seen.has(feedUrl)) {
      seen.add(feedUrl);
      const siteUrl = absoluteUrl(outline.htmlUrl, feedUrl);
      const category = parent ?? firstCategory(outline.category);
      out.push({
        feedUrl,
        ...(title ? { title } : {}),
        ...(siteUrl ? { siteUrl } : {}),
        ...(category ? { category } : {}),
      });
    }
    const children = outline.outlines ?? [];
    // A folder passes its name down; a nested feed outline keeps the folder it is in.
    const childFolder = feedUrl ? parent : (title ?? parent);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ outline: children[i] as Outline, folder: childFolder });
  }
}

/** OPML's category attribute is a comma-separated list of slash-delimited paths ("/News/World"). */
function firstCategory(value: string | undefined): string | undefined {
  const first = value?.split(",")[0]?.trim();
  if (!first) return undefined;
  const parts = first.split("/").filter((part) => part.trim());
  return cleanText(parts[parts.length - 1]);
}

/** An OPML 2.0 document: one folder outline per category, uncategorised sources at the top level. */
export function buildOpml(title: string, sources: OpmlSource[]): string {
  const top: Outline[] = [];
  const folders = new Map<string, Outline[]>();
  for (const source of sources) {
    const outline: Outline = {
      text: source.name,
      title: source.name,
      type: "rss",
      xmlUrl: source.feedUrl,
      ...(source.siteUrl ? { htmlUrl: source.siteUrl } : {}),
    };
    const category = source.category?.trim();
    if (!category) {
      top.push(outline);
      continue;
    }
    let folder = folders.get(category);
    if (!folder) {
      folder = [];
      folders.set(category, folder);
      top.push({ text: category, title: category, outlines: folder });
    }
    folder.push(outline);
  }
  return generateOpml({ head: { title }, body: { outlines: top } });
}
