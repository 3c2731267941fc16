/**
 * `npm start` as an operator runs it: a real process, settings from the environment,
 * one clear line when something is wrong, and a clean exit on SIGTERM.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type TelegramEmulator } from "../emulator/index.ts";
import { tempDir } from "../store/helpers.ts";

const ROOT = join(import.meta.dirname, "../..");
const MAIN = join(ROOT, "src/main.ts");
// As `npm start` runs it: one node process with tsx's loader, so signals reach the bot itself.
const TSX_LOADER = pathToFileURL(join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function startMain(env: Record<string, string>, cwd = tempDir()) {
  // A clean environment (no BOT_TOKEN from the caller's shell), run from a folder without a .env.
  const child = spawn(process.execPath, ["--import", TSX_LOADER, MAIN], { cwd, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Run>((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
  return { child, done, output: () => stdout };
}

/** A port nothing listens on: connecting to it is refused. */
async function refusingPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
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

  describe("when the Bot API cannot be reached", () => {
    // Small retry delays keep the test quick; the backoff itself is covered in test/bot/connect.test.ts.
    const retry = { BOT_API_RETRY_MIN_MS: "50", BOT_API_RETRY_MAX_MS: "200" };

    it("says so at once with the API root and the reason, and exits 0 on SIGTERM", async () => {
      const apiRoot = `http://127.0.0.1:${await refusingPort()}`;
      const bot = startMain({ BOT_TOKEN: "123456:TEST-TOKEN", BOT_API_ROOT: apiRoot, LOG_LEVEL: "debug", ...retry });
      await expect.poll(() => bot.output(), { timeout: 15_000 }).toContain(`cannot reach the Bot API at ${apiRoot} (BOT_API_ROOT): connect ECONNREFUSED`);
      await expect.poll(() => bot.output(), { timeout: 15_000 }).toContain("the Bot API is still unreachable");
      bot.child.kill("SIGTERM");
      const run = await bot.done;
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("stopped before the Bot API could be reached");
      expect(run.stdout).not.toContain("TEST-TOKEN");
      // Retried several times, but warned once: the same reason is repeated at most once a minute.
      expect(run.stdout.match(/cannot reach the Bot API/g)).toHaveLength(1);
    });

    it("starts by itself once the Bot API comes up", async () => {
      const port = await refusingPort();
      const apiRoot = `http://127.0.0.1:${port}`;
      const bot = startMain({ BOT_TOKEN: "123456:TEST-TOKEN", BOT_API_ROOT: apiRoot, LOG_LEVEL: "info", ...retry });
      await expect.poll(() => bot.output(), { timeout: 15_000 }).toContain("cannot reach the Bot API");
      const tg = await startEmulator({ flood: false, port });
      try {
        await expect.poll(() => bot.output(), { timeout: 15_000 }).toContain("polling for updates");
        expect(bot.output()).toContain("the Bot API is reachable again");
        const user = tg.createUser({ firstName: "Olena", languageCode: "en" });
        tg.userSends(tg.privateChat(user), "/start");
        expect((await tg.waitForBotMessage(user.id, undefined, 10_000)).text).toMatch(/Olena/);
        bot.child.kill("SIGTERM");
        expect((await bot.done).code).toBe(0);
      } finally {
        await tg.close();
      }
    });
  });
});
