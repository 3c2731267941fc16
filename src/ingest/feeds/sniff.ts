/** What kind of document a body is, from its first element, before any parsing. */
import { detectJsonFeed } from "feedsmith";

const PROLOG = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!doctype[^>[]*(?:\[[\s\S]*?\])?\s*>)*/i;

/** The root element's name as written ("rss", "a:feed", "rdf:RDF", "html"), or undefined. */
export function rootElement(text: string): string | undefined {
  const head = text.replace(/^\ufeff/, "").slice(0, 65_536);
  const rest = head.slice(PROLOG.exec(head)?.[0].length ?? 0);
  return /^<([a-z_][\w.:-]*)/i.exec(rest)?.[1];
}

/** Whether the document is an HTML page (a doctype html or an <html> root). */
export function isHtmlDocument(text: string): boolean {
  const head = text.replace(/^\ufeff/, "").slice(0, 2048).trimStart();
  if (/^<!doctype\s+html/i.test(head)) return true;
  const root = rootElement(text)?.toLowerCase();
  return root === "html" || root === "head" || root === "body";
}

/**
 * Whether a fetched body is a feed (RSS, Atom, RDF or JSON Feed) rather than a
 * page: the ingestion service uses it to tell a feed URL from a site URL whose
 * page must be searched for feed links.
 */
export function looksLikeFeed(text: string): boolean {
  const trimmed = text.replace(/^\ufeff/, "").trimStart();
  if (trimmed.startsWith("{")) return detectJsonFeed(trimmed);
  const root = rootElement(trimmed);
  if (!root) return false;
  const local = root.slice(root.indexOf(":") + 1).toLowerCase();
  return local === "rss" || local === "feed" || local === "rdf";
}
