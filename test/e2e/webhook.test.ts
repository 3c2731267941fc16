import { createServer } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TelegramEmulator } from "../emulator/index.ts";
import { startTestBot, testWorld, type RunningTestBot } from "./harness.ts";

/** A port that is free now, so the webhook URL can be known before the bot listens. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

let tg: TelegramEmulator;
let bot: RunningTestBot | undefined;
let url: string;
const secret = "webhook-secret_123";

beforeEach(async () => {
  const world = await testWorld();
  tg = world.tg;
  const port = await freePort();
  url = `http://127.0.0.1:${port}/telegram/hook`;
  bot = await startTestBot(tg, {
    databasePath: world.databasePath,
    env: { BOT_MODE: "webhook", WEBHOOK_URL: url, WEBHOOK_SECRET: secret, PORT: String(port) },
  });
});

afterEach(async () => {
  await bot?.stop();
  await tg.close();
});

describe("webhook mode", () => {
  it("registers its webhook with the secret and answers updates Telegram delivers", async () => {
    const [setWebhook] = tg.callsTo("setWebhook");
    expect(setWebhook?.params).toMatchObject({ url, secret_token: secret });
    const user = tg.createUser({ firstName: "Mykola", languageCode: "uk" });
    tg.userSends(tg.privateChat(user), "/start");
    expect((await tg.waitForBotMessage(user.id)).text).toMatch(/^Вітаю, Mykola!/);
  });

  it("refuses a request without the right secret with 401 and changes nothing", async () => {
    const update = {
      update_id: 999,
      message: { message_id: 1, date: 1, chat: { id: 777, type: "private", first_name: "Eve" }, from: { id: 777, is_bot: false, first_name: "Eve" }, text: "/start", entities: [{ type: "bot_command", offset: 0, length: 6 }] },
    };
    for (const headers of [{}, { "X-Telegram-Bot-Api-Secret-Token": "wrong" }] as Record<string, string>[]) {
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(update) });
      expect(response.status).toBe(401);
    }
    expect(await bot?.app.store.chats.get(777)).toBeUndefined();
    expect(tg.callsTo("sendMessage")).toHaveLength(0);
  });

  it("answers 404 off the webhook path", async () => {
    const response = await fetch(new URL("/elsewhere", url), { method: "POST", body: "{}" });
    expect(response.status).toBe(404);
  });
});
