import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Bot, GrammyError, webhookCallback } from "grammy";
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { botFor, sleep } from "./helpers.ts";
import { startEmulator, type TelegramEmulator } from "./index.ts";

let emulator: TelegramEmulator;
let receiver: Server | undefined;
beforeEach(async () => {
  emulator = await startEmulator({ webhook: { retryBaseMs: 20 } });
});
afterEach(async () => {
  await emulator.close();
  receiver?.closeAllConnections();
  await new Promise((resolve) => (receiver === undefined ? resolve(undefined) : receiver.close(resolve)));
  receiver = undefined;
});

async function listen(handler: (req: IncomingMessage, body: string) => { status: number; body?: string }): Promise<string> {
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const answer = handler(req, body);
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(answer.body ?? "");
    });
  });
  await new Promise<void>((resolve) => receiver?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
}

describe("webhooks", () => {
  it("POSTs updates with the secret token header and retries until the endpoint accepts", async () => {
    const received: { secret: string | undefined; update: Update }[] = [];
    let failuresLeft = 2;
    const url = await listen((req, body) => {
      if (failuresLeft-- > 0) return { status: 500 };
      received.push({ secret: req.headers["x-telegram-bot-api-secret-token"] as string | undefined, update: JSON.parse(body) as Update });
      return { status: 200 };
    });
    const api = botFor(emulator).api;
    await api.setWebhook(url, { secret_token: "s3cret-token" });
    const chat = emulator.privateChat(emulator.createUser());
    emulator.userSends(chat, "/start");
    const deadline = Date.now() + 3000;
    while (received.length === 0 && Date.now() < deadline) await sleep(10);

    expect(received).toHaveLength(1);
    expect(received[0]?.secret).toBe("s3cret-token");
    expect(received[0]?.update.message?.text).toBe("/start");
    const info = await api.getWebhookInfo();
    expect(info).toMatchObject({ url, pending_update_count: 0, last_error_message: "Wrong response from the webhook: 500 Internal Server Error" });
  });

  it("drives a grammY webhookCallback end to end, including a webhook reply", async () => {
    const bot = new Bot(emulator.botToken, { client: { apiRoot: emulator.apiRoot, canUseWebhookReply: (method) => method === "sendMessage" } });
    bot.command("start", (ctx) => ctx.reply("hello from webhook"));
    await bot.init();
    const handle = webhookCallback(bot, "http", { secretToken: "abc" });
    receiver = createServer((req, res) => void handle(req, res));
    await new Promise<void>((resolve) => receiver?.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;
    await bot.api.setWebhook(url, { secret_token: "abc" });

    const chat = emulator.privateChat(emulator.createUser());
    emulator.userSends(chat, "/start");
    expect((await emulator.waitForBotMessage(chat.id)).text).toBe("hello from webhook");
  });

  it("refuses getUpdates while a webhook is set, and deleteWebhook can drop pending updates", async () => {
    const url = await listen(() => ({ status: 502 }));
    const api = botFor(emulator).api;
    expect(await api.setWebhook(url)).toBe(true);
    const error: unknown = await api.getUpdates().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).description).toBe(
      "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    );
    emulator.userSends(emulator.privateChat(emulator.createUser()), "queued");
    await api.deleteWebhook({ drop_pending_updates: true });
    expect(await api.getUpdates()).toEqual([]);
    expect(await api.getWebhookInfo()).toEqual({ url: "", has_custom_certificate: false, pending_update_count: 0 });
  });

  it("accepts only HTTPS URLs except on loopback", async () => {
    const error: unknown = await botFor(emulator).api.setWebhook("http://example.com/hook").catch((e: unknown) => e);
    expect((error as GrammyError).description).toBe("Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
  });
});
