/**
 * The command menu Telegram shows next to the input field, in every locale. A feature adds
 * its commands here so that /help and the menu never disagree.
 */
import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { I18n } from "@grammyjs/i18n";
import { SUPPORTED_LOCALES, type Locale } from "../i18n/locales.ts";
import type { Logger } from "../logger.ts";
import type { CoreContext } from "./context.ts";

/** Each command's description is the locale key `command-<name>`. */
export const MENU_COMMANDS = ["start", "help", "topics", "subscribe", "unsubscribe", "mysubs", "related", "search", "settings", "channel", "language"] as const;

export function menuFor(i18n: I18n<CoreContext>, locale: Locale): BotCommand[] {
  return MENU_COMMANDS.map((command) => ({ command, description: i18n.t(locale, `command-${command}`) }));
}

/** Publishes the menu per language; the default locale also serves users of other languages. */
export async function publishCommandMenus(api: Api, i18n: I18n<CoreContext>, defaultLocale: Locale, log: Logger): Promise<void> {
  try {
    await api.setMyCommands(menuFor(i18n, defaultLocale));
    for (const locale of SUPPORTED_LOCALES) {
      await api.setMyCommands(menuFor(i18n, locale), { language_code: locale });
    }
  } catch (error) {
    // The bot works without its menu, so a failure here is only worth a warning.
    log.warn({ err: error }, "could not publish the command menus");
  }
}
