import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { botFor } from "./helpers.ts";
import { startEmulator, type TelegramEmulator } from "./index.ts";

let emulator: TelegramEmulator;
beforeEach(async () => {
  emulator = await startEmulator({ flood: false });
});
afterEach(async () => {
  await emulator.close();
});

describe("waitForBotMessage", () => {
  it("takes each message once: earlier ones first, then ones still to come", async () => {
    const api = botFor(emulator).api;
    const chat = emulator.privateChat(emulator.createUser());
    await api.sendMessage(chat.id, "one");
    await api.sendMessage(chat.id, "two");
    expect((await emulator.waitForBotMessage(chat.id)).text).toBe("one");
    expect((await emulator.waitForBotMessage(chat.id)).text).toBe("two");
    const third = emulator.waitForBotMessage(chat.id);
    await api.sendMessage(chat.id, "three");
    expect((await third).text).toBe("three");
  });

  it("matches by predicate without consuming messages that do not match", async () => {
    const api = botFor(emulator).api;
    const chat = emulator.privateChat(emulator.createUser());
    const brief = emulator.waitForBotMessage(chat.id, (m) => m.text?.startsWith("Brief") === true);
    await api.sendMessage(chat.id, "Working…");
    await api.sendMessage(chat.id, "Brief: markets rose");
    expect((await brief).text).toBe("Brief: markets rose");
    expect((await emulator.waitForBotMessage(chat.id)).text).toBe("Working…");
  });

  it("keeps chats apart and explains a timeout with what the chat did receive", async () => {
    const api = botFor(emulator).api;
    const alice = emulator.privateChat(emulator.createUser());
    const bob = emulator.privateChat(emulator.createUser());
    await api.sendMessage(alice.id, "for alice");
    await api.sendMessage(bob.id, "<b>broken", { parse_mode: "HTML" }).catch(() => undefined);
    const error = await emulator.waitForBotMessage(bob.id, undefined, 30).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(`waitForBotMessage(chat ${bob.id}): no matching bot message within 30 ms.`);
    expect((error as Error).message).toContain("The chat received no bot messages.");
    expect((error as Error).message).toContain("sendMessage: 400 Bad Request: can't parse entities");
    const aliceError = await emulator.waitForBotMessage(alice.id, (m) => m.text === "nope", 30).catch((e: unknown) => e as Error);
    expect((aliceError as Error).message).toContain('#1: "for alice"');
  });

  it("stays fast with many chats: each arrival only looks at its own chat", async () => {
    const api = botFor(emulator).api;
    const chats = Array.from({ length: 300 }, () => emulator.privateChat(emulator.createUser()));
    const waits = chats.map((chat) => emulator.waitForBotMessage(chat.id));
    await Promise.all(chats.map((chat) => api.sendMessage(chat.id, `hi ${chat.id}`)));
    const replies = await Promise.all(waits);
    expect(replies.map((m) => m.text)).toEqual(chats.map((chat) => `hi ${chat.id}`));
  });
});
