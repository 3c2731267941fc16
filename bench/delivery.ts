/**
 * `npm run bench:delivery`: delivery against the emulator in a child process, the bot (the real
 * startApp) in another, the story stored by this process as `newsbrief ingest` would.
 *
 *   (a) 100,000 subscribed chats, no limits: messages per second and the bot's CPU per message;
 *   (b) 20,000 chats, 1,000 messages/s overall and 1/s per chat enforced, 1% random 429s: share
 *       of the limit used, lost and repeated messages. The share counts the time when Telegram
 *       allowed some message still to come; the moments when every chat left was under a 429's
 *       retry_after (the last retries, after the rest is sent) no sender could use, and the
 *       first-to-last figure that includes them is printed beside it;
 *   (c) (b) again, the bot killed with SIGKILL three times and restarted: lost and repeated.
 *
 * The last line: `delivery: utilization <x>% lost <n> duplicates <m> kill-lost <n> kill-duplicates <m>`.
 * BENCH_CHATS_A / BENCH_CHATS_B scale the runs down for a quick look.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { pino } from "pino";
import { DEFAULT_CHAT_SETTINGS, openSqliteStore, type DatabaseSettings } from "../src/store/index.ts";
import { startEmulatorProcess } from "../test/emulator/child-client.ts";
import type { EmulatorOptions } from "../test/emulator/options.ts";
import { startBot, storeStory, tally, until } from "./delivery/harness.ts";

const CHATS_A = Number(process.env["BENCH_CHATS_A"] ?? 100_000);
const CHATS_B = Number(process.env["BENCH_CHATS_B"] ?? 20_000);
const LIMIT = 1000;
const CONCURRENCY = 64;
const KILLS = 3;
const FIRST_ID = 1_000_001;

const log = (line: string) => process.stdout.write(`${line}\n`);

async function seed(dir: string, chats: number): Promise<string> {
  const path = join(dir, "bench.db");
  await (await openSqliteStore({ path, logger: pino({ level: "silent" }) })).close();
  const db = new SQLite(path);
  const at = new Date().toISOString();
  const settings = JSON.stringify(DEFAULT_CHAT_SETTINGS);
  const chat = db.prepare("INSERT INTO chats (id, type, locale, settings, status, created_at, updated_at) VALUES (?, 'private', 'en', ?, 'active', ?, ?)");
  const sub = db.prepare("INSERT INTO subscriptions (chat_id, thread_id, kind, target, created_at) VALUES (?, 0, 'topic', 'china', ?)");
  db.transaction(() => {
    for (let i = 0; i < chats; i++) {
      chat.run(FIRST_ID + i, settings, at, at);
      sub.run(FIRST_ID + i, at);
    }
  })();
  db.close();
  return path;
}

const onFile = (path: string): DatabaseSettings => ({ databaseUrl: null, databasePath: path, databasePoolMax: 1 });

function unsent(path: string): number {
  const db = new SQLite(path, { readonly: true });
  try {
    const planned = db.prepare("SELECT count(*) AS n FROM articles WHERE planned_at IS NULL").get() as { n: number };
    const waiting = db.prepare("SELECT count(*) AS n FROM outbox WHERE status IN ('pending', 'sending')").get() as { n: number };
    return planned.n > 0 ? Infinity : waiting.n;
  } finally {
    db.close();
  }
}

const LIMITED: EmulatorOptions = {
  flood: { globalPerSecond: LIMIT, privatePerSecond: 1, privateBurst: 1 },
  random429: { probability: 0.01, retryAfter: 1, seed: 42 },
  keepHistory: false,
};
const LIMITED_BOT = { SEND_GLOBAL_PER_SECOND: String(LIMIT), SEND_PAID_BROADCAST: "true", SEND_CONCURRENCY: String(CONCURRENCY) };

async function runUnlimited(dir: string) {
  const emulator = await startEmulatorProcess({ flood: false, keepHistory: false });
  try {
    await emulator.createUsers(CHATS_A, FIRST_ID);
    const path = await seed(join(dir, "a"), CHATS_A);
    const bot = await startBot(emulator, { DATABASE_PATH: path, SEND_GLOBAL_PER_SECOND: "100000", SEND_CONCURRENCY: String(CONCURRENCY) });
    const cpuBefore = await bot.cpuMs();
    const started = Date.now();
    await storeStory(onFile(path));
    await until("(a) to finish", () => unsent(path) === 0, 600_000);
    const seconds = (Date.now() - started) / 1000;
    const cpu = (await bot.cpuMs()) - cpuBefore;
    await bot.stop();
    const stats = await emulator.stats();
    const { lost, duplicates } = await tally(emulator, FIRST_ID, CHATS_A);
    log(`(a) ${CHATS_A} chats, emulator without limits: ${stats.messagesPerSecond} messages/s while sending, ${(cpu / stats.messagesSent).toFixed(3)} ms of the bot's CPU per message (planning included), ${seconds.toFixed(1)} s from storing to the last message; lost ${lost}, duplicates ${duplicates}`);
  } finally {
    await emulator.close();
  }
}

async function runLimited(dir: string, kills: number) {
  const emulator = await startEmulatorProcess(LIMITED);
  try {
    await emulator.createUsers(CHATS_B, FIRST_ID);
    const path = await seed(dir, CHATS_B);
    let bot = await startBot(emulator, { DATABASE_PATH: path, ...LIMITED_BOT });
    await storeStory(onFile(path));
    for (let k = 1; k <= kills; k++) {
      const at = Math.floor((CHATS_B * k) / (kills + 1));
      await until(`${at} messages before kill ${k}`, async () => (await emulator.stats()).messagesSent >= at, 300_000);
      await bot.kill();
      bot = await startBot(emulator, { DATABASE_PATH: path, ...LIMITED_BOT });
    }
    await until("the delivery to finish", () => unsent(path) === 0, 600_000);
    await bot.stop();
    const stats = await emulator.stats();
    const { lost, duplicates } = await tally(emulator, FIRST_ID, CHATS_B);
    return { stats, lost, duplicates, utilization: (stats.messagesPerAllowedSecond / LIMIT) * 100 };
  } finally {
    await emulator.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), "newsbrief-bench-delivery-"));
try {
  await runUnlimited(dir);
  const b = await runLimited(join(dir, "b"), 0);
  const waited = (b.stats.messagesSent / b.stats.messagesPerSecond - b.stats.allowedSeconds).toFixed(1);
  log(`(b) ${CHATS_B} chats, ${LIMIT} messages/s and 1/s per chat enforced, 1% random 429s: ${b.stats.messagesPerAllowedSecond} messages/s while Telegram allowed a send = utilization ${b.utilization.toFixed(1)}%, lost ${b.lost}, duplicates ${b.duplicates} (${b.stats.tooManyRequests} 429s answered; first to last message ${b.stats.messagesPerSecond} messages/s, of which ${waited} s when every chat left was told to wait)`);
  const c = await runLimited(join(dir, "c"), KILLS);
  log(`(c) (b) with the bot SIGKILLed ${KILLS} times and restarted: lost ${c.lost}, duplicates ${c.duplicates} (at most ${CONCURRENCY} in flight per kill, so at most ${KILLS * CONCURRENCY})`);
  log(`delivery: utilization ${b.utilization.toFixed(1)}% lost ${b.lost} duplicates ${b.duplicates} kill-lost ${c.lost} kill-duplicates ${c.duplicates}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
