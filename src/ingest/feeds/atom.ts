/** Atom 1.0 (and 0.3, which feedsmith upgrades) to ParsedFeed. */
import type { AtomFeed } from "feedsmith";
import { feedDate } from "./dates.ts";
import { enclosureImages, firstImage, mediaImages } from "./media.ts";
import { relLinks } from "./rss.ts";
import { cleanText, htmlToText, textToHtml, uniqueTexts } from "./text.ts";
import { ttlMinutes } from "./ttl.ts";
import type { FeedItem, ParsedFeed } from "./types.ts";
import { absoluteUrl, nestedBase, urlLike } from "./urls.ts";

type Feed = AtomFeed.Feed<string>;
type Entry = AtomFeed.Entry<string>;
type Link = AtomFeed.Link<string>;

export function fromAtom(feed: Feed, feedUrl: string): ParsedFeed {
  const base = nestedBase(feed.xml?.base, feedUrl);
  return {
    format: "atom",
    title: atomText(feed.title),
    siteUrl: alternateLink(feed.links, base),
    language: cleanText(feed.xml?.lang ?? feed.dc?.languages?.[0]),
    description: atomText(feed.subtitle),
    ttlMinutes: ttlMinutes(undefined, feed.sy),
    hubs: relLinks(feed.links, "hub", base),
    selfUrl: relLinks(feed.links, "self", base)[0],
    items: (feed.entries ?? []).map((entry) => atomEntry(entry, base)),
  };
}

function atomEntry(entry: Entry, feedBase: string | undefined): FeedItem {
  const base = nestedBase(entry.xml?.base, feedBase);
  const id = cleanText(entry.id);
  const enclosures = (entry.links ?? []).filter((link) => link.rel?.toLowerCase() === "enclosure");
  return {
    guid: id,
    url: alternateLink(entry.links, base) ?? urlLike(id),
    title: atomText(entry.title),
    summaryText: atomText(entry.summary),
    contentHtml: atomContentHtml(entry.content),
    // Atom requires only <updated>: it stands in for a missing <published>.
    published: feedDate(entry.published) ?? feedDate(entry.dc?.dates?.[0]) ?? feedDate(entry.updated),
    updated: feedDate(entry.updated),
    authors: uniqueTexts([...(entry.authors ?? []).map((person) => person.name), ...(entry.dc?.creators ?? [])]),
    categories: uniqueTexts([
      ...(entry.categories ?? []).map((category) => category.label ?? category.term),
      ...(entry.dc?.subjects ?? []),
    ]),
    image: firstImage(
      [...mediaImages(entry.media), ...enclosureImages(enclosures.map((link) => ({ url: link.href, type: link.type })))],
      base,
    ),
  };
}

/** rel="alternate" (the default rel), preferring an HTML page. */
function alternateLink(links: Link[] | undefined, base: string | undefined): string | undefined {
  const alternates = (links ?? []).filter((link) => !link.rel || link.rel.toLowerCase() === "alternate");
  const html = alternates.find((link) => !link.type || /html/i.test(link.type)) ?? alternates[0];
  return absoluteUrl(html?.href, base);
}

/** Atom text constructs: type="text" is already plain text; "html" and "xhtml" carry markup. */
function atomText(text: AtomFeed.Text | undefined): string | undefined {
  if (!text?.value) return undefined;
  const type = text.type?.toLowerCase();
  return type === "html" || type === "xhtml" ? htmlToText(text.value) : cleanText(text.value);
}

/** Inline content as HTML; out-of-line content (src=) and media types are not article text. */
function atomContentHtml(content: AtomFeed.Content | undefined): string | undefined {
  if (!content?.value?.trim() || content.src) return undefined;
  const type = content.type?.toLowerCase() ?? "text";
  if (type === "html" || type === "xhtml" || type.includes("html")) return content.value.trim();
  if (type === "text" || type.startsWith("text/")) return textToHtml(content.value);
  return undefined;
}
