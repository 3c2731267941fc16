/**
 * What the delivery benchmarks share: the real bot in a child process (bot-process.ts), a story
 * stored as `newsbrief ingest` would, waiting for a condition, and counting what arrived.
 */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { openStore, type DatabaseSettings } from "../../src/store/index.ts";
import type { EmulatorProcess } from "../../test/emulator/child-client.ts";

export interface BotProcess {
  child: ChildProcess;
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

/**
 * Starts the bot against the emulator; `env` adds the database (DATABASE_PATH or DATABASE_URL)
 * and whatever else the run sets. Resolves once the app has started.
 */
export async function startBot(emulator: EmulatorProcess, env: Record<string, string>): Promise<BotProcess> {
  const child = fork(fileURLToPath(new URL("./bot-process.ts", import.meta.url)), [], {
    execArgv: ["--import", "tsx", ...(process.env["BENCH_PROFILE"] ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] : [])],
    env: { ...process.env, BOT_TOKEN: emulator.botToken, BOT_API_ROOT: emulator.apiRoot, LOG_LEVEL: "error", SEND_LEASE_SECONDS: "2", ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const next = (op: string) => new Promise<{ op: string; ms?: number }>((resolve) => {
    const listener = (message: { op: string; ms?: number }) => {
      if (message.op !== op) return;
      child.off("message", listener);
      resolve(message);
    };
    child.on("message", listener);
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  await Promise.race([next("ready"), exited.then(() => Promise.reject(new Error(`bench: the bot exited with ${child.exitCode} before it was ready`)))]);
  return {
    child,
    cpuMs: async () => {
      const answer = next("cpu");
      child.send({ op: "cpu" });
      return (await answer).ms ?? 0;
    },
    stop: async () => {
      child.send({ op: "stop" });
      await exited;
    },
    kill: async () => {
      child.kill("SIGKILL");
      await exited;
    },
  };
}

export async function until(what: string, test: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Chats firstId … firstId+chats-1 that got no message, and messages beyond one per chat. */
export async function tally(emulator: EmulatorProcess, firstId: number, chats: number): Promise<{ lost: number; duplicates: number }> {
  const counts = await emulator.messageCounts();
  let lost = 0;
  let duplicates = 0;
  for (let i = 0; i < chats; i++) {
    const n = counts.get(firstId + i) ?? 0;
    if (n === 0) lost++;
    else duplicates += n - 1;
  }
  return { lost, duplicates };
}

/** Stores one new story on China, as ingestion in another process (`newsbrief ingest`) would. */
export async function storeStory(database: DatabaseSettings): Promise<void> {
  const store = await openStore(database, { logger: pino({ level: "silent" }) });
  const url = `https://news.example.org/${Date.now()}`;
  const title = "China and Ukraine sign a grain deal";
  await store.articles.insert(
    {
      sourceId: null,
      url,
      title,
      body: `${title}. Ships will sail from three ports. Talks continue next week.`,
      brief: { title, sentences: [`${title}.`, "Ships will sail from three ports."], url, source: "Bench News", tags: ["China"], status: "ok" },
      textFrom: "page",
      contentHash: null,
      fingerprint: null,
      deliver: true,
      topics: [{ slug: "china", confidence: 0.9 }],
      links: [],
    },
    null,
  );
  await store.close();
}
