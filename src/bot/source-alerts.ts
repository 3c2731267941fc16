/**
 * Tells newsbrief's admins, in their private chats, that a source has been failing for a while
 * (with the reason), and again when it works. An admin who never started the bot cannot be
 * written to; that is logged and the others still hear.
 */
import type { Api } from "grammy";
import { escapeHtml } from "../brief/index.ts";
import { translatorFor, type Locale } from "../i18n/index.ts";
import type { SourceAlert } from "../ingest/types.ts";
import type { Logger } from "../logger.ts";
import type { Store } from "../store/index.ts";
import type { I18n } from "@grammyjs/i18n";
import type { CoreContext } from "./context.ts";

export interface AdminNotifierDeps {
  api: Api;
  i18n: I18n<CoreContext>;
  store: Store;
  /** Who to tell: every admin at the moment of the alert (ADMIN_IDS and those added with /admins). */
  adminIds: readonly number[] | (() => readonly number[]);
  defaultLocale: Locale;
  logger: Logger;
}

export function createAdminNotifier(deps: AdminNotifierDeps): (alert: SourceAlert) => Promise<void> {
  return async (alert) => {
    for (const adminId of typeof deps.adminIds === "function" ? deps.adminIds() : deps.adminIds) {
      const locale = (await deps.store.chats.get(adminId))?.locale ?? deps.defaultLocale;
      const t = translatorFor(deps.i18n, locale);
      const name = escapeHtml(alert.source.name);
      const text =
        alert.kind === "failing"
          ? t("source-alert-failing", { name, id: alert.source.id, since: alert.since.replace("T", " ").slice(0, 16), reason: escapeHtml(alert.error) })
          : t("source-alert-recovered", { name, id: alert.source.id });
      try {
        await deps.api.sendMessage(adminId, text, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
      } catch (error) {
        deps.logger.warn({ err: error, adminId, sourceId: alert.source.id }, "could not tell an admin about a source");
      }
    }
  };
}
