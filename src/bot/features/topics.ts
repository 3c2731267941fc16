/** /topics: the topics as toggles, paged, with ✓ on what this chat (or forum topic, or channel) follows. */
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { answerAdminsOnly, answerInvalid, redraw } from "../callback-answers.ts";
import { escapeHtml } from "../../brief/index.ts";
import { withChannelBack } from "../keyboards/channel-button.ts";
import { pageCount, topicsButton, topicsKeyboard } from "../keyboards/topics.ts";
import { followTopic, unfollowTopic } from "../subscriptions/actions.ts";
import { ask } from "../subscriptions/prompts.ts";
import { localScope, mayManage, placeOf, scopeFor, scopeRef, type ChatScope } from "../subscriptions/scope.ts";

export function topicsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("topics", async (ctx) => {
    const scope = localScope(ctx);
    if (scope === undefined) return;
    const view = await topicsView(ctx, scope, ctx.session.topicsPage ?? 0);
    await ctx.reply(view.text, { parse_mode: "HTML", reply_markup: view.keyboard });
  });

  feature.callbackQuery(topicsButton.pattern, async (ctx) => {
    const action = topicsButton.decode(ctx.callbackQuery.data);
    const scope = action && (await scopeFor(ctx, action.remote));
    if (action === undefined || scope === undefined) return answerInvalid(ctx);
    // Anyone may look through the pages of a chat's own menu; changing it is for its admins.
    if ((action.op !== "page" || scope.remote) && !(await mayManage(ctx, scope))) return answerAdminsOnly(ctx);

    if (action.op === "words") {
      await ctx.answerCallbackQuery();
      await askForWords(ctx, scope);
      return;
    }
    const topics = await ctx.deps.store.topics.listEnabled();
    if (action.op === "page") {
      if (action.page >= pageCount(topics)) return answerInvalid(ctx);
      if (!scope.remote) ctx.session.topicsPage = action.page;
      const view = await topicsView(ctx, scope, action.page);
      await ctx.answerCallbackQuery();
      await redraw(ctx, view.text, view.keyboard);
      return;
    }
    const topic = topics.find((t) => t.slug === action.slug);
    if (topic === undefined) return answerInvalid(ctx);
    const followed = await followedSlugs(ctx, scope);
    const outcome = followed.has(topic.slug) ? await unfollowTopic(ctx, scope, topic) : await followTopic(ctx, scope, topic);
    const view = await topicsView(ctx, scope, action.page);
    await ctx.answerCallbackQuery({ text: stripTags(outcome.text) });
    await redraw(ctx, view.text, view.keyboard);
  });

  return feature;
}

export async function askForWords(ctx: BotContext, scope: ChatScope): Promise<void> {
  const place = placeOf(scope);
  await ask(ctx, "words", scope, ctx.t("subscribe-ask", { where: place.where, title: escapeHtml(place.title) }), ctx.t("subscribe-ask-placeholder"));
}

async function followedSlugs(ctx: BotContext, scope: ChatScope): Promise<Set<string>> {
  const subs = await ctx.deps.store.subscriptions.listForChat(scope.chatId, scope.threadId);
  return new Set(subs.filter((s) => s.kind === "topic").map((s) => s.target));
}

export async function topicsView(ctx: BotContext, scope: ChatScope, wantedPage: number) {
  const topics = await ctx.deps.store.topics.listEnabled();
  const pages = pageCount(topics);
  const page = Math.min(Math.max(0, wantedPage), pages - 1);
  const place = placeOf(scope);
  const text = ctx.t("topics-intro", { where: place.where, title: escapeHtml(place.title), page: page + 1, pages });
  const keyboard = withChannelBack(topicsKeyboard({
    topics,
    followed: await followedSlugs(ctx, scope),
    page,
    remote: scopeRef(scope),
    locale: ctx.locale,
    labels: { previous: ctx.t("topics-previous"), next: ctx.t("topics-next"), words: ctx.t("topics-own-words") },
  }), scopeRef(scope), ctx.t("channel-back"));
  return { text, keyboard };
}

/** Callback answers are plain text: the outcome's HTML tags go, its escaped characters come back. */
export function stripTags(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
