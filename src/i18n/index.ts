/**
 * Fluent translations for every user-facing string (`locales/*.ftl`).
 * The bot uses the I18n instance as middleware; the CLI and services call `i18n.t(locale, key)`.
 */
import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Locale, Translate } from "./locales.ts";

export { SUPPORTED_LOCALES, isSupportedLocale, localeFromLanguageCode, type Locale, type Translate } from "./locales.ts";

export const LOCALES_DIR = fileURLToPath(new URL("../../locales", import.meta.url));

export interface CreateI18nOptions<C extends Context> {
  defaultLocale: Locale;
  /** Decides the locale of an update; falls back to `defaultLocale` when it returns undefined. */
  localeNegotiator?: (ctx: C) => string | undefined | PromiseLike<string | undefined>;
}

export function createI18n<C extends Context = Context>(options: CreateI18nOptions<C>): I18n<C> {
  return new I18n<C>({
    defaultLocale: options.defaultLocale,
    directory: LOCALES_DIR,
    // Without this Fluent wraps every placeable in invisible U+2068/U+2069 marks.
    fluentBundleOptions: { useIsolating: false },
    ...(options.localeNegotiator ? { localeNegotiator: options.localeNegotiator } : {}),
  });
}


export function translatorFor(i18n: I18n<Context> | I18n<never>, locale: Locale): Translate {
  return (key, variables) => (i18n as I18n<Context>).t(locale, key, variables);
}
