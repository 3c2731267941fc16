/** RSS 1.0 / RDF to ParsedFeed. Dates and authors come from Dublin Core. */
import type { RdfFeed } from "feedsmith";
import { feedDate } from "./dates.ts";
import { firstImage, mediaImages } from "./media.ts";
import { relLinks } from "./rss.ts";
import { cleanText, htmlToText, uniqueTexts } from "./text.ts";
import { ttlMinutes } from "./ttl.ts";
import type { FeedItem, ParsedFeed } from "./types.ts";
import { absoluteUrl, nestedBase, urlLike } from "./urls.ts";

type Feed = RdfFeed.Feed<string>;
type Item = RdfFeed.Item<string>;

export function fromRdf(feed: Feed, feedUrl: string): ParsedFeed {
  const base = nestedBase(feed.xml?.base, feedUrl);
  const links = feed.atom?.links ?? [];
  return {
    format: "rdf",
    title: htmlToText(feed.title),
    siteUrl: absoluteUrl(feed.link, base),
    language: cleanText(feed.dc?.languages?.[0]),
    description: htmlToText(feed.description),
    ttlMinutes: ttlMinutes(undefined, feed.sy),
    hubs: relLinks(links, "hub", base),
    selfUrl: relLinks(links, "self", base)[0],
    items: (feed.items ?? []).map((item) => rdfItem(item, base)),
  };
}

function rdfItem(item: Item, feedBase: string | undefined): FeedItem {
  const base = nestedBase(item.xml?.base, feedBase);
  const about = cleanText(item.rdf?.about);
  return {
    guid: about,
    url: absoluteUrl(item.link, base) ?? absoluteUrl(about, base) ?? urlLike(about),
    title: htmlToText(item.title ?? item.dc?.titles?.[0]),
    summaryText: htmlToText(item.description ?? item.dc?.descriptions?.[0]),
    contentHtml: item.content?.encoded?.trim() || undefined,
    published: feedDate(item.dc?.dates?.[0]) ?? feedDate(item.dcterms?.issued?.[0]),
    updated: feedDate(item.dcterms?.modified?.[0]),
    authors: uniqueTexts(item.dc?.creators ?? []),
    categories: uniqueTexts(item.dc?.subjects ?? []),
    image: firstImage(mediaImages(item.media), base),
  };
}
