/** Admins' broadcasts: who receives one and when, the status message, stopping. */
import { Api } from "grammy";
import type { ApiResponse } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BroadcastService, formatDuration } from "../../src/delivery/broadcast.ts";
import { createI18n, translatorFor } from "../../src/i18n/index.ts";
import { openSqliteStore, type ChatSettings, type Store } from "../../src/store/index.ts";
import type { Brief } from "../../src/brief/types.ts";
import { silentLogger } from "../store/helpers.ts";
import { ManualClock } from "./manual-clock.ts";

const i18n = createI18n({ defaultLocale: "en" });
const brief: Brief = { title: "Dam breached", sentences: ["A dam was breached."], url: "", source: "", tags: [], status: "ok" };
const ADMIN = 77;

let store: Store;
let clock: ManualClock;
let calls: Array<{ method: string; payload: Record<string, unknown> }>;
let service: BroadcastService;
let stopped: number[];

beforeEach(async () => {
  clock = new ManualClock("2026-11-29T12:00:00Z");
  store = await openSqliteStore({ path: ":memory:", logger: silentLogger, now: clock.now });
  calls = [];
  stopped = [];
  const api = new Api("1:fake", { apiRoot: "http://127.0.0.1:9" });
  api.config.use(async (_prev, method, payload) => {
    calls.push({ method, payload: payload as Record<string, unknown> });
    return { ok: true, result: { message_id: 900, date: 0, chat: { id: ADMIN, type: "private" } } } as unknown as ApiResponse<never>;
  });
  service = new BroadcastService({
    store,
    api,
    log: silentLogger,
    now: clock.now,
    timers: clock,
    translate: (locale) => translatorFor(i18n, locale),
    onStopped: (id) => stopped.push(id),
    onPlanned: () => undefined,
  });
  await store.chats.touch({ id: ADMIN, type: "private" }, "en");
});
afterEach(async () => {
  await service.stop();
  await store.close();
});

async function chat(id: number, settings: Partial<ChatSettings>): Promise<void> {
  await store.chats.touch({ id, type: "private" }, "en");
  await store.chats.updateSettings(id, { timeZone: "UTC", ...settings });
  await store.subscriptions.add({ chatId: id, threadId: 0 }, { kind: "topic", slug: "china" });
}

const times = async (urgent: boolean) =>
  Object.fromEntries((await service.recipients({ kind: "topics", slugs: ["china"] }, ADMIN, urgent)).map((d) => [d.chatId, d.notBefore.toISOString().slice(11, 16)]));

describe("who receives a broadcast, and when", () => {
  beforeEach(async () => {
    await chat(1, { delivery: "instant" });
    await chat(2, { delivery: "digest", digest: { every: "daily", at: "18:00" } });
    await chat(3, { quietHours: { from: "11:00", to: "14:00" }, breakingThroughQuiet: false });
    await chat(4, { quietHours: { from: "11:00", to: "14:00" }, breakingThroughQuiet: true });
  });

  it("urgent: at once, through digests, and through quiet hours only where the chat lets breaking news through", async () => {
    expect(await times(true)).toEqual({ 1: "12:00", 2: "12:00", 3: "14:00", 4: "12:00" });
  });

  it("not urgent: digest chats at their digest, quiet hours kept everywhere", async () => {
    expect(await times(false)).toEqual({ 1: "12:00", 2: "18:00", 3: "14:00", 4: "14:00" });
  });

  it("leaves out chats that blocked the bot; everyone means every active chat; a test only the admin", async () => {
    await store.chats.setStatus(3, "blocked");
    expect(Object.keys(await times(true))).toEqual(["1", "2", "4"]);
    expect(await service.count({ kind: "all" }, ADMIN)).toBe(4);
    expect(await service.recipients({ kind: "test" }, ADMIN, false)).toMatchObject([{ chatId: ADMIN, threadId: 0, priority: 2 }]);
  });
});

describe("a broadcast's life", () => {
  it("posts one status message, edits it only when the figures change, and stops with the unsent part dropped", async () => {
    for (const id of [1, 2, 3]) await chat(id, {});
    service.start();
    const { broadcast, total } = await service.launch({ adminId: ADMIN, adminChatId: ADMIN, brief, audience: { kind: "topics", slugs: ["china"] }, urgent: true, locale: "en" });
    expect(total).toBe(3);
    expect(calls.map((c) => c.method)).toEqual(["sendMessage"]);
    expect(calls[0]!.payload["text"]).toBe(`📣 Broadcast #${broadcast.id}\nSent: 0 · failed: 0 · blocked: 0\nRemaining: 3 · about — left`);

    // The same figures three seconds on: no edit ("message is not modified" never happens).
    await clock.advance(3000);
    await service.settled();
    expect(calls.map((c) => c.method)).toEqual(["sendMessage"]);

    // One sent: the next look edits the status with the estimate.
    const [row] = await store.outbox.claim("s", clock.now(), new Date(clock.now().getTime() + 60_000), 1);
    await store.outbox.markSent([{ id: row!.id, messageId: 5, sentAt: clock.now(), latencyMs: null }]);
    await clock.advance(3000);
    await service.settled();
    expect(calls.at(-1)).toMatchObject({ method: "editMessageText", payload: { text: `📣 Broadcast #${broadcast.id}\nSent: 1 · failed: 0 · blocked: 0\nRemaining: 2 · about 12 s left` } });

    const [stop] = await service.stopBroadcasts(ADMIN);
    expect(stop).toMatchObject({ id: broadcast.id, progress: { sent: 1, remaining: 0, blocked: 0 } });
    expect(stopped).toEqual([broadcast.id]);
    expect(calls.at(-1)!.payload["text"]).toBe(`⏹ Broadcast #${broadcast.id} stopped.\nSent: 1 · failed: 0 · blocked: 0 · not sent: 2`);
    expect(await store.outbox.figures({ broadcastId: broadcast.id })).toMatchObject({ sent: 1, pending: 0 });
    expect((await store.broadcasts.get(broadcast.id))?.status).toBe("stopped");
    expect(await service.stopBroadcasts(ADMIN)).toEqual([]);
  });

  it("finishes with the final figures once nothing is left", async () => {
    await chat(1, {});
    service.start();
    const { broadcast } = await service.launch({ adminId: ADMIN, adminChatId: ADMIN, brief, audience: { kind: "all" }, urgent: false, locale: "en" });
    const rows = await store.outbox.claim("s", clock.now(), new Date(clock.now().getTime() + 60_000), 10);
    await store.outbox.markSent(rows.map((r) => ({ id: r.id, messageId: 5, sentAt: clock.now(), latencyMs: null })));
    await clock.advance(3000);
    await service.settled();
    expect(calls.at(-1)!.payload["text"]).toBe(`✅ Broadcast #${broadcast.id} finished.\nSent: 2 · failed: 0 · blocked: 0`);
    expect((await store.broadcasts.get(broadcast.id))?.status).toBe("done");
  });
});

it("formats the time left", () => {
  expect([formatDuration(12), formatDuration(185), formatDuration(3720)]).toEqual(["12 s", "3 min 5 s", "1 h 2 min"]);
});
