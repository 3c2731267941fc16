/**
 * Subscribing and unsubscribing, shared by commands, buttons, prompts and deep links so that
 * each way in says the same thing and records the same audit entry.
 */
import { CUSTOM_TOPIC_LIMITS, parseCustomTopic, type CustomTopicErrorCode, type Topic } from "../../topics/index.ts";
import type { BotContext } from "../context.ts";
import { escapeHtml } from "../../brief/index.ts";
import { findTopic, topicName } from "./lookup.ts";
import type { ChatScope } from "./scope.ts";

/** Enough for any reader; a cap keeps one chat from making matching slow for everyone. */
export const MAX_SUBSCRIPTIONS_PER_CHAT = 50;

/** A reply to show the user (HTML); `error` when the input could not be used (worth asking again). */
export interface Outcome {
  text: string;
  error?: boolean;
}

const done = (text: string): Outcome => ({ text });
const failed = (text: string): Outcome => ({ text, error: true });

export async function followTopic(ctx: BotContext, scope: ChatScope, topic: Topic): Promise<Outcome> {
  const name = escapeHtml(topicName(topic, ctx.locale));
  const { subscriptions } = ctx.deps.store;
  if ((await subscriptions.listForChat(scope.chatId, scope.threadId)).some((s) => s.kind === "topic" && s.target === topic.slug)) {
    return done(ctx.t("subscribe-already", { name }));
  }
  if ((await subscriptions.count(scope)) >= MAX_SUBSCRIPTIONS_PER_CHAT) return done(ctx.t("subscribe-limit", { max: MAX_SUBSCRIPTIONS_PER_CHAT }));
  await subscriptions.add(scope, { kind: "topic", slug: topic.slug }, ctx.from?.id ?? null);
  await audit(ctx, scope, "subscription.add", { kind: "topic", target: topic.slug });
  return done(ctx.t("subscribe-done", { name }));
}

export async function unfollowTopic(ctx: BotContext, scope: ChatScope, topic: Topic): Promise<Outcome> {
  const name = escapeHtml(topicName(topic, ctx.locale));
  if (!(await ctx.deps.store.subscriptions.remove(scope, "topic", topic.slug))) return done(ctx.t("unsubscribe-not-following", { what: name }));
  await audit(ctx, scope, "subscription.remove", { kind: "topic", target: topic.slug });
  return done(ctx.t("unsubscribe-done", { what: name }));
}

/** `/subscribe <text>`: a topic by name or alias, or else the words as a custom topic. */
export async function subscribeToText(ctx: BotContext, scope: ChatScope, text: string): Promise<Outcome> {
  const topic = findTopic(await ctx.deps.store.topics.listEnabled(), text);
  if (topic) return followTopic(ctx, scope, topic);

  const parsed = parseCustomTopic(text);
  if (!parsed.ok) return failed(customTopicErrorText(ctx, parsed.error.code));
  const { key } = parsed.topic;
  const { subscriptions } = ctx.deps.store;
  const existing = (await subscriptions.listForChat(scope.chatId, scope.threadId)).find((s) => s.kind === "keywords" && s.target === key);
  // Words are shown as the chat first typed them; the canonical key only decides what is the same.
  if (existing) return done(ctx.t("subscribe-words-already", { words: escapeHtml(existing.query ?? key) }));
  if ((await subscriptions.count(scope)) >= MAX_SUBSCRIPTIONS_PER_CHAT) return done(ctx.t("subscribe-limit", { max: MAX_SUBSCRIPTIONS_PER_CHAT }));
  const query = text.trim().replace(/\s+/g, " ");
  await subscriptions.add(scope, { kind: "keywords", key, query }, ctx.from?.id ?? null);
  await audit(ctx, scope, "subscription.add", { kind: "keywords", target: key });
  return done(ctx.t("subscribe-words-done", { words: escapeHtml(query) }));
}

/** `/unsubscribe <text>`: a followed topic by name or alias (offered or not), or custom words. */
export async function unsubscribeFromText(ctx: BotContext, scope: ChatScope, text: string): Promise<Outcome> {
  const all = (await ctx.deps.store.topics.listAll()).map((stored) => stored.topic);
  const topic = findTopic(all, text);
  if (topic) return unfollowTopic(ctx, scope, topic);
  const parsed = parseCustomTopic(text);
  const key = parsed.ok ? parsed.topic.key : text.trim();
  const existing = (await ctx.deps.store.subscriptions.listForChat(scope.chatId, scope.threadId)).find((s) => s.kind === "keywords" && s.target === key);
  if (existing === undefined || !(await ctx.deps.store.subscriptions.remove(scope, "keywords", key))) {
    return done(ctx.t("unsubscribe-not-following", { what: escapeHtml(text.trim()) }));
  }
  await audit(ctx, scope, "subscription.remove", { kind: "keywords", target: key });
  return done(ctx.t("unsubscribe-done", { what: escapeHtml(existing.query ?? key) }));
}

export function customTopicErrorText(ctx: BotContext, code: CustomTopicErrorCode): string {
  const limits = { max: CUSTOM_TOPIC_LIMITS.maxLength, terms: CUSTOM_TOPIC_LIMITS.maxTerms, words: CUSTOM_TOPIC_LIMITS.maxPhraseWords };
  switch (code) {
    case "empty":
    case "no-words":
      return ctx.t("words-error-empty");
    case "too-long":
      return ctx.t("words-error-too-long", { max: limits.max });
    case "only-exclusions":
      return ctx.t("words-error-only-exclusions");
    case "too-many-terms":
      return ctx.t("words-error-too-many-terms", { max: limits.terms });
    case "phrase-too-long":
      return ctx.t("words-error-phrase-too-long", { max: limits.words });
    case "stem-too-short":
      return ctx.t("words-error-stem-too-short");
    case "unclosed-quote":
      return ctx.t("words-error-unclosed-quote");
  }
}

export async function audit(ctx: BotContext, scope: ChatScope, action: string, details: Record<string, unknown>): Promise<void> {
  await ctx.deps.store.audit.record({ actorId: ctx.from?.id ?? null, chatId: scope.chatId, action, details: { threadId: scope.threadId, ...details } });
  ctx.log.info({ action, targetChat: scope.chatId, threadId: scope.threadId, ...details }, "chat changed");
}
