/**
 * Inline mode: "@bot words" in any chat offers the newest relevant briefs as shareable article
 * results, each sending the brief as rendered for delivery; with no words, the newest briefs.
 * Answered from memory and one database read, well inside Telegram's inline timeout.
 */
import { Composer, InlineKeyboard } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import { searchArchive } from "../../archive/related.ts";
import { ageText, cleanInline, renderBrief, shorten } from "../../brief/index.ts";
import { hostOf } from "../../related/answer.ts";
import type { StoredArticle } from "../../store/index.ts";
import type { BotContext } from "../context.ts";
import { archiveOf } from "../related/answers.ts";
import { parseQuery } from "../related/input.ts";

/** Telegram shows at most 50 results per answer. */
const RESULTS = 20;
/** Seconds Telegram may reuse an answer for the same words: news moves, so briefly. */
const CACHE_SECONDS = 30;

export function inlineFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.on("inline_query", async (ctx) => {
    const input = parseQuery(ctx.inlineQuery.query);
    let articles: StoredArticle[] = [];
    if (input.kind === "words") articles = await searchArchive(archiveOf(ctx), input.words, RESULTS);
    else if (input.kind === "empty") articles = await newest(ctx);
    else if (input.kind === "link") {
      const stored = await ctx.deps.store.articles.findExisting({ url: input.url, sourceId: null });
      articles = stored ? [stored] : [];
    }
    await ctx.answerInlineQuery(articles.map((article) => result(ctx, article)), { cache_time: CACHE_SECONDS, is_personal: false });
  });

  return feature;
}

async function newest(ctx: BotContext): Promise<StoredArticle[]> {
  const rows = await ctx.deps.store.articles.forIndex({ limit: RESULTS });
  return ctx.deps.store.articles.getMany(rows.map((row) => row.id));
}

function result(ctx: BotContext, article: StoredArticle): InlineQueryResultArticle {
  const t = ctx.t.bind(ctx);
  const now = ctx.deps.now();
  const brief = article.brief ?? { title: article.title, sentences: [], url: article.url, source: article.sourceName ?? hostOf(article.url) ?? "", tags: [], status: "no-text" as const };
  const rendered = renderBrief(brief, { t, now, locale: ctx.locale, as: "message" });
  const source = article.sourceName ?? hostOf(article.url);
  const age = ageText(article.publishedAt ?? article.fetchedAt, { t, now });
  const description = [source, age].filter(Boolean).join(" · ");
  return {
    type: "article",
    id: String(article.id),
    title: shorten(cleanInline(article.title), 200) || article.url,
    ...(description ? { description } : {}),
    url: article.url,
    input_message_content: { message_text: rendered.html, parse_mode: "HTML", link_preview_options: rendered.linkPreview },
    ...(rendered.button ? { reply_markup: new InlineKeyboard().url(rendered.button.text, rendered.button.url) } : {}),
  };
}
