import { autoRetry } from "@grammyjs/auto-retry";
import { afterEach, describe, expect, it } from "vitest";
import { botFor, failure, sleep } from "./helpers.ts";
import { startEmulator, type TelegramEmulator } from "./index.ts";

let emulator: TelegramEmulator;
afterEach(async () => {
  await emulator.close();
});

describe("flood control", () => {
  it("answers 429 with retry_after in one private chat, then accepts after waiting", async () => {
    emulator = await startEmulator({ flood: { privatePerSecond: 1, privateBurst: 1 } });
    const api = botFor(emulator).api;
    const chat = emulator.privateChat(emulator.createUser());
    await api.sendMessage(chat.id, "first");
    const error = await failure(api.sendMessage(chat.id, "second"));
    expect(error.error_code).toBe(429);
    expect(error.description).toBe("Too Many Requests: retry after 1");
    expect(error.parameters.retry_after).toBe(1);
    expect(emulator.stats.tooManyRequests).toBe(1);

    await sleep((error.parameters.retry_after ?? 1) * 1000);
    await api.sendMessage(chat.id, "second");
    expect(emulator.botMessages(chat.id).map((m) => m.text)).toEqual(["first", "second"]);
  });

  it("lets @grammyjs/auto-retry recover from the 429 by itself", async () => {
    emulator = await startEmulator({ flood: { privatePerSecond: 1, privateBurst: 1 } });
    const bot = botFor(emulator);
    bot.api.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 2 }));
    const chat = emulator.privateChat(emulator.createUser());
    await Promise.all([bot.api.sendMessage(chat.id, "a"), bot.api.sendMessage(chat.id, "b")]);
    expect(emulator.botMessages(chat.id)).toHaveLength(2);
    expect(emulator.stats.tooManyRequests).toBe(1);
  });

  it("limits messages per minute in a group and per second overall", async () => {
    emulator = await startEmulator({ flood: { groupPerMinute: 2, globalPerSecond: 3, privateBurst: 5 } });
    const api = botFor(emulator).api;
    const group = emulator.createGroup({ title: "News", silent: true });
    await api.sendMessage(group.id, "1");
    await api.sendMessage(group.id, "2");
    const groupError = await failure(api.sendMessage(group.id, "3"));
    expect(groupError.parameters.retry_after).toBeGreaterThanOrEqual(59);
    expect(groupError.parameters.retry_after).toBeLessThanOrEqual(60);

    // Two sends counted already; one more to someone else fits, the next does not.
    await api.sendMessage(emulator.privateChat(emulator.createUser()).id, "x");
    const globalError = await failure(api.sendMessage(emulator.privateChat(emulator.createUser()).id, "y"));
    expect(globalError.description).toBe("Too Many Requests: retry after 1");
  });

  it("refills a private chat's burst at the configured rate (fake clock)", async () => {
    let now = 1_000_000;
    emulator = await startEmulator({ flood: { privatePerSecond: 1, privateBurst: 3 }, now: () => now });
    const api = botFor(emulator).api;
    const chat = emulator.privateChat(emulator.createUser());
    for (const text of ["1", "2", "3"]) await api.sendMessage(chat.id, text);
    expect((await failure(api.sendMessage(chat.id, "4"))).parameters.retry_after).toBe(1);
    now += 1000;
    await api.sendMessage(chat.id, "4");
    expect((await failure(api.sendMessage(chat.id, "5"))).error_code).toBe(429);
    now += 2000;
    await api.sendMessage(chat.id, "5");
    await api.sendMessage(chat.id, "6");
    expect(emulator.botMessages(chat.id)).toHaveLength(6);
  });

  it("can be switched off", async () => {
    emulator = await startEmulator({ flood: false });
    const api = botFor(emulator).api;
    const chat = emulator.privateChat(emulator.createUser());
    await Promise.all(Array.from({ length: 50 }, (_, i) => api.sendMessage(chat.id, `m${i}`)));
    expect(emulator.stats.messagesSent).toBe(50);
    expect(emulator.stats.tooManyRequests).toBe(0);
  });
});

describe("scripted faults", () => {
  it("fails the next matching calls with the given error, then works again", async () => {
    emulator = await startEmulator({ flood: false });
    const api = botFor(emulator).api;
    const chat = emulator.privateChat(emulator.createUser());
    const other = emulator.privateChat(emulator.createUser());
    emulator.injectFault({ method: "sendMessage", errorCode: 429, description: "Too Many Requests: retry after 7", retryAfter: 7, count: 2, chatId: chat.id });
    await api.sendMessage(other.id, "unaffected");
    for (let i = 0; i < 2; i++) {
      const error = await failure(api.sendMessage(chat.id, "x"));
      expect(error.error_code).toBe(429);
      expect(error.parameters.retry_after).toBe(7);
    }
    await api.sendMessage(chat.id, "now it works");
    expect(emulator.callsTo("sendMessage").map((c) => c.ok)).toEqual([true, false, false, true]);
    expect(emulator.callsTo("sendMessage")[1]).toMatchObject({ errorCode: 429, description: "Too Many Requests: retry after 7" });
  });
});

describe("load counters", () => {
  it("counts messages, refusals and the most requests in flight", async () => {
    emulator = await startEmulator({ flood: false, latencyMs: 20 });
    const api = botFor(emulator).api;
    const users = Array.from({ length: 20 }, () => emulator.createUser());
    emulator.blockBot(users[0]?.id ?? 0);
    await Promise.allSettled(users.map((u) => api.sendMessage(u.id, "digest")));
    const stats = emulator.stats;
    expect(stats.messagesSent).toBe(19);
    expect(stats.forbidden).toBe(1);
    expect(stats.maxInFlight).toBeGreaterThan(1);
    expect(stats.inFlight).toBe(0);
    expect(stats.peakMessagesPerSecond).toBeGreaterThan(0);
    emulator.resetStats();
    expect(emulator.stats.messagesSent).toBe(0);
  });
});
