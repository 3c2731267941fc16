/**
 * /subscribe <topic or words>, /unsubscribe, /mysubs with buttons to remove, and the deep link
 * `t.me/<bot>?start=sub_<slug>` that follows a topic in one tap.
 */
import { Composer } from "grammy";
import { isValidSlug, type Topic } from "../../topics/index.ts";
import type { Subscription } from "../../store/index.ts";
import type { BotContext } from "../context.ts";
import { answerAdminsOnly, answerInvalid, redraw } from "../callback-answers.ts";
import { escapeHtml } from "../../brief/index.ts";
import { withChannelBack } from "../keyboards/channel-button.ts";
import { subscriptionsButton, subscriptionsKeyboard } from "../keyboards/subscriptions.ts";
import { followTopic, subscribeToText, unfollowById, unsubscribeFromText } from "../subscriptions/actions.ts";
import { topicName } from "../subscriptions/lookup.ts";
import { localScope, mayManage, placeOf, scopeFor, scopeRef, type ChatScope } from "../subscriptions/scope.ts";
import type { DeepLinkHandler } from "./start.ts";
import { askForWords, stripTags } from "./topics.ts";

const DEEP_LINK = /^sub_([a-z0-9-]+)$/;
/** Longest label on a remove button, and in the list above the buttons. */
const MAX_BUTTON_LABEL = 40;
const MAX_LINE_LABEL = 60;

export function subscribeFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("subscribe", async (ctx) => {
    const scope = localScope(ctx);
    if (scope === undefined) return;
    if (!(await mayManage(ctx, scope))) {
      await ctx.reply(ctx.t("admins-only"));
      return;
    }
    const text = ctx.match.trim();
    if (text === "") {
      await askForWords(ctx, scope);
      return;
    }
    await ctx.reply((await subscribeToText(ctx, scope, text)).text, { parse_mode: "HTML" });
  });

  feature.command("unsubscribe", async (ctx) => {
    const scope = localScope(ctx);
    if (scope === undefined) return;
    const text = ctx.match.trim();
    if (text === "") {
      // Without words, the list with its remove buttons is the easiest way to choose.
      const view = await subscriptionsView(ctx, scope);
      await ctx.reply(view.text, { parse_mode: "HTML", reply_markup: view.keyboard });
      return;
    }
    if (!(await mayManage(ctx, scope))) {
      await ctx.reply(ctx.t("admins-only"));
      return;
    }
    await ctx.reply((await unsubscribeFromText(ctx, scope, text)).text, { parse_mode: "HTML" });
  });

  feature.command("mysubs", async (ctx) => {
    const scope = localScope(ctx);
    if (scope === undefined) return;
    const view = await subscriptionsView(ctx, scope);
    await ctx.reply(view.text, { parse_mode: "HTML", reply_markup: view.keyboard });
  });

  feature.callbackQuery(subscriptionsButton.pattern, async (ctx) => {
    const action = subscriptionsButton.decode(ctx.callbackQuery.data);
    const scope = action && (await scopeFor(ctx, action.remote));
    if (action === undefined || scope === undefined) return answerInvalid(ctx);
    if ((action.op === "remove" || scope.remote) && !(await mayManage(ctx, scope))) return answerAdminsOnly(ctx);
    if (action.op === "remove") {
      const removed = await unfollowById(ctx, scope, action.id);
      if (removed === undefined) return answerInvalid(ctx);
      const label = shorten(await labelOf(ctx, removed), MAX_LINE_LABEL);
      await ctx.answerCallbackQuery({ text: stripTags(ctx.t("unsubscribe-done", { what: escapeHtml(label) })) });
    } else {
      await ctx.answerCallbackQuery();
    }
    const view = await subscriptionsView(ctx, scope);
    await redraw(ctx, view.text, view.keyboard);
  });

  return feature;
}

/** `/start sub_<slug>`: follow a topic from a link on a site or in a post. */
export const subscribeDeepLink: DeepLinkHandler = async (ctx, payload) => {
  const slug = DEEP_LINK.exec(payload)?.[1];
  if (slug === undefined) return false;
  const scope = localScope(ctx);
  if (scope === undefined) return false;
  const topic = isValidSlug(slug) ? (await ctx.deps.store.topics.get(slug)) : undefined;
  if (topic === undefined || !topic.enabled) {
    await ctx.reply(ctx.t("deep-link-unknown-topic"));
    return true;
  }
  if (!(await mayManage(ctx, scope))) {
    await ctx.reply(ctx.t("admins-only"));
    return true;
  }
  const outcome = await followTopic(ctx, scope, topic.topic);
  await ctx.reply(`${outcome.text}\n\n${ctx.t("deep-link-more")}`, { parse_mode: "HTML" });
  return true;
};

/** What a subscription is called, as plain text: the topic's name, or the words as typed. */
async function labelOf(ctx: BotContext, sub: Subscription, topics?: readonly Topic[]): Promise<string> {
  if (sub.kind === "keywords") return sub.query ?? sub.target;
  const topic = topics?.find((t) => t.slug === sub.target) ?? (await ctx.deps.store.topics.get(sub.target))?.topic;
  return topic ? topicName(topic, ctx.locale) : sub.target;
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export async function subscriptionsView(ctx: BotContext, scope: ChatScope) {
  const subs = await ctx.deps.store.subscriptions.listForChat(scope.chatId, scope.threadId);
  const stored = await ctx.deps.store.topics.listAll();
  const topics = stored.map((s) => s.topic);
  const offered = new Set(stored.filter((s) => s.enabled).map((s) => s.topic.slug));
  const place = placeOf(scope);
  const where = { where: place.where, title: escapeHtml(place.title) };
  const back = ctx.t("channel-back");
  if (subs.length === 0) return { text: ctx.t("mysubs-empty", where), keyboard: withChannelBack(subscriptionsKeyboard([], scopeRef(scope)), scopeRef(scope), back) };

  const lines: string[] = [];
  const items: { id: number; label: string }[] = [];
  for (const sub of subs) {
    const label = await labelOf(ctx, sub, topics);
    // Up to 50 subscriptions of up to 200 characters each must still fit one message.
    const shown = escapeHtml(shorten(label, MAX_LINE_LABEL));
    const paused = sub.kind === "topic" && !offered.has(sub.target);
    const line = sub.kind === "keywords" ? ctx.t("mysubs-words-line", { words: shown }) : ctx.t("mysubs-topic-line", { name: shown });
    lines.push(paused ? `${line} ${ctx.t("mysubs-topic-paused")}` : line);
    items.push({ id: sub.id, label: shorten(label, MAX_BUTTON_LABEL) });
  }
  const text = `${ctx.t("mysubs-header", { ...where, count: subs.length })}\n\n${lines.join("\n")}\n\n${ctx.t("mysubs-footer")}`;
  return { text, keyboard: withChannelBack(subscriptionsKeyboard(items, scopeRef(scope)), scopeRef(scope), back) };
}
