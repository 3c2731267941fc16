/**
 * The extractor's rules that can be switched off one at a time, for the ablation
 * in bench/extract-ablation.ts (which reports the dev F1 with each one off, so
 * that a rule that does not carry its weight is seen and goes). Callers never
 * pass these: every rule is on in production.
 */
export interface ExtractRules {
  /** repair.ts: lower-case tag names, close unclosed `<a>` before parsing. */
  repairMarkup: boolean;
  /** decode.ts: valid multi-byte UTF-8 under a `<meta>` naming a single-byte charset (and no HTTP charset) is read as UTF-8. */
  utf8OverDeclaredSingleByte: boolean;
  /** boilerplate.ts: class/id words split at camelCase joints ("imageCaption" → "image caption"). */
  camelCaseHints: boolean;
  /** boilerplate.ts: legal lines however worded, and tool-bar labels ("Print | E-mail | Share"), dropped by their text. */
  textBoilerplate: boolean;
  /** score.ts: a candidate that reads as a listing (many short linked items) never wins. */
  listingsNeverWin: boolean;
  /** score.ts: the climb to a richer ancestor compares with the top's own score (off: Readability's shrinking one). */
  climbToRicherParent: boolean;
  /** score.ts: a story-like class adds at most what the block's own text scored. */
  classBonusCappedByText: boolean;
  /** score.ts: paragraphs inside a comment block (by its or an ancestor's class) score nothing. */
  commentsNeverScore: boolean;
  /** score.ts: a wrapper around a lone child scores what the child scored (for the climb and for siblings). */
  wrapperCarriesScore: boolean;
  /** score.ts: a prose sibling of the container joins it also when it is a <div> or <span> without blocks, not only a <p>. */
  proseSiblingBlocks: boolean;
  /** meta-lines.ts: short lines of a date plus names and furniture words; the headline repeated with a tag. */
  metadataLines: boolean;
  /** meta-lines.ts: an author's bio or an "about us" box closing the body. */
  bioAndAbout: boolean;
  /** body.ts: a block whose only negative class words also name content ("more", "widget", "caption") is pruned only when it is not prose. */
  ambiguousHintsNeedEvidence: boolean;
  /** body.ts: the JSON-LD articleBody replaces markup that holds much less than it. */
  jsonLdFallback: boolean;
  /** body.ts: blocks of mostly link text (link lists, cards) are pruned inside the container. */
  linkDensityPruning: boolean;
  /** body.ts: the "By …" byline and single-date line patterns. */
  bylineDatePatterns: boolean;
  /** boilerplate.ts: whole-block stock phrases ("Advertisement", "Read more…", "Share this"). */
  stockPhrases: boolean;
  /** teasers.ts: link-led teaser items and lists never win, never join as siblings, and are pruned in the container. */
  teasers: boolean;
}

export const ALL_RULES: Readonly<ExtractRules> = {
  repairMarkup: true,
  utf8OverDeclaredSingleByte: true,
  camelCaseHints: true,
  textBoilerplate: true,
  listingsNeverWin: true,
  climbToRicherParent: true,
  classBonusCappedByText: true,
  commentsNeverScore: true,
  wrapperCarriesScore: true,
  proseSiblingBlocks: true,
  metadataLines: true,
  bioAndAbout: true,
  ambiguousHintsNeedEvidence: true,
  jsonLdFallback: true,
  linkDensityPruning: true,
  bylineDatePatterns: true,
  stockPhrases: true,
  teasers: true,
};

export function withRules(overrides: Partial<ExtractRules> | undefined): ExtractRules {
  return { ...ALL_RULES, ...overrides };
}
