/** What the extractor reads off a news page. Shared by brief, topics and related. */

export type RelatedLinkKind = "read-next" | "more-on-topic" | "popular" | "previous" | "next" | "inline";

export interface RelatedLink {
  url: string;
  /** The card's headline. */
  title: string;
  kind: RelatedLinkKind;
  /** The label of the block the card sits in, e.g. "More on China". */
  blockLabel?: string;
  /** The card's own section label, e.g. "War in Ukraine". */
  section?: string;
  byline?: string;
  /** The age as the card shows it, e.g. "20m ago" or "Mar. 17". */
  age?: string;
}

export interface Article {
  /** Canonical URL when the page declares one, else the URL it was fetched from. */
  url: string;
  title: string;
  byline?: string;
  authors: string[];
  /** ISO 8601. */
  published?: string;
  modified?: string;
  lang?: string;
  section?: string;
  tags: string[];
  image?: string;
  description?: string;
  siteName?: string;
  /** Plain text; paragraphs separated by a blank line; headings and list items on lines of their own. */
  articleBody: string;
  links: RelatedLink[];
}

export interface ExtractResult {
  article: Article;
  /** True when the input was longer than the size limit and was cut before parsing. */
  truncated: boolean;
  /** Why the body is empty, when it is (e.g. "no article content found"). */
  emptyReason?: string;
}
