/** The /topics keyboard: a page of topic toggles (✓ on followed ones), paging, and "your own words". */
import { InlineKeyboard } from "grammy";
import type { Locale } from "../../i18n/locales.ts";
import { isValidSlug, type Topic } from "../../topics/index.ts";
import { callbackCodec } from "../callback-data.ts";
import { encodeScopeRef, parseIndex, parseScopeRef } from "../subscriptions/callback-parts.ts";
import { topicName } from "../subscriptions/lookup.ts";

export const TOPICS_PER_PAGE = 8;

export type TopicsAction =
  | { op: "toggle"; remote: number | undefined; page: number; slug: string }
  | { op: "page"; remote: number | undefined; page: number }
  | { op: "words"; remote: number | undefined };

const OPS = { t: "toggle", p: "page", w: "words" } as const;

export const topicsButton = callbackCodec<TopicsAction>("tp", {
  encode: (a) =>
    a.op === "toggle"
      ? `t:${encodeScopeRef(a.remote)}:${a.page}:${a.slug}`
      : a.op === "page"
        ? `p:${encodeScopeRef(a.remote)}:${a.page}`
        : `w:${encodeScopeRef(a.remote)}`,
  decode: (payload) => {
    const [op, ref, page, slug, ...extra] = payload.split(":");
    const scope = parseScopeRef(ref);
    if (scope === undefined || extra.length > 0) return undefined;
    const kind = OPS[op as keyof typeof OPS] as (typeof OPS)[keyof typeof OPS] | undefined;
    if (kind === "words") return page === undefined ? { op: kind, remote: scope.remote } : undefined;
    const index = parseIndex(page);
    if (index === undefined) return undefined;
    if (kind === "page") return slug === undefined ? { op: kind, remote: scope.remote, page: index } : undefined;
    if (kind === "toggle") return slug !== undefined && isValidSlug(slug) ? { op: kind, remote: scope.remote, page: index, slug } : undefined;
    return undefined;
  },
});

export function pageCount(topics: readonly Topic[]): number {
  return Math.max(1, Math.ceil(topics.length / TOPICS_PER_PAGE));
}

export interface TopicsKeyboardInput {
  topics: readonly Topic[];
  followed: ReadonlySet<string>;
  page: number;
  remote: number | undefined;
  locale: Locale;
  labels: { previous: string; next: string; words: string };
}

export function topicsKeyboard(input: TopicsKeyboardInput): InlineKeyboard {
  const { topics, followed, page, remote, locale, labels } = input;
  const keyboard = new InlineKeyboard();
  const shown = topics.slice(page * TOPICS_PER_PAGE, (page + 1) * TOPICS_PER_PAGE);
  shown.forEach((topic, i) => {
    if (i > 0 && i % 2 === 0) keyboard.row();
    const mark = followed.has(topic.slug) ? "✓ " : "";
    keyboard.text(`${mark}${topicName(topic, locale)}`, topicsButton.encode({ op: "toggle", remote, page, slug: topic.slug }));
  });
  const pages = pageCount(topics);
  if (pages > 1) {
    keyboard.row();
    if (page > 0) keyboard.text(labels.previous, topicsButton.encode({ op: "page", remote, page: page - 1 }));
    if (page < pages - 1) keyboard.text(labels.next, topicsButton.encode({ op: "page", remote, page: page + 1 }));
  }
  keyboard.row().text(labels.words, topicsButton.encode({ op: "words", remote }));
  return keyboard;
}
