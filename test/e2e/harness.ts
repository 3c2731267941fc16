/**
 * Runs the real bot (the same `startApp` as `npm start`) against the emulator, with a
 * temporary database, and collects its log lines so tests can read what it reported.
 */
import { join } from "node:path";
import { Writable } from "node:stream";
import { startApp, type App } from "../../src/app.ts";
import { parseConfig, type Config } from "../../src/config/index.ts";
import { createLogger } from "../../src/logger.ts";
import { startEmulator, type EmulatorOptions, type TelegramEmulator } from "../emulator/index.ts";
import { tempDir } from "../store/helpers.ts";

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface RunningTestBot {
  app: App;
  config: Config;
  logs: LogLine[];
  stop(): Promise<void>;
}

export async function startTestBot(
  tg: TelegramEmulator,
  options: { databasePath: string; env?: Record<string, string> },
): Promise<RunningTestBot> {
  const config = parseConfig({
    BOT_TOKEN: tg.botToken,
    BOT_API_ROOT: tg.apiRoot,
    DATABASE_PATH: options.databasePath,
    LOG_LEVEL: "debug",
    ...options.env,
  });
  const logs: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const app = await startApp(config, createLogger({ level: "debug", pretty: false, destination }));
  return { app, config, logs, stop: () => app.stop() };
}

/** An emulator and a database folder for one test file; the bot is started per test. */
export async function testWorld(options?: EmulatorOptions) {
  const tg = await startEmulator({ flood: false, ...options });
  const dir = tempDir("newsbrief-e2e-");
  return { tg, databasePath: join(dir, "newsbrief.db") };
}
