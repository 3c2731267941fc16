/**
 * What following and unfollowing means, for every way in (commands, buttons, deep links, the
 * channel menu, and later an admin tool or an API): a chat follows a thing once, at most
 * MAX_SUBSCRIPTIONS_PER_CHAT things per chat or forum topic, and every change is audited.
 * No grammY here: the bot turns the results into replies; delivery reads the same store.
 */
import type { Logger } from "../logger.ts";
import type { Store, Subscription, SubscriptionScope } from "../store/index.ts";
import { parseCustomTopic, type CustomTopicErrorCode } from "../topics/custom.ts";

/** Enough for any reader; a cap keeps one chat from making matching slow for everyone. */
export const MAX_SUBSCRIPTIONS_PER_CHAT = 50;

export interface RulesDeps {
  store: Pick<Store, "subscriptions" | "audit">;
  log: Logger;
}

/** Who made the change (a Telegram user id, or null for the system). */
export type Actor = number | null;

export type FollowResult =
  | { status: "added"; query?: string }
  | { status: "already"; query?: string }
  | { status: "limit"; max: number }
  | { status: "invalid"; code: CustomTopicErrorCode };

export async function followTopic(deps: RulesDeps, scope: SubscriptionScope, slug: string, actor: Actor): Promise<FollowResult> {
  const { subscriptions } = deps.store;
  const existing = await subscriptions.listForChat(scope.chatId, scope.threadId);
  if (existing.some((s) => s.kind === "topic" && s.target === slug)) return { status: "already" };
  if (existing.length >= MAX_SUBSCRIPTIONS_PER_CHAT) return { status: "limit", max: MAX_SUBSCRIPTIONS_PER_CHAT };
  await subscriptions.add(scope, { kind: "topic", slug }, actor);
  await audit(deps, scope, actor, "subscription.add", { kind: "topic", target: slug });
  return { status: "added" };
}

/** Follows the words of a custom topic; the same words typed differently are the same topic. */
export async function followWords(deps: RulesDeps, scope: SubscriptionScope, text: string, actor: Actor): Promise<FollowResult> {
  const parsed = parseCustomTopic(text);
  if (!parsed.ok) return { status: "invalid", code: parsed.error.code };
  const { key } = parsed.topic;
  const { subscriptions } = deps.store;
  const existing = await subscriptions.listForChat(scope.chatId, scope.threadId);
  const same = existing.find((s) => s.kind === "keywords" && s.target === key);
  // Words are shown as the chat first typed them; the canonical key only decides what is the same.
  if (same) return { status: "already", query: same.query ?? key };
  if (existing.length >= MAX_SUBSCRIPTIONS_PER_CHAT) return { status: "limit", max: MAX_SUBSCRIPTIONS_PER_CHAT };
  const query = text.trim().replace(/\s+/g, " ");
  await subscriptions.add(scope, { kind: "keywords", key, query }, actor);
  await audit(deps, scope, actor, "subscription.add", { kind: "keywords", target: key });
  return { status: "added", query };
}

/** True when the chat followed the topic and no longer does. */
export async function unfollowTopic(deps: RulesDeps, scope: SubscriptionScope, slug: string, actor: Actor): Promise<boolean> {
  if (!(await deps.store.subscriptions.remove(scope, "topic", slug))) return false;
  await audit(deps, scope, actor, "subscription.remove", { kind: "topic", target: slug });
  return true;
}

/** Unfollows custom words; the words as the chat typed them when it followed them, or undefined when it did not. */
export async function unfollowWords(deps: RulesDeps, scope: SubscriptionScope, text: string, actor: Actor): Promise<string | undefined> {
  const parsed = parseCustomTopic(text);
  const key = parsed.ok ? parsed.topic.key : text.trim();
  const { subscriptions } = deps.store;
  const existing = (await subscriptions.listForChat(scope.chatId, scope.threadId)).find((s) => s.kind === "keywords" && s.target === key);
  if (existing === undefined || !(await subscriptions.remove(scope, "keywords", key))) return undefined;
  await audit(deps, scope, actor, "subscription.remove", { kind: "keywords", target: key });
  return existing.query ?? key;
}

/** Unfollows by subscription id, only within the scope (ids come from buttons, which anyone can forge). */
export async function unfollowById(deps: RulesDeps, scope: SubscriptionScope, id: number, actor: Actor): Promise<Subscription | undefined> {
  const removed = await deps.store.subscriptions.removeById(scope, id);
  if (removed !== undefined) await audit(deps, scope, actor, "subscription.remove", { kind: removed.kind, target: removed.target });
  return removed;
}

/** One audit entry and one log line per change to what a chat receives. */
export async function audit(deps: RulesDeps, scope: SubscriptionScope, actor: Actor, action: string, details: Record<string, unknown>): Promise<void> {
  await deps.store.audit.record({ actorId: actor, chatId: scope.chatId, action, details: { threadId: scope.threadId, ...details } });
  deps.log.info({ action, targetChat: scope.chatId, threadId: scope.threadId, ...details }, "chat changed");
}
