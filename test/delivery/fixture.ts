/** A sender (or two) over a real database and a fake Bot API that answers as the test says. */
import { join } from "node:path";
import { Api } from "grammy";
import type { ApiResponse } from "grammy/types";
import { Pacer, type PaceLimits } from "../../src/delivery/pacer.ts";
import { Sender } from "../../src/delivery/sender.ts";
import { createI18n, translatorFor } from "../../src/i18n/index.ts";
import { openSqliteStore, type Store } from "../../src/store/index.ts";
import { silentLogger, tempDir } from "../store/helpers.ts";
import { ManualClock } from "./manual-clock.ts";
import { storeStory } from "./stories.ts";

export interface SentCall {
  method: string;
  payload: Record<string, unknown>;
  by: string;
  /** The clock's time of the call (ms). */
  at: number;
}

/** The first line of what was sent, without tags. */
export const headline = (call: SentCall): string => String(call.payload["text"] ?? call.payload["caption"] ?? "").split("\n")[0]!.replace(/<[^>]+>/g, "");

/** What the fake Telegram answers: a result (ok) or an error. */
export type Answer = { ok: true } | { ok: false; error_code: number; description: string; parameters?: { retry_after?: number; migrate_to_chat_id?: number } };

export const LIMITS: PaceLimits = { globalPerSecond: 30, chatPerSecond: 1, groupPerMinute: 20 };

const i18n = createI18n({ defaultLocale: "en" });

export async function senderWorld(start = "2026-11-29T12:00:00Z") {
  const clock = new ManualClock(start);
  const path = join(tempDir("newsbrief-sender-"), "db.sqlite");
  const store = await openSqliteStore({ path, logger: silentLogger, now: clock.now });
  const calls: SentCall[] = [];
  let answer: (call: SentCall) => Answer = () => ({ ok: true });
  let messageId = 1;

  const fakeApi = (by: string) => {
    const api = new Api("1:fake", { apiRoot: "http://127.0.0.1:9" });
    api.config.use(async (_prev, method, payload) => {
      const call = { method, payload: payload as Record<string, unknown>, by, at: clock.now().getTime() };
      calls.push(call);
      const result = answer(call);
      const response = result.ok ? { ok: true, result: { message_id: messageId++, date: 0, chat: { id: Number(call.payload["chat_id"]), type: "private" } } } : result;
      return response as unknown as ApiResponse<never>;
    });
    return api;
  };

  const senders: Sender[] = [];
  const makeSender = (by = "one", limits: PaceLimits = LIMITS, sharedStore: Store = store, options: { pollMs?: number } = {}) => {
    const sender = new Sender({
      store: sharedStore,
      log: silentLogger,
      now: clock.now,
      timers: clock,
      api: fakeApi(by),
      pacer: new Pacer(limits, () => clock.now().getTime()),
      translate: (locale) => translatorFor(i18n, locale),
      defaultLocale: "en",
      holder: by,
      concurrency: 4,
      paidBroadcast: false,
      leaseTtlMs: 10_000,
      ...options,
    });
    senders.push(sender);
    return sender;
  };

  /** Chats with a brief each of one new story, planned to go now. */
  const plan = async (chatIds: number[], options: { priority?: number; kind?: "brief" | "digest"; type?: "private" | "group" | "channel"; title?: string } = {}) => {
    for (const id of chatIds) await store.chats.touch({ id, type: options.type ?? "private" }, "en");
    const story = await storeStory(store, { title: options.title ?? "A story on China", topics: ["china"] });
    await store.outbox.plan(
      story.id,
      chatIds.map((chatId) => ({ chatId, threadId: 0, kind: options.kind ?? "brief", notBefore: clock.now(), priority: options.priority ?? 0, payload: {} })),
      clock.now(),
    );
    return story;
  };

  return {
    clock,
    store,
    path,
    calls,
    makeSender,
    plan,
    answerWith(fn: (call: SentCall) => Answer) {
      answer = fn;
    },
    /** Moves the clock and lets every sender finish what came due. */
    async at(ms: number) {
      clock.advance(ms);
      for (const sender of senders) await sender.settled();
    },
    sentTo: (chatId: number) => calls.filter((c) => Number(c.payload["chat_id"]) === chatId),
    async close() {
      for (const sender of senders) await sender.stop();
      await store.close();
    },
  };
}
