/** A brief: what the bot sends for one article, before rendering. */

/**
 * - "ok": sentences carry the story;
 * - "too-short": the page had some text, too little to brief (a teaser, a caption): headline and link only;
 * - "no-text": extraction found no article text: headline and link only.
 */
export type BriefStatus = "ok" | "too-short" | "no-text";

export interface Brief {
  title: string;
  /**
   * The chosen sentences: first the one that carries the story on its own (most often the lead),
   * then the others in article order; empty unless status is "ok".
   */
  sentences: string[];
  url: string;
  /** The site's name, or its host when the page does not name itself. */
  source: string;
  /** ISO 8601, as the article declares it. */
  published?: string;
  /** The lead image (http/https only). */
  image?: string;
  /** Topic hashtags without "#", as the caller gave them (e.g. "WarInUkraine"). */
  tags: string[];
  status: BriefStatus;
}

export interface BriefOptions {
  /** Word budget of the sentences (default 90). */
  maxWords?: number;
  /** Sentences to aim for at least, when the article has them (default 2). */
  minSentences?: number;
  /** At most this many sentences (default 4; 1 gives a one-sentence brief). */
  maxSentences?: number;
  /** Topic hashtags for the brief. */
  tags?: string[];
}
