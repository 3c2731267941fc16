/**
 * `npm run bench:scale`: one story delivered to N subscribed chats (default 30,000;
 * BENCH_SCALE_CHATS scales it down) by one and then by three bot instances: real processes on one
 * PostgreSQL database, in webhook mode behind a round-robin balancer, sending to the emulator in
 * a child process with its limits raised (100,000 messages/s overall, 1/s per chat as Telegram).
 * Each run gets a database of its own on the server, so pg_stat_database counts that run alone.
 *
 * Per run: deliveries per second (emulator: first to last message), chats that got nothing or
 * more than one message, and what the database did from storing the story until the last
 * confirmation was written (transactions, rows read and written, most connections, CPU of its
 * backends); the same for ten idle seconds before; then updates per second when
 * BENCH_SCALE_UPDATES updates (default 2,000) are posted 40 at a time through the balancer.
 *
 * What the figures mean: one instance at a time sends (the "sender" lease), so three instances do
 * not deliver faster than one; the others plan, handle updates and poll, and take the lease over
 * when the sender dies. The comparison shows what the extra instances cost the database and that
 * nothing is lost or sent twice; updates per second is what spreading updates over instances buys.
 *
 * BENCH_DATABASE_URL (else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test) names
 * the server and the database to create the run's databases from.
 */
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import pg from "pg";
import { pino } from "pino";
import { DEFAULT_CHAT_SETTINGS, openStore, type DatabaseSettings } from "../src/store/index.ts";
import { startEmulatorProcess, type EmulatorProcess } from "../test/emulator/child-client.ts";
import { startBot, storeStory, tally, until, type BotProcess } from "./delivery/harness.ts";
import { freePort, startBalancer, type Balancer } from "./scale/balancer.ts";
import { DatabaseLoadWatcher, type Load } from "./scale/database-load.ts";
import { postUpdates, type UpdateRun } from "./scale/updates.ts";

const SERVER_URL = process.env["BENCH_DATABASE_URL"] ?? process.env["TEST_DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";
const CHATS = Number(process.env["BENCH_SCALE_CHATS"] ?? 30_000);
const UPDATES = Math.min(CHATS, Number(process.env["BENCH_SCALE_UPDATES"] ?? 2000));
const RUNS = [1, 3];
const FIRST_ID = 1_000_001;
const LIMIT = 100_000;
const SECRET = "bench-scale-secret";
/** Telegram's default max_connections for a webhook. */
const UPDATE_CONCURRENCY = 40;
const IDLE_MS = 10_000;
/**
 * PostgreSQL 15 flushes a backend's counters to pg_stat_database when it goes idle, but at most
 * once a second, and otherwise 10 s later (PGSTAT_IDLE_INTERVAL); a backend that ends flushes at
 * once. Windows therefore end by stopping the instances, and begin this long after they started.
 * What an idle backend had not flushed when a window began (at most 10 s of idle load: see the
 * idle line) is counted in it.
 */
const STATS_LAG_MS = 11_000;
/** No new message for this long and the delivery is taken as over (what is missing then is lost). */
const STALL_MS = 20_000;

const log = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const BOT_ENV = {
  SEND_GLOBAL_PER_SECOND: String(LIMIT),
  SEND_PAID_BROADCAST: "true",
  SEND_CONCURRENCY: "64",
  // Production's lease, not the kill bench's short one: its renewals are part of the idle load.
  SEND_LEASE_SECONDS: "10",
  BOT_MODE: "webhook",
  WEBHOOK_SECRET: SECRET,
};

interface RunDatabase {
  name: string;
  settings: DatabaseSettings;
}

/** A database of its own for the run, migrated as the app would, with CHATS chats following "china". */
async function createDatabase(admin: pg.Client): Promise<RunDatabase> {
  const name = `nb_scale_${randomBytes(5).toString("hex")}`;
  await admin.query(`create database ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const settings: DatabaseSettings = { databaseUrl: url.toString(), databasePath: "unused.db", databasePoolMax: 4 };
  await (await openStore(settings, { logger: pino({ level: "silent" }) })).close();
  const client = new pg.Client({ connectionString: settings.databaseUrl ?? "" });
  await client.connect();
  try {
    const at = new Date().toISOString();
    const last = FIRST_ID + CHATS - 1;
    await client.query(
      `insert into chats (id, type, locale, settings, status, created_at, updated_at)
       select id, 'private', 'en', $1, 'active', $2, $2 from generate_series($3::bigint, $4::bigint) as id`,
      [JSON.stringify(DEFAULT_CHAT_SETTINGS), at, FIRST_ID, last],
    );
    await client.query(
      `insert into subscriptions (chat_id, thread_id, kind, target, created_at)
       select id, 0, 'topic', 'china', $1 from generate_series($2::bigint, $3::bigint) as id`,
      [at, FIRST_ID, last],
    );
    await client.query("analyze");
  } finally {
    await client.end();
  }
  return { name, settings };
}

/** Every planned row sent and confirmed (asked only after the emulator has every message: it reads the database). */
async function outboxSettled(database: RunDatabase): Promise<boolean> {
  const client = new pg.Client({ connectionString: database.settings.databaseUrl ?? "" });
  await client.connect();
  try {
    const { rows } = await client.query<{ busy: boolean }>(
      `select exists (select 1 from outbox where status in ('pending', 'sending'))
           or exists (select 1 from articles where planned_at is null) as busy`,
    );
    return rows[0]?.busy === false;
  } finally {
    await client.end();
  }
}

/** Waits until every chat has a message, or until messages stop coming. */
async function deliveryEnds(emulator: EmulatorProcess): Promise<void> {
  let sent = -1;
  let changedAt = Date.now();
  await until(
    "the delivery",
    async () => {
      const now = (await emulator.stats()).messagesSent;
      if (now !== sent) [sent, changedAt] = [now, Date.now()];
      return now >= CHATS || Date.now() - changedAt > STALL_MS;
    },
    30 * 60_000,
    100,
  );
}

interface RunResult {
  instances: number;
  perSecond: number;
  deliverySeconds: number;
  lost: number;
  duplicates: number;
  load: Load;
  idle: Load;
  updates: UpdateRun;
  updateLoad: Load;
  replies: number;
}

async function run(admin: pg.Client, instances: number): Promise<RunResult> {
  const database = await createDatabase(admin);
  const emulator = await startEmulatorProcess({ flood: { globalPerSecond: LIMIT }, keepHistory: false });
  const watcher = await DatabaseLoadWatcher.start(SERVER_URL, database.name);
  let bots: BotProcess[] = [];
  let balancer: Balancer | undefined;
  /** The instances, one after another (the first takes the sender lease), and a flush's wait for their start-up's counters. */
  const startInstances = async (ports: readonly number[], webhook: string) => {
    for (const port of ports) {
      bots.push(await startBot(emulator, { ...BOT_ENV, DATABASE_URL: database.settings.databaseUrl ?? "", WEBHOOK_URL: webhook, PORT: String(port) }));
    }
    await sleep(STATS_LAG_MS);
  };
  /** Stops them: their backends end and flush their counters, so what follows reads every one. */
  const stopInstances = async () => {
    await watcher.sample();
    await Promise.all(bots.map((bot) => bot.stop()));
    bots = [];
    await watcher.disconnected();
  };
  try {
    await emulator.createUsers(CHATS, FIRST_ID);
    const ports = await Promise.all(Array.from({ length: instances }, freePort));
    balancer = await startBalancer(ports);
    const webhook = `http://127.0.0.1:${balancer.port}/telegram`;
    await startInstances(ports, webhook);
    const idleMark = await watcher.mark();
    await sleep(IDLE_MS);
    const idle = await watcher.since(idleMark);

    const mark = await watcher.mark();
    const markedAt = Date.now();
    await storeStory(database.settings);
    await deliveryEnds(emulator);
    await until("the last confirmations", () => outboxSettled(database), 120_000);
    const deliverySeconds = (Date.now() - markedAt) / 1000;
    await stopInstances();
    const load = await watcher.since(mark);
    const stats = await emulator.stats();
    const { lost, duplicates } = await tally(emulator, FIRST_ID, CHATS);

    await startInstances(ports, webhook);
    const updateMark = await watcher.mark();
    const updates = await postUpdates({ url: webhook, secret: SECRET, firstChat: FIRST_ID, count: UPDATES, firstUpdateId: 1, concurrency: UPDATE_CONCURRENCY });
    await stopInstances();
    const updateLoad = await watcher.since(updateMark);
    const replies = (await emulator.stats()).messagesSent - stats.messagesSent;
    return { instances, perSecond: stats.messagesPerSecond, deliverySeconds, lost, duplicates, load, idle, updates, updateLoad, replies };
  } finally {
    await Promise.all(bots.map((bot) => bot.stop()));
    await balancer?.close();
    await watcher.stop();
    await emulator.close();
    await admin.query(`drop database if exists ${database.name} with (force)`);
  }
}

const written = (load: Load) => load.counters.inserted + load.counters.updated + load.counters.deleted;
const read = (load: Load) => load.counters.returned + load.counters.fetched;
const cpu = (seconds: number | null) => (seconds === null ? "n/a (server not on this machine)" : `${seconds.toFixed(1)} s`);
const load1 = () => loadavg().map((value) => value.toFixed(2)).join(" ");

function report(r: RunResult): void {
  const name = `${r.instances} instance${r.instances === 1 ? " " : "s"}`;
  const tx = r.load.counters.transactions;
  log(
    `scale: ${name}  ${CHATS} chats  ${r.perSecond} deliveries/s  lost ${r.lost} duplicates ${r.duplicates}  ` +
      `db: ${tx} transactions (${Math.round(tx / r.deliverySeconds)}/s) ${written(r.load)} rows written ${r.load.peakConnections} connections ${cpu(r.load.backendCpuSeconds)} CPU`,
  );
  const c = r.load.counters;
  log(
    `       ${r.deliverySeconds.toFixed(1)} s from storing the story to the last confirmation; rows inserted ${c.inserted} updated ${c.updated} deleted ${c.deleted}, ` +
      `read ${read(r.load)} (scanned ${c.returned}, by index ${c.fetched}); ${c.rollbacks} rollbacks; the whole server ${cpu(r.load.serverCpuSeconds)} CPU (other clients included)`,
  );
  log(
    `       idle: ${Math.round(r.idle.counters.transactions / (IDLE_MS / 1000))} transactions/s, ${Math.round(read(r.idle) / (IDLE_MS / 1000))} rows read/s, ${r.idle.peakConnections} connections`,
  );
  const u = r.updateLoad.counters;
  log(
    `       updates: ${UPDATES} "/subscribe ukraine" through the balancer, ${UPDATE_CONCURRENCY} at a time: ${Math.round(UPDATES / r.updates.seconds)} updates/s, ` +
      `${r.updates.failed} failed, ${r.replies} replies; ${(u.transactions / UPDATES).toFixed(1)} transactions and ${(written(r.updateLoad) / UPDATES).toFixed(1)} rows written per update, ` +
      `${r.updateLoad.peakConnections} connections, ${cpu(r.updateLoad.backendCpuSeconds)} CPU`,
  );
}

const admin = new pg.Client({ connectionString: SERVER_URL });
await admin.connect();
try {
  const { rows } = await admin.query<{ version: string; sync: string }>("select version() as version, current_setting('synchronous_commit') as sync");
  log(`bench:scale on ${rows[0]?.version.split(" on ")[0]} (synchronous_commit=${rows[0]?.sync}), load average ${load1()} at the start`);
  for (const instances of RUNS) report(await run(admin, instances));
  log(`load average ${load1()} at the end`);
  log(
    "One instance sends at a time (the sender lease) and one plans (the planner lease): three do not deliver faster than one; " +
      "they share the updates and take the leases over when their holder dies. The extra instances cost their idle polling. " +
      "On one machine they add no CPU.",
  );
} finally {
  await admin.end();
}
