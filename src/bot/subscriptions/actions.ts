/**
 * Subscribing and unsubscribing as the bot says it: the rules (limits, duplicates, audit) live in
 * `src/subscriptions/rules.ts`; here their results become replies in the chat's language, the
 * same for commands, buttons, prompts and deep links.
 */
import * as rules from "../../subscriptions/rules.ts";
import { CUSTOM_TOPIC_LIMITS, type CustomTopicErrorCode, type Topic } from "../../topics/index.ts";
import type { BotContext } from "../context.ts";
import { escapeHtml } from "../../brief/index.ts";
import { findTopic, topicName } from "./lookup.ts";
import type { ChatScope } from "./scope.ts";

/** A reply to show the user (HTML); `error` when the input could not be used (worth asking again). */
export interface Outcome {
  text: string;
  error?: boolean;
}

const done = (text: string): Outcome => ({ text });
const failed = (text: string): Outcome => ({ text, error: true });

const rulesDeps = (ctx: BotContext) => ({ store: ctx.deps.store, log: ctx.log });
const actor = (ctx: BotContext) => ctx.from?.id ?? null;

export async function followTopic(ctx: BotContext, scope: ChatScope, topic: Topic): Promise<Outcome> {
  const name = escapeHtml(topicName(topic, ctx.locale));
  const result = await rules.followTopic(rulesDeps(ctx), scope, topic.slug, actor(ctx));
  if (result.status === "already") return done(ctx.t("subscribe-already", { name }));
  if (result.status === "limit") return done(ctx.t("subscribe-limit", { max: result.max }));
  return done(ctx.t("subscribe-done", { name }));
}

export async function unfollowTopic(ctx: BotContext, scope: ChatScope, topic: Topic): Promise<Outcome> {
  const name = escapeHtml(topicName(topic, ctx.locale));
  if (!(await rules.unfollowTopic(rulesDeps(ctx), scope, topic.slug, actor(ctx)))) return done(ctx.t("unsubscribe-not-following", { what: name }));
  return done(ctx.t("unsubscribe-done", { what: name }));
}

/** `/subscribe <text>`: a topic by name or alias, or else the words as a custom topic. */
export async function subscribeToText(ctx: BotContext, scope: ChatScope, text: string): Promise<Outcome> {
  const topic = findTopic(await ctx.deps.store.topics.listEnabled(), text);
  if (topic) return followTopic(ctx, scope, topic);
  const result = await rules.followWords(rulesDeps(ctx), scope, text, actor(ctx));
  switch (result.status) {
    case "invalid":
      return failed(customTopicErrorText(ctx, result.code));
    case "already":
      return done(ctx.t("subscribe-words-already", { words: escapeHtml(result.query ?? text) }));
    case "limit":
      return done(ctx.t("subscribe-limit", { max: result.max }));
    case "added":
      return done(ctx.t("subscribe-words-done", { words: escapeHtml(result.query ?? text) }));
  }
}

/** `/unsubscribe <text>`: a followed topic by name or alias (offered or not), or custom words. */
export async function unsubscribeFromText(ctx: BotContext, scope: ChatScope, text: string): Promise<Outcome> {
  const all = (await ctx.deps.store.topics.listAll()).map((stored) => stored.topic);
  const topic = findTopic(all, text);
  if (topic) return unfollowTopic(ctx, scope, topic);
  const removed = await rules.unfollowWords(rulesDeps(ctx), scope, text, actor(ctx));
  if (removed === undefined) return done(ctx.t("unsubscribe-not-following", { what: escapeHtml(text.trim()) }));
  return done(ctx.t("unsubscribe-done", { what: escapeHtml(removed) }));
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

/** A button's "remove": the subscription it names, if the scope has it. */
export function unfollowById(ctx: BotContext, scope: ChatScope, id: number) {
  return rules.unfollowById(rulesDeps(ctx), scope, id, actor(ctx));
}

export async function audit(ctx: BotContext, scope: ChatScope, action: string, details: Record<string, unknown>): Promise<void> {
  await rules.audit(rulesDeps(ctx), scope, actor(ctx), action, details);
}
