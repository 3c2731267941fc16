/**
 * parseFeed: any feed document (RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed) to one
 * ParsedFeed. feedsmith reads the format, forgiving real-world breakage (a bare
 * "&", "&nbsp;", an unclosed <br>); the per-format modules normalise its raw
 * shapes once. Every document that is not a feed gets a FeedParseError whose
 * message says what it is instead.
 */
import { DetectError, MalformedError, parseFeed as parseAnyFeed, type AnyFeed } from "feedsmith";
import { fromAtom } from "./atom.ts";
import { fromJson } from "./json.ts";
import { fromRdf } from "./rdf.ts";
import { fromRss } from "./rss.ts";
import { isHtmlDocument, rootElement } from "./sniff.ts";
import { FeedParseError, type FeedItem, type ParsedFeed } from "./types.ts";

export function parseFeed(text: string, feedUrl: string): ParsedFeed {
  const document = stripPreamble(text);
  if (!document) throw new FeedParseError("empty document");
  // feedsmith looks for feed elements anywhere; a page that mentions <rss> is still a page.
  if (isHtmlDocument(document)) throw new FeedParseError("not a feed: the document is an HTML page");
  const raw = readFeed(document);
  const parsed = normalise(raw, feedUrl);
  // Nothing to identify an item by: it could never be stored or shown.
  parsed.items = parsed.items.filter(isIdentifiable);
  return parsed;
}

function readFeed(document: string): AnyFeed {
  try {
    return parseAnyFeed(document);
  } catch (error) {
    if (error instanceof MalformedError) {
      throw new FeedParseError(`not a feed: invalid XML (${causeOf(error)})`, { cause: error });
    }
    if (error instanceof DetectError) throw new FeedParseError(whyNotAFeed(document), { cause: error });
    throw new FeedParseError(`not a feed: ${oneLine(error instanceof Error ? error.message : String(error))}`, {
      cause: error,
    });
  }
}

function normalise(raw: AnyFeed, feedUrl: string): ParsedFeed {
  switch (raw.format) {
    case "rss":
      return fromRss(raw.feed, feedUrl);
    case "atom":
      return fromAtom(raw.feed, feedUrl);
    case "rdf":
      return fromRdf(raw.feed, feedUrl);
    case "json":
      return fromJson(raw.feed, feedUrl);
  }
}

function isIdentifiable(item: FeedItem): boolean {
  return Boolean(item.url || item.guid || item.title);
}

/** A byte-order mark and leading whitespace hide the root element from format detection. */
function stripPreamble(text: string): string {
  return text.replace(/^\ufeff/, "").trim();
}

/** What the document is, when feedsmith recognised no feed in it. */
function whyNotAFeed(document: string): string {
  if (/^[[{]/.test(document)) {
    try {
      JSON.parse(document);
    } catch (error) {
      return `not a feed: invalid JSON (${oneLine((error as Error).message)})`;
    }
    return "not a feed: JSON without a JSON Feed version and items";
  }
  if (document.startsWith("<")) {
    const root = rootElement(document);
    if (!root) return "not a feed: invalid XML (no root element)";
    if (root.toLowerCase() === "opml") return "not a feed: the document is an OPML subscription list";
    return `not a feed: XML whose root is <${root}>, not <rss>, <feed> or <rdf:RDF>`;
  }
  return "not a feed: the document is neither XML nor JSON";
}

function causeOf(error: MalformedError): string {
  const cause = error.cause;
  return oneLine(cause instanceof Error ? cause.message : error.message);
}

function oneLine(message: string): string {
  const line = message.replace(/\s+/g, " ").trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
