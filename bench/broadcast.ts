/**
 * `npm run bench:broadcast`: what an admin waits for when a breaking brief goes to a large
 * audience, on SQLite: counting the audience (the confirm step) and creating the broadcast with
 * one outbox row per chat (the Send button), for every chat and for the followers of a topic.
 * Sending itself is `bench:delivery`'s subject (broadcast rows go through the same sender).
 *
 * The last line: `broadcast: chats <n> count-all <ms> count-topic <ms> launch-all <ms> rows <n>`.
 * BENCH_CHATS scales it (default 100,000).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { Api } from "grammy";
import type { ApiResponse } from "grammy/types";
import { pino } from "pino";
import { BroadcastService } from "../src/delivery/broadcast.ts";
import { realTimers } from "../src/timers.ts";
import { createI18n, translatorFor } from "../src/i18n/index.ts";
import { DEFAULT_CHAT_SETTINGS, openSqliteStore } from "../src/store/index.ts";

const CHATS = Number(process.env["BENCH_CHATS"] ?? 100_000);
const FIRST_ID = 1_000_001;
const ADMIN = 42;
const log = (line: string) => process.stdout.write(`${line}\n`);

const dir = mkdtempSync(join(tmpdir(), "newsbrief-bench-broadcast-"));
try {
  const path = join(dir, "bench.db");
  const logger = pino({ level: "silent" });
  await (await openSqliteStore({ path, logger })).close();
  const db = new SQLite(path);
  const at = new Date().toISOString();
  // A quarter of the chats take digests and keep quiet hours: the timing rules run for each.
  const digest = JSON.stringify({ ...DEFAULT_CHAT_SETTINGS, delivery: "digest", quietHours: { from: "23:00", to: "07:00" }, breakingThroughQuiet: false });
  const instant = JSON.stringify(DEFAULT_CHAT_SETTINGS);
  const chat = db.prepare("INSERT INTO chats (id, type, locale, settings, status, created_at, updated_at) VALUES (?, 'private', 'en', ?, 'active', ?, ?)");
  const sub = db.prepare("INSERT INTO subscriptions (chat_id, thread_id, kind, target, created_at) VALUES (?, 0, 'topic', ?, ?)");
  db.transaction(() => {
    for (let i = 0; i < CHATS; i++) {
      chat.run(FIRST_ID + i, i % 4 === 0 ? digest : instant, at, at);
      sub.run(FIRST_ID + i, i % 2 === 0 ? "china" : "sport", at);
    }
  })();
  db.close();

  const store = await openSqliteStore({ path, logger });
  await store.chats.touch({ id: ADMIN, type: "private" }, "en");
  const api = new Api("1:bench", { apiRoot: "http://127.0.0.1:9" });
  api.config.use(async () => ({ ok: true, result: { message_id: 1, date: 0, chat: { id: ADMIN, type: "private" } } }) as unknown as ApiResponse<never>);
  const i18n = createI18n({ defaultLocale: "en" });
  const service = new BroadcastService({
    store,
    api,
    log: logger,
    now: () => new Date(),
    timers: realTimers,
    translate: (locale) => translatorFor(i18n, locale),
    onStopped: () => undefined,
    onPlanned: () => undefined,
  });
  const time = async <T>(task: () => Promise<T>): Promise<[T, number]> => {
    const started = performance.now();
    const result = await task();
    return [result, Math.round(performance.now() - started)];
  };
  const [all, countAll] = await time(() => service.count({ kind: "all" }, ADMIN));
  log(`count everyone: ${all} chats in ${countAll} ms`);
  const [topic, countTopic] = await time(() => service.count({ kind: "topics", slugs: ["china"] }, ADMIN));
  log(`count one topic: ${topic} chats in ${countTopic} ms`);
  const brief = { title: "Dam breached", sentences: ["A dam was breached."], url: "", source: "", tags: [], status: "ok" as const };
  const [launched, launchAll] = await time(() => service.launch({ adminId: ADMIN, adminChatId: ADMIN, brief, audience: { kind: "all" }, urgent: true, locale: "en" }));
  const rows = (await store.outbox.figures({ broadcastId: launched.broadcast.id })).planned;
  log(`launch to everyone: ${rows} outbox rows in ${launchAll} ms`);
  await store.close();
  log(`broadcast: chats ${CHATS} count-all ${countAll} count-topic ${countTopic} launch-all ${launchAll} rows ${rows}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
