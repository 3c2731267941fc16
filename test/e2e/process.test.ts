/**
 * `npm start` as an operator runs it: a real process, settings from the environment,
 * one clear line when something is wrong, and a clean exit on SIGTERM.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type TelegramEmulator } from "../emulator/index.ts";
import { tempDir } from "../store/helpers.ts";

const ROOT = join(import.meta.dirname, "../..");
const MAIN = join(ROOT, "src/main.ts");
const TSX = join(ROOT, "node_modules/.bin/tsx");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function startMain(env: Record<string, string>, cwd = tempDir()) {
  // A clean environment (no BOT_TOKEN from the caller's shell), run from a folder without a .env.
  const child = spawn(TSX, [MAIN], { cwd, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Run>((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
  return { child, done, output: () => stdout };
}

describe("npm start", () => {
  it("without BOT_TOKEN says how to get one, in one line, and exits non-zero", async () => {
    const run = await startMain({}).done;
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      "newsbrief: BOT_TOKEN is not set. Create a bot with @BotFather in Telegram (/newbot), then put BOT_TOKEN=<token> in .env (see .env.example).",
    ]);
  });

  it("names a malformed setting without a stack trace", async () => {
    const run = await startMain({ BOT_TOKEN: "1:abc", BOT_MODE: "webhook" }).done;
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe("newsbrief: WEBHOOK_URL is required when BOT_MODE=webhook (see .env.example)");
  });

  describe("with a Bot API", () => {
    let tg: TelegramEmulator;
    beforeAll(async () => {
      tg = await startEmulator({ flood: false });
    });
    afterAll(() => tg.close());

    it("reads .env, answers users, and stops cleanly on SIGTERM", async () => {
      const cwd = tempDir();
      const { writeFileSync } = await import("node:fs");
      writeFileSync(join(cwd, ".env"), `BOT_TOKEN=${tg.botToken}\nBOT_API_ROOT=${tg.apiRoot}\n`);
      const bot = startMain({ LOG_LEVEL: "info" }, cwd);
      const user = tg.createUser({ firstName: "Iryna", languageCode: "uk" });
      await expect.poll(() => bot.output(), { timeout: 15_000 }).toContain("polling for updates");
      tg.userSends(tg.privateChat(user), "/start");
      expect((await tg.waitForBotMessage(user.id, undefined, 10_000)).text).toMatch(/^Вітаю, Iryna!/);
      bot.child.kill("SIGTERM");
      const run = await bot.done;
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('"msg":"stopped"');
    });

    it("refuses a token the Bot API does not know, in one line", async () => {
      const run = await startMain({ BOT_TOKEN: "999:wrong", BOT_API_ROOT: tg.apiRoot, LOG_LEVEL: "silent" }).done;
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe("newsbrief: BOT_TOKEN was refused by the Bot API (401 Unauthorized): check the token @BotFather gave you");
    });
  });
});
