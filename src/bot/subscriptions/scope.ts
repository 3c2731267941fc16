/**
 * Which chat (and forum topic) a command or button acts on. Usually the chat it was sent in,
 * in the forum topic it was sent from; a channel is managed from its admin's private chat, so
 * its buttons name it ("remote") and every press checks again that the user may manage it.
 */
import type { Message } from "grammy/types";
import type { ChatRecord, SubscriptionScope } from "../../store/index.ts";
import type { BotContext } from "../context.ts";
import { canManageChat } from "../permissions.ts";

export interface ChatScope extends SubscriptionScope {
  chat: ChatRecord;
  /** Managed from another chat (a channel from a private chat): its id travels in the buttons. */
  remote: boolean;
}

/** The forum topic a message belongs to; 0 outside forum topics (and in a forum's General topic). */
export function threadOf(message: Pick<Message, "is_topic_message" | "message_thread_id"> | undefined): number {
  return message?.is_topic_message === true && message.message_thread_id !== undefined ? message.message_thread_id : 0;
}

/** The chat and forum topic the update came from. */
export function localScope(ctx: BotContext): ChatScope | undefined {
  const chat = ctx.chatRecord;
  // A channel is managed from its admin's private chat: commands posted in it get no menus there.
  if (chat === undefined || chat.status === "migrated" || chat.type === "channel") return undefined;
  return { chat, chatId: chat.id, threadId: threadOf(ctx.msg), remote: false };
}

/** A channel managed from a private chat; undefined when the id names no channel the bot knows. */
export async function remoteScope(ctx: BotContext, chatId: number): Promise<ChatScope | undefined> {
  if (ctx.chat?.type !== "private") return undefined;
  const chat = await ctx.deps.store.chats.get(chatId);
  if (chat === undefined || chat.type !== "channel" || chat.status !== "active") return undefined;
  return { chat, chatId: chat.id, threadId: 0, remote: true };
}

/** The scope a button names: its remote chat, or else the chat and topic of the button's message. */
export function scopeFor(ctx: BotContext, remoteChatId: number | undefined): Promise<ChatScope | undefined> {
  return remoteChatId === undefined ? Promise.resolve(localScope(ctx)) : remoteScope(ctx, remoteChatId);
}

/** The scope's part of callback data: empty for "here", the chat id for a remote chat. */
export function scopeRef(scope: ChatScope): number | undefined {
  return scope.remote ? scope.chatId : undefined;
}

export function mayManage(ctx: BotContext, scope: ChatScope): Promise<boolean> {
  return canManageChat(ctx, scope.chatId);
}

/** Where a scope is, for texts that say so: a channel (with its title), a forum topic, or this chat. */
export function placeOf(scope: ChatScope): { where: "channel" | "thread" | "chat"; title: string } {
  if (scope.remote) return { where: "channel", title: scope.chat.title ?? (scope.chat.username ? `@${scope.chat.username}` : String(scope.chatId)) };
  return { where: scope.threadId !== 0 ? "thread" : "chat", title: scope.chat.title ?? "" };
}
