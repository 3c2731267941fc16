/** The locales newsbrief speaks. Kept apart from the I18n instance so config can name them. */
export const SUPPORTED_LOCALES = ["en", "uk"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

export function isSupportedLocale(value: string | undefined | null): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** Picks a supported locale for a Telegram `language_code` such as "uk" or "en-GB". */
export function localeFromLanguageCode(code: string | undefined): Locale | undefined {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  return isSupportedLocale(base) ? base : undefined;
}

/** A translator bound to one locale, for code outside grammY (CLI, delivery, pure renderers). */
export type Translate = (key: string, variables?: Record<string, string | number | Date>) => string;
