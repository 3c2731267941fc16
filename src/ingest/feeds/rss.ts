/** RSS 2.0 (and 0.9x) as feedsmith reads it, to ParsedFeed. */
import type { RssFeed } from "feedsmith";
import { feedDate } from "./dates.ts";
import { enclosureImages, firstImage, mediaImages } from "./media.ts";
import { cleanText, htmlToText, uniqueTexts } from "./text.ts";
import { ttlMinutes } from "./ttl.ts";
import type { FeedItem, ParsedFeed } from "./types.ts";
import { absoluteUrl, nestedBase, uniqueUrls, urlLike } from "./urls.ts";

type Feed = RssFeed.Feed<string>;
type Item = RssFeed.Item<string>;

export function fromRss(feed: Feed, feedUrl: string): ParsedFeed {
  const base = nestedBase(feed.xml?.base, feedUrl);
  const links = feed.atom?.links ?? [];
  return {
    format: "rss",
    title: htmlToText(feed.title),
    siteUrl: absoluteUrl(feed.link, base),
    language: cleanText(feed.language ?? feed.dc?.languages?.[0]),
    description: htmlToText(feed.description),
    ttlMinutes: ttlMinutes(feed.ttl, feed.sy),
    hubs: relLinks(links, "hub", base),
    selfUrl: relLinks(links, "self", base)[0],
    items: (feed.items ?? []).map((item) => rssItem(item, base)),
  };
}

export function rssItem(item: Item, feedBase: string | undefined): FeedItem {
  const base = nestedBase(item.xml?.base, feedBase);
  const guid = cleanText(item.guid?.value);
  // A guid is a permalink unless it says otherwise (RSS 2.0).
  const permalink = item.guid?.isPermaLink === false ? undefined : urlLike(guid);
  const description = item.description ?? item.dc?.descriptions?.[0];
  return {
    guid,
    url: absoluteUrl(item.link, base) ?? absoluteUrl(item.atom?.links?.[0]?.href, base) ?? permalink,
    title: htmlToText(item.title ?? item.dc?.titles?.[0]),
    summaryText: htmlToText(description),
    contentHtml: item.content?.encoded?.trim() || undefined,
    published: feedDate(item.pubDate) ?? feedDate(item.dc?.dates?.[0]) ?? feedDate(item.dcterms?.issued?.[0]),
    updated: feedDate(item.dcterms?.modified?.[0]) ?? feedDate(item.atom?.updated),
    authors: uniqueTexts([
      ...(item.authors ?? []).map((person) => person.name ?? person.email),
      ...(item.dc?.creators ?? []),
    ]),
    categories: uniqueTexts([...(item.categories ?? []).map((c) => c.name), ...(item.dc?.subjects ?? [])]),
    image: firstImage([...mediaImages(item.media), ...enclosureImages(item.enclosures)], base),
  };
}

/** Links with the given rel (atom:link inside RSS and RDF, or Atom's own). */
export function relLinks(
  links: ReadonlyArray<{ href?: string; rel?: string }> | undefined,
  rel: string,
  base: string | undefined,
): string[] {
  return uniqueUrls(
    (links ?? []).filter((link) => link.rel?.trim().toLowerCase() === rel).map((link) => link.href),
    base,
  );
}
