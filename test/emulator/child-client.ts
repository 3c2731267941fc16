// Starts the emulator in a child process (see child.ts) and talks to it.
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { ChildAnswer, ChildRequest } from "./child-protocol.ts";
import type { EmulatorStats } from "./load-stats.ts";
import type { EmulatorOptions } from "./options.ts";

type Request = ChildRequest extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

export interface EmulatorProcess {
  apiRoot: string;
  botToken: string;
  pid: number;
  createUsers(count: number, firstId: number): Promise<void>;
  stats(): Promise<EmulatorStats>;
  /** Messages the bot sent per chat. */
  messageCounts(): Promise<Map<number, number>>;
  resetStats(): Promise<void>;
  close(): Promise<void>;
}

export async function startEmulatorProcess(options: Omit<EmulatorOptions, "now"> = {}): Promise<EmulatorProcess> {
  const child: ChildProcess = fork(fileURLToPath(new URL("./child.ts", import.meta.url)), [JSON.stringify(options)], {
    execArgv: ["--import", "tsx"],
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const waiting = new Map<number, (answer: ChildAnswer) => void>();
  let nextId = 1;
  const ready = new Promise<ChildAnswer>((resolve, reject) => {
    waiting.set(0, resolve);
    child.once("exit", (code) => reject(new Error(`the emulator process exited with ${code} before it was ready`)));
  });
  child.on("message", (answer: ChildAnswer) => {
    const resolve = waiting.get(answer.id);
    waiting.delete(answer.id);
    resolve?.(answer);
  });
  const ask = (request: Request): Promise<ChildAnswer> =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      child.send({ ...request, id });
    });
  const first = await ready;
  return {
    apiRoot: first.apiRoot ?? "",
    botToken: first.botToken ?? "",
    pid: child.pid ?? 0,
    createUsers: async (count, firstId) => void (await ask({ op: "createUsers", count, firstId })),
    stats: async () => (await ask({ op: "stats" })).stats!,
    messageCounts: async () => (await ask({ op: "stats", counts: true })).counts ?? new Map(),
    resetStats: async () => void (await ask({ op: "resetStats" })),
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      await ask({ op: "close" });
      await exited;
    },
  };
}
