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
}

export const ALL_RULES: Readonly<ExtractRules> = {
  repairMarkup: true,
  utf8OverDeclaredSingleByte: true,
  camelCaseHints: true,
  textBoilerplate: true,
};

export function withRules(overrides: Partial<ExtractRules> | undefined): ExtractRules {
  return { ...ALL_RULES, ...overrides };
}
