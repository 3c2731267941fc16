/** An answer of /related or /search as a message: a heading, numbered stories by section, paging. */
import type { InlineKeyboard } from "grammy";
import { ageText, cleanInline, escapeHtml, safeHttpUrl, shorten } from "../../brief/index.ts";
import { pageOf, type RelatedItem } from "../../related/answer.ts";
import type { BotContext } from "../context.ts";
import { pagingKeyboard } from "./buttons.ts";

export const STORIES_PER_PAGE = 5;
const TITLE_CAP = 200;
const SOURCE_CAP = 60;

export interface AnswerView {
  text: string;
  keyboard: InlineKeyboard | undefined;
}

/** `heading` is HTML (its user text already escaped); `empty` is shown when there is nothing. */
export function answerView(ctx: BotContext, heading: string, items: readonly RelatedItem[], wantedPage: number, data: (page: number) => string, empty: string): AnswerView {
  if (items.length === 0) return { text: `${heading}\n\n${empty}`, keyboard: undefined };
  const { items: shown, page, pages } = pageOf(items, wantedPage, STORIES_PER_PAGE);
  const lines: string[] = [heading];
  let section: RelatedItem["section"] | undefined;
  shown.forEach((item, i) => {
    if (item.section !== section) {
      section = item.section;
      lines.push("", `<b>${escapeHtml(ctx.t(section === "same-story" ? "related-same-story" : "related-more"))}</b>`);
    }
    lines.push(storyLine(ctx, item, page * STORIES_PER_PAGE + i + 1));
  });
  if (pages > 1) lines.push("", ctx.t("related-page", { page: page + 1, pages }));
  return {
    text: lines.join("\n"),
    keyboard: pagingKeyboard(page, pages, data, { previous: ctx.t("related-previous"), next: ctx.t("related-next") }),
  };
}

/** "3. Headline (linked)" and under it "Source · 2 hours ago". */
function storyLine(ctx: BotContext, item: RelatedItem, number: number): string {
  const title = escapeHtml(shorten(cleanInline(item.title), TITLE_CAP));
  const url = safeHttpUrl(item.url);
  const headline = url ? `<a href="${escapeHtml(url)}">${title}</a>` : title;
  const age = ageText(item.publishedAt ?? undefined, { t: ctx.t.bind(ctx), now: ctx.deps.now() });
  const meta = [item.source ? escapeHtml(shorten(cleanInline(item.source), SOURCE_CAP)) : undefined, age ? escapeHtml(age) : undefined].filter(Boolean).join(" · ");
  return meta ? `${number}. ${headline}\n    ${meta}` : `${number}. ${headline}`;
}

/** User words as a heading shows them: one line, shortened, escaped. */
export function quoteWords(words: string): string {
  return escapeHtml(shorten(cleanInline(words), 80));
}
