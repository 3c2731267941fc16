/** The buttons of the newsroom's source commands: paging through /sources, and Add / Cancel under a preview. */
import { InlineKeyboard } from "grammy";
import type { Translate } from "../../i18n/locales.ts";
import { callbackCodec } from "../callback-data.ts";
import { parseIndex } from "../subscriptions/callback-parts.ts";

export const SOURCES_PER_PAGE = 8;

export type SourcesAction =
  | { op: "page"; page: number }
  /** `token` names the preview the button was drawn for: a press on an older preview is refused. */
  | { op: "add" | "cancel"; token: string };

const TOKEN = /^[a-z0-9]{8}$/;

export const sourcesButton = callbackCodec<SourcesAction>("src", {
  encode: (a) => (a.op === "page" ? `p:${a.page}` : `${a.op === "add" ? "a" : "c"}:${a.token}`),
  decode: (payload) => {
    const [op, value, ...extra] = payload.split(":");
    if (extra.length > 0 || value === undefined) return undefined;
    if (op === "p") {
      const page = parseIndex(value);
      return page === undefined ? undefined : { op: "page", page };
    }
    if ((op === "a" || op === "c") && TOKEN.test(value)) return { op: op === "a" ? "add" : "cancel", token: value };
    return undefined;
  },
});

export function sourcePageCount(total: number): number {
  return Math.max(1, Math.ceil(total / SOURCES_PER_PAGE));
}

export function sourcesPagerKeyboard(t: Translate, page: number, pages: number): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (page > 0) keyboard.text(t("sources-previous"), sourcesButton.encode({ op: "page", page: page - 1 }));
  if (page < pages - 1) keyboard.text(t("sources-next"), sourcesButton.encode({ op: "page", page: page + 1 }));
  return keyboard;
}

export function previewKeyboard(t: Translate, token: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("sources-button-add"), sourcesButton.encode({ op: "add", token }))
    .text(t("sources-button-cancel"), sourcesButton.encode({ op: "cancel", token }));
}
