/** JSON Feed 1.0 / 1.1 to ParsedFeed (feedsmith maps 1.0's `author` to `authors`). */
import type { JsonFeed } from "feedsmith";
import { feedDate } from "./dates.ts";
import { enclosureImages, firstImage } from "./media.ts";
import { cleanText, textToHtml, uniqueTexts } from "./text.ts";
import type { FeedItem, ParsedFeed } from "./types.ts";
import { absoluteUrl, uniqueUrls, urlLike } from "./urls.ts";

type Feed = JsonFeed.Feed<string>;
type Item = JsonFeed.Item<string>;

export function fromJson(feed: Feed, feedUrl: string): ParsedFeed {
  return {
    format: "json",
    title: cleanText(feed.title),
    siteUrl: absoluteUrl(feed.home_page_url, feedUrl),
    language: cleanText(feed.language),
    description: cleanText(feed.description),
    hubs: uniqueUrls((feed.hubs ?? []).map((hub) => hub.url), feedUrl),
    selfUrl: absoluteUrl(feed.feed_url, feedUrl),
    items: (feed.items ?? []).map((item) => jsonItem(item, feedUrl)),
  };
}

function jsonItem(item: Item, base: string): FeedItem {
  // JSON Feed ids are strings by the spec, numbers in the wild.
  const id = item.id === undefined || item.id === null ? undefined : cleanText(String(item.id));
  return {
    guid: id,
    url: absoluteUrl(item.url, base) ?? absoluteUrl(item.external_url, base) ?? urlLike(id),
    title: cleanText(item.title),
    summaryText: cleanText(item.summary) ?? cleanText(item.content_text),
    contentHtml: item.content_html?.trim() || textToHtml(item.content_text),
    published: feedDate(item.date_published),
    updated: feedDate(item.date_modified),
    authors: uniqueTexts((item.authors ?? []).map((author) => author.name)),
    categories: uniqueTexts(item.tags ?? []),
    image: firstImage([item.image, item.banner_image, ...enclosureImages(
      (item.attachments ?? []).map((a) => ({ url: a.url, type: a.mime_type })),
    )], base),
  };
}
