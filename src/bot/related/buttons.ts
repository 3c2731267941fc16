/**
 * Buttons of /related and /search. `rel:<articleId>` is the "Related" button under every
 * delivered brief (page 0, answered as a new message); `rel:<articleId>:<page>` pages an answer
 * in place. Words and fetched pages do not fit in 64 bytes, so their answers page through
 * `find:<queryId>:<page>`, the query kept in the chat's session.
 */
import { InlineKeyboard } from "grammy";
import { callbackCodec } from "../callback-data.ts";
import { parseIndex, parseInteger } from "../subscriptions/callback-parts.ts";

export interface RelatedPress {
  articleId: number;
  /** Undefined for the brief's own button. */
  page: number | undefined;
}

export const relatedButton = callbackCodec<RelatedPress>("rel", {
  encode: (p) => (p.page === undefined ? String(p.articleId) : `${p.articleId}:${p.page}`),
  decode: (payload) => {
    const [id, page, ...extra] = payload.split(":");
    const articleId = parseInteger(id);
    if (articleId === undefined || articleId <= 0 || extra.length > 0) return undefined;
    if (page === undefined) return { articleId, page: undefined };
    const index = parseIndex(page);
    return index === undefined ? undefined : { articleId, page: index };
  },
});

export interface FindPress {
  queryId: number;
  page: number;
}

export const findButton = callbackCodec<FindPress>("find", {
  encode: (p) => `${p.queryId}:${p.page}`,
  decode: (payload) => {
    const [id, page, ...extra] = payload.split(":");
    const queryId = parseIndex(id, 1_000_000_000);
    const index = parseIndex(page);
    return queryId === undefined || index === undefined || extra.length > 0 ? undefined : { queryId, page: index };
  },
});

/** ‹ Back and More › around the page shown; nothing when there is one page. */
export function pagingKeyboard(page: number, pages: number, data: (page: number) => string, labels: { previous: string; next: string }): InlineKeyboard | undefined {
  if (pages <= 1) return undefined;
  const keyboard = new InlineKeyboard();
  if (page > 0) keyboard.text(labels.previous, data(page - 1));
  if (page < pages - 1) keyboard.text(labels.next, data(page + 1));
  return keyboard;
}
