/**
 * One shape for every feed format: the ingestion service reads this and never
 * the raw per-format objects that feedsmith returns.
 */

export type FeedFormat = "rss" | "atom" | "rdf" | "json";

export interface FeedItem {
  /** guid / id / rdf:about, as written. */
  guid?: string;
  /** The item's link, absolute (resolved against xml:base, then the feed URL). */
  url?: string;
  /** Plain text: entities decoded, tags stripped. */
  title?: string;
  /** description / summary as plain text. */
  summaryText?: string;
  /** content:encoded / Atom content / JSON content_html: the full text when the feed carries it. */
  contentHtml?: string;
  /** ISO 8601 UTC instant ("2024-03-04T05:06:07Z"); undefined when absent or unparseable. */
  published?: string;
  updated?: string;
  authors: string[];
  /** category / dc:subject / JSON tags: the site's section names. */
  categories: string[];
  /** Absolute: media:content/thumbnail, an image enclosure, JSON image. */
  image?: string;
}

export interface ParsedFeed {
  format: FeedFormat;
  title?: string;
  /** The site's home page, absolute. */
  siteUrl?: string;
  language?: string;
  description?: string;
  /** RSS <ttl>, else sy:updatePeriod / sy:updateFrequency, in minutes. */
  ttlMinutes?: number;
  /** WebSub hubs, absolute. */
  hubs: string[];
  /** rel="self" (JSON Feed: feed_url), absolute. */
  selfUrl?: string;
  /** Every item, in feed order. */
  items: FeedItem[];
}

/** The document is not a feed we can read; `message` is one line a user can be shown. */
export class FeedParseError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "FeedParseError";
  }
}
