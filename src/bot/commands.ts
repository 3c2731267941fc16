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

/** Commands only newsbrief's admins see, in their own chats' menus (a `chat` scope per admin). */
export const ADMIN_MENU_COMMANDS = ["breaking", "stopbroadcast", "stats", "admins", "audit"] as const;

export function menuFor(i18n: I18n<CoreContext>, locale: Locale): BotCommand[] {
  return MENU_COMMANDS.map((command) => ({ command, description: i18n.t(locale, `command-${command}`) }));
}

function adminMenuFor(i18n: I18n<CoreContext>, locale: Locale): BotCommand[] {
  return [...menuFor(i18n, locale), ...ADMIN_MENU_COMMANDS.map((command) => ({ command, description: i18n.t(locale, `command-${command}`) }))];
}

/**
 * Publishes the menu per language (the default locale also serves users of other languages), and
 * each admin's own menu with the admin commands.
 */
export async function publishCommandMenus(api: Api, i18n: I18n<CoreContext>, defaultLocale: Locale, log: Logger, adminIds: readonly number[] = []): Promise<void> {
  try {
    await api.setMyCommands(menuFor(i18n, defaultLocale));
    for (const locale of SUPPORTED_LOCALES) {
      await api.setMyCommands(menuFor(i18n, locale), { language_code: locale });
    }
  } catch (error) {
    // The bot works without its menu, so a failure here is only worth a warning.
    log.warn({ err: error }, "could not publish the command menus");
  }
  for (const adminId of adminIds) await publishAdminMenu(api, i18n, defaultLocale, adminId, log);
}

/** An admin's private chat shows the admin commands too (a user who never started the bot makes this fail: a warning). */
export async function publishAdminMenu(api: Api, i18n: I18n<CoreContext>, defaultLocale: Locale, adminId: number, log: Logger): Promise<void> {
  const scope = { type: "chat" as const, chat_id: adminId };
  try {
    await api.setMyCommands(adminMenuFor(i18n, defaultLocale), { scope });
    for (const locale of SUPPORTED_LOCALES) await api.setMyCommands(adminMenuFor(i18n, locale), { scope, language_code: locale });
  } catch (error) {
    log.warn({ err: error, adminId }, "could not publish an admin's command menu");
  }
}

/** A removed admin's chat falls back to everyone's menu. */
export async function removeAdminMenu(api: Api, adminId: number, log: Logger): Promise<void> {
  const scope = { type: "chat" as const, chat_id: adminId };
  try {
    await api.deleteMyCommands({ scope });
    for (const locale of SUPPORTED_LOCALES) await api.deleteMyCommands({ scope, language_code: locale });
  } catch (error) {
    log.warn({ err: error, adminId }, "could not remove an admin's command menu");
  }
}
