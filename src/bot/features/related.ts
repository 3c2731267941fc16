/**
 * /related: as a reply to a brief, with a link, or with words; the "Related" button under every
 * brief (`rel:<articleId>`), and the paging buttons of its answers.
 */
import { Composer, InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import { FetchArticleError } from "../../archive/fetch-article.ts";
import type { BotContext } from "../context.ts";
import { answerInvalid, redraw } from "../callback-answers.ts";
import { pageAnswer, savedQueryPage, storyAnswer, wordsAnswer } from "../related/answers.ts";
import { findButton, relatedButton } from "../related/buttons.ts";
import { MAX_QUERY_CHARS, parseQuery } from "../related/input.ts";
import type { AnswerView } from "../related/view.ts";

export function relatedFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("related", async (ctx) => {
    const input = parseQuery(ctx.match);
    const replied = ctx.message?.reply_to_message;
    switch (input.kind) {
      case "empty":
        return replied ? answerReply(ctx, replied) : say(ctx, ctx.t("related-usage"));
      case "too-long":
        return say(ctx, ctx.t("related-too-long", { max: MAX_QUERY_CHARS }));
      case "no-words":
        return say(ctx, ctx.t("related-no-words"));
      case "bad-link":
        return say(ctx, ctx.t("related-bad-link"));
      case "link":
        return answerLink(ctx, input.url);
      case "words":
        return send(ctx, await wordsAnswer(ctx, input.words));
    }
  });

  feature.callbackQuery(relatedButton.pattern, async (ctx) => {
    const press = relatedButton.decode(ctx.callbackQuery.data);
    const article = press && (await ctx.deps.store.articles.get(press.articleId));
    if (press === undefined || article === undefined) return answerInvalid(ctx);
    const view = await storyAnswer(ctx, article, press.page ?? 0);
    await ctx.answerCallbackQuery();
    // The brief's own button answers below the brief; a page button turns the page in place.
    if (press.page === undefined) await send(ctx, view);
    else await redraw(ctx, view.text, view.keyboard ?? new InlineKeyboard());
  });

  feature.callbackQuery(findButton.pattern, async (ctx) => {
    const press = findButton.decode(ctx.callbackQuery.data);
    if (press === undefined) return answerInvalid(ctx);
    const view = await savedQueryPage(ctx, press.queryId, press.page);
    if (view === undefined) {
      await ctx.answerCallbackQuery({ text: ctx.t("related-expired"), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    await redraw(ctx, view.text, view.keyboard ?? new InlineKeyboard());
  });

  return feature;
}

/** /related in reply to a message: the brief's story, found by its buttons or links. */
async function answerReply(ctx: BotContext, replied: Message): Promise<void> {
  if (replied.from?.id !== ctx.me.id) return say(ctx, ctx.t("related-not-a-brief"));
  const { articleId, urls } = briefReferences(replied);
  if (articleId === undefined && urls.length === 0) return say(ctx, ctx.t("related-not-a-brief"));
  let article = articleId === undefined ? undefined : await ctx.deps.store.articles.get(articleId);
  for (const url of urls) {
    if (article) break;
    article = await ctx.deps.store.articles.findExisting({ url, sourceId: null });
  }
  if (!article) return say(ctx, ctx.t("related-unknown-brief"));
  await send(ctx, await storyAnswer(ctx, article, 0));
}

/** What identifies a brief's story: its "Related" button, its "Read the full story" button, its links. */
export function briefReferences(message: Message): { articleId: number | undefined; urls: string[] } {
  let articleId: number | undefined;
  const urls: string[] = [];
  for (const button of message.reply_markup?.inline_keyboard.flat() ?? []) {
    if ("callback_data" in button && button.callback_data) articleId ??= relatedButton.decode(button.callback_data)?.articleId;
    if ("url" in button && button.url) urls.push(button.url);
  }
  for (const entity of [...(message.entities ?? []), ...(message.caption_entities ?? [])]) {
    if (entity.type === "text_link") urls.push(entity.url);
  }
  return { articleId, urls };
}

async function answerLink(ctx: BotContext, url: string): Promise<void> {
  const stored = await ctx.deps.store.articles.findExisting({ url, sourceId: null });
  if (stored) return send(ctx, await storyAnswer(ctx, stored, 0));
  await ctx.replyWithChatAction("typing").catch(() => undefined);
  let page;
  try {
    page = await ctx.deps.fetchArticle(url);
  } catch (error) {
    if (!(error instanceof FetchArticleError)) throw error;
    ctx.log.info({ url, reason: error.reason, error: error.message }, "could not read a linked page");
    const key = { "bad-url": "related-bad-link", "private-address": "related-private-link", unreachable: "related-fetch-failed", "not-article": "related-not-article" }[error.reason];
    return say(ctx, ctx.t(key));
  }
  await send(ctx, await pageAnswer(ctx, page, url));
}

async function say(ctx: BotContext, html: string): Promise<void> {
  await ctx.reply(html, { parse_mode: "HTML", link_preview_options: { is_disabled: true }, ...replyTo(ctx) });
}

export async function send(ctx: BotContext, view: AnswerView): Promise<void> {
  await ctx.reply(view.text, { parse_mode: "HTML", link_preview_options: { is_disabled: true }, ...(view.keyboard ? { reply_markup: view.keyboard } : {}), ...replyTo(ctx) });
}

function replyTo(ctx: BotContext) {
  const id = ctx.message?.message_id;
  return id === undefined ? {} : { reply_parameters: { message_id: id, allow_sending_without_reply: true } };
}
