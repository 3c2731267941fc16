/** Small readers for what the emulator's users see: buttons, and the newest bot message. */
import type { Chat, Message, User } from "grammy/types";
import { expect } from "vitest";
import type { TelegramEmulator } from "../emulator/index.ts";
import type { RunningTestBot, TestBotWorld } from "./harness.ts";

export interface SeenButton {
  text: string;
  data: string | undefined;
}

export const buttonsOf = (message: Message): SeenButton[] =>
  message.reply_markup?.inline_keyboard.flat().map((b) => ({ text: b.text, data: "callback_data" in b ? b.callback_data : undefined })) ?? [];

/** The callback data of the button with this exact label; throws with the labels there are. */
export function dataOf(message: Message, text: string): string {
  const buttons = buttonsOf(message);
  const found = buttons.find((b) => b.text === text);
  if (found?.data === undefined) throw new Error(`no button "${text}"; there are ${JSON.stringify(buttons.map((b) => b.text))}`);
  return found.data;
}

/** What a chat (or forum topic) follows: topic slugs, and `words:<key>` for custom topics. */
export async function followedBy(bot: RunningTestBot, chatId: number, threadId?: number): Promise<string[]> {
  const subscriptions = await bot.app.store.subscriptions.listForChat(chatId, threadId);
  return subscriptions.map((s) => (s.kind === "topic" ? s.target : `words:${s.target}`));
}

/** Waits until the chat's stored session (not only the one in memory) holds what is expected. */
export function sessionSaved(bot: RunningTestBot, chatId: number, expected: Record<string, unknown>): Promise<void> {
  return expect.poll(() => bot.app.store.state.read("session", String(chatId))).toMatchObject(expected);
}

/** Private chats the bot knows (as it would have recorded them), each following `topic`. */
export async function followers(world: TestBotWorld, count: number, topic: string): Promise<Chat[]> {
  const chats: Chat[] = [];
  for (let i = 0; i < count; i++) {
    const chat = world.tg.privateChat(world.tg.createUser({ languageCode: "en" }));
    await world.bot.app.store.chats.touch({ id: chat.id, type: "private" }, "en");
    await world.bot.app.store.subscriptions.add({ chatId: chat.id, threadId: 0 }, { kind: "topic", slug: topic });
    chats.push(chat);
  }
  return chats;
}

export interface Actor {
  tg: TelegramEmulator;
  chat: Chat;
  /** Who acts in a group, and in which forum topic. */
  from?: User;
  threadId?: number;
}

function opts(actor: Actor) {
  return { ...(actor.from ? { from: actor.from } : {}), ...(actor.threadId !== undefined ? { messageThreadId: actor.threadId } : {}) };
}

/** Sends a command and waits for the bot's message that satisfies `until`. */
export async function say(actor: Actor, text: string, until: (m: Message) => boolean): Promise<Message> {
  actor.tg.userSends(actor.chat, text, opts(actor));
  return actor.tg.waitForBotMessage(actor.chat.id, until);
}

/** Presses a button of a menu and waits for the menu as redrawn. */
export async function press(actor: Actor, view: Message, label: string, until: (m: Message) => boolean = () => true): Promise<Message> {
  actor.tg.userClicks(actor.chat, view.message_id, dataOf(view, label), actor.from ? { from: actor.from } : {});
  return actor.tg.waitForBotEdit(actor.chat.id, until);
}
