/**
 * Feed discovery: the feeds a web page advertises with
 * <link rel="alternate" type="application/rss+xml" href="…">, made absolute
 * against <base href> (itself resolved against the page URL), de-duplicated,
 * in page order.
 */
import { parse } from "node-html-parser";
import type { FeedFormat } from "./types.ts";
import { absoluteUrl, nestedBase } from "./urls.ts";

export interface DiscoveredFeed {
  url: string;
  title?: string;
  format: FeedFormat;
}

const FORMAT_BY_TYPE: Readonly<Record<string, FeedFormat>> = {
  "application/rss+xml": "rss",
  "application/atom+xml": "atom",
  "application/feed+json": "json",
  "application/json": "json",
  "application/rdf+xml": "rdf",
};

/** WordPress advertises its REST API view of every page as an application/json alternate. */
const WORDPRESS_API = /\/wp-json\//i;

export function discoverFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
  // Only the head matters, and pages can be megabytes: read up to </head>.
  const end = html.search(/<\/head\s*>/i);
  const root = parse(end === -1 ? html : html.slice(0, end), {
    comment: false,
    blockTextElements: { script: false, style: false, noscript: false },
  });
  const base = nestedBase(root.querySelector("base[href]")?.getAttribute("href"), pageUrl);
  const found: DiscoveredFeed[] = [];
  const seen = new Set<string>();
  for (const link of root.querySelectorAll("link[href]")) {
    const rels = (link.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
    if (!rels.includes("alternate")) continue;
    const type = (link.getAttribute("type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    const format = FORMAT_BY_TYPE[type];
    if (!format) continue;
    const url = absoluteUrl(link.getAttribute("href"), base);
    if (!url || seen.has(url)) continue;
    if (type === "application/json" && WORDPRESS_API.test(url)) continue;
    seen.add(url);
    const title = link.getAttribute("title")?.replace(/\s+/g, " ").trim();
    found.push(title ? { url, title, format } : { url, format });
  }
  return found;
}
