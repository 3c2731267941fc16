import { GrammyError } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { botFor, sleep, startPolling } from "./helpers.ts";
import { startEmulator, type TelegramEmulator } from "./index.ts";

let emulator: TelegramEmulator;
beforeEach(async () => {
  emulator = await startEmulator();
});
afterEach(async () => {
  await emulator.close();
});

async function getUpdates(params: Record<string, unknown>, token = emulator.botToken): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${emulator.apiRoot}/bot${token}/getUpdates`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(params),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("long polling with a real grammY bot", () => {
  it("answers /start through bot.start() and stops cleanly with bot.stop()", async () => {
    const bot = botFor(emulator);
    bot.command("start", (ctx) => ctx.reply(`Hello, ${ctx.from?.first_name}!`));
    const user = emulator.createUser({ firstName: "Ada" });
    const chat = emulator.privateChat(user);
    const { running } = await startPolling(bot, emulator);

    const command = emulator.userSends(chat, "/start");
    const reply = await emulator.waitForBotMessage(chat.id);

    expect(command.entities).toEqual([{ type: "bot_command", offset: 0, length: 6 }]);
    expect(reply.text).toBe("Hello, Ada!");
    expect(reply.from).toMatchObject({ id: emulator.botUser.id, is_bot: true, username: "newsbrief_test_bot" });
    expect(reply.chat).toEqual({ id: user.id, type: "private", first_name: "Ada" });
    // Dates are in seconds, as on Telegram.
    expect(Math.abs(reply.date - Date.now() / 1000)).toBeLessThan(5);

    await bot.stop();
    await running;
    // grammY's final confirming poll succeeded and confirmed the /start update.
    const last = emulator.callsTo("getUpdates").at(-1);
    expect(last).toMatchObject({ ok: true, params: { offset: expect.any(Number), limit: 1 } });
    expect(emulator.pendingUpdateCount).toBe(0);
  });

  it("handles /cmd@botname and ignores a command addressed to another bot", async () => {
    const bot = botFor(emulator);
    bot.command("help", (ctx) => ctx.reply("help text"));
    bot.on("message", (ctx) => ctx.reply(`other: ${ctx.msg.text}`));
    const chat = emulator.privateChat(emulator.createUser());
    const { running } = await startPolling(bot, emulator);

    emulator.userSends(chat, "/help@newsbrief_test_bot");
    expect((await emulator.waitForBotMessage(chat.id)).text).toBe("help text");
    emulator.userSends(chat, "/help@some_other_bot");
    expect((await emulator.waitForBotMessage(chat.id)).text).toBe("other: /help@some_other_bot");

    await bot.stop();
    await running;
  });

  it("holds getUpdates until the timeout when nothing happens (no busy polling)", async () => {
    const started = Date.now();
    const { body } = await getUpdates({ timeout: 1 });
    const elapsed = Date.now() - started;
    expect(body).toEqual({ ok: true, result: [] });
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(3000);
  });

  it("makes an idle grammY bot poll only once per timeout", async () => {
    const bot = botFor(emulator);
    const { running } = await startPolling(bot, emulator, 1);
    await sleep(1300);
    // One held poll that timed out after 1 s plus the next one: not hundreds.
    expect(emulator.callsTo("getUpdates").length).toBeLessThanOrEqual(3);
    await bot.stop();
    await running;
  });

  it("answers a held poll as soon as an update arrives", async () => {
    const chat = emulator.privateChat(emulator.createUser());
    const poll = getUpdates({ timeout: 10 });
    await sleep(50);
    const started = Date.now();
    emulator.userSends(chat, "hi");
    const { body } = await poll;
    // Answered on arrival, not when the 10 s timeout ran out.
    expect(Date.now() - started).toBeLessThan(5000);
    const updates = body["result"] as { update_id: number; message: { text: string } }[];
    expect(updates.map((u) => u.message.text)).toEqual(["hi"]);
  });

  it("ends the older of two concurrent polls with 409 Conflict", async () => {
    const first = getUpdates({ timeout: 10 });
    await sleep(50);
    const second = getUpdates({ timeout: 0 });
    const [older, newer] = await Promise.all([first, second]);
    expect(older.status).toBe(409);
    expect(older.body).toEqual({
      ok: false,
      error_code: 409,
      description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    });
    expect(newer.body).toEqual({ ok: true, result: [] });
  });

  it("makes a second grammY instance fail with 409 like on Telegram", async () => {
    const first = botFor(emulator);
    const { running: runningFirst } = await startPolling(first, emulator);
    const second = botFor(emulator);
    const firstFailure = runningFirst.then(
      () => undefined,
      (error: unknown) => error,
    );
    const { running: runningSecond } = await startPolling(second, emulator);
    const error = await firstFailure;
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).error_code).toBe(409);
    await second.stop();
    await runningSecond;
  });

  it("confirms updates by offset, honours limit, and keeps unconfirmed ones", async () => {
    const chat = emulator.privateChat(emulator.createUser());
    emulator.userSends(chat, "one");
    emulator.userSends(chat, "two");
    emulator.userSends(chat, "three");
    const firstBatch = (await getUpdates({ limit: 2 })).body["result"] as { update_id: number }[];
    expect(firstBatch).toHaveLength(2);
    const again = (await getUpdates({ limit: 2 })).body["result"] as { update_id: number }[];
    expect(again.map((u) => u.update_id)).toEqual(firstBatch.map((u) => u.update_id));
    const lastId = firstBatch[1]?.update_id ?? 0;
    const rest = (await getUpdates({ offset: lastId + 1 })).body["result"] as { message: { text: string } }[];
    expect(rest.map((u) => u.message.text)).toEqual(["three"]);
    expect(emulator.pendingUpdateCount).toBe(1);
  });

  it("filters updates by allowed_updates from then on", async () => {
    const user = emulator.createUser();
    const chat = emulator.privateChat(user);
    await getUpdates({ allowed_updates: ["callback_query"], timeout: 0 });
    emulator.userSends(chat, "ignored");
    expect(emulator.pendingUpdateCount).toBe(0);
    await getUpdates({ allowed_updates: [], timeout: 0 });
    emulator.userSends(chat, "delivered");
    expect(emulator.pendingUpdateCount).toBe(1);
  });

  it("rejects a wrong token with 401 and an unknown method with 404", async () => {
    expect(await getUpdates({}, "999:WRONG")).toEqual({ status: 401, body: { ok: false, error_code: 401, description: "Unauthorized" } });
    const response = await fetch(`${emulator.apiRoot}/bot${emulator.botToken}/sendTelepathy`, { method: "POST" });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ ok: false, error_code: 404, description: "Not Found" });
  });

  it("accepts form-urlencoded bodies and case-insensitive method names", async () => {
    const chat = emulator.privateChat(emulator.createUser());
    const response = await fetch(`${emulator.apiRoot}/bot${emulator.botToken}/sendmessage`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ chat_id: String(chat.id), text: "<b>hi</b>", parse_mode: "HTML" }).toString(),
    });
    const body = (await response.json()) as { ok: boolean; result: { text: string; entities: unknown[] } };
    expect(body.ok).toBe(true);
    expect(body.result.text).toBe("hi");
    expect(body.result.entities).toEqual([{ type: "bold", offset: 0, length: 2 }]);
  });

  it("ends a pending long poll when the emulator closes", async () => {
    const poll = getUpdates({ timeout: 30 });
    await sleep(50);
    await emulator.close();
    expect((await poll).body).toEqual({ ok: true, result: [] });
  });
});
