/**
 * Runs the real bot (the same `startApp` as `npm start`) against the emulator, with a
 * temporary database, and collects its log lines so tests can read what it reported.
 */
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";
import { Writable } from "node:stream";
import { startApp, type App, type AppOptions } from "../../src/app.ts";
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
  options: { databasePath: string; env?: Record<string, string>; app?: AppOptions },
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
  const app = await startApp(config, createLogger({ level: "debug", pretty: false, destination }), options.app);
  return { app, config, logs, stop: () => app.stop() };
}

/** An emulator and a database folder for one test file; the bot is started per test. */
export async function testWorld(options?: EmulatorOptions) {
  const tg = await startEmulator({ flood: false, ...options });
  const dir = tempDir("newsbrief-e2e-");
  return { tg, databasePath: join(dir, "newsbrief.db") };
}

export interface TestBotWorld {
  tg: TelegramEmulator;
  databasePath: string;
  bot: RunningTestBot;
  /** Stops the bot and starts it again on the same database, as an operator's restart does. */
  restart(): Promise<RunningTestBot>;
}

/**
 * Gives every test of the file its own emulator and the bot running on a fresh database
 * (hooks registered here); the returned object is refilled before each test.
 */
export function useTestBot(options: { env?: Record<string, string>; emulator?: EmulatorOptions; app?: () => AppOptions } = {}): TestBotWorld {
  const world = {} as TestBotWorld;
  const start = () =>
    startTestBot(world.tg, { databasePath: world.databasePath, ...(options.env ? { env: options.env } : {}), ...(options.app ? { app: options.app() } : {}) });
  beforeEach(async () => {
    Object.assign(world, await testWorld(options.emulator));
    world.bot = await start();
  });
  afterEach(async () => {
    await world.bot.stop();
    await world.tg.close();
  });
  world.restart = async () => {
    await world.bot.stop();
    world.bot = await start();
    return world.bot;
  };
  return world;
}
