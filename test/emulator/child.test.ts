import { Api, GrammyError } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { startEmulatorProcess, type EmulatorProcess } from "./child-client.ts";

let emulator: EmulatorProcess | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe("the emulator in a child process", () => {
  it("serves a bot from its own process and counts messages per chat", async () => {
    emulator = await startEmulatorProcess({ flood: false, keepHistory: false });
    expect(emulator.pid).not.toBe(process.pid);
    await emulator.createUsers(3, 500_001);
    const api = new Api(emulator.botToken, { apiRoot: emulator.apiRoot });
    await api.sendMessage(500_001, "one");
    await api.sendMessage(500_001, "two");
    await api.sendMessage(500_003, "three");
    expect(await emulator.messageCounts()).toEqual(new Map([[500_001, 2], [500_003, 1]]));
    // grammY's agent keeps its connection alive, as with Telegram: one connection for all three.
    expect(await emulator.stats()).toMatchObject({ messagesSent: 3, tooManyRequests: 0, connections: 1 });
    await emulator.resetStats();
    expect(await emulator.messageCounts()).toEqual(new Map());
  });

  it("enforces a configured overall rate and refuses a share of sends at random", async () => {
    emulator = await startEmulatorProcess({ flood: { globalPerSecond: 5, privatePerSecond: 1, privateBurst: 1 }, random429: { probability: 0.3, seed: 7 } });
    await emulator.createUsers(40, 600_001);
    const api = new Api(emulator.botToken, { apiRoot: emulator.apiRoot });
    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => api.sendMessage(600_001 + i, "hi")));
    const refused = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason as GrammyError);
    expect(refused.every((e) => e.error_code === 429 && e.parameters.retry_after !== undefined)).toBe(true);
    // At most 5 in the second, and the random refusals come on top of the limit's.
    expect(results.length - refused.length).toBeLessThanOrEqual(5);
    expect((await emulator.stats()).tooManyRequests).toBe(refused.length);
  });

  it("refuses sends at random with no limit in force, the same ones for the same seed", async () => {
    const refusedWith = async (seed: number) => {
      const tg = await startEmulatorProcess({ flood: false, keepHistory: false, random429: { probability: 0.25, retryAfter: 2, seed } });
      await tg.createUsers(40, 700_001);
      const api = new Api(tg.botToken, { apiRoot: tg.apiRoot });
      const refused: number[] = [];
      for (let i = 0; i < 40; i++) {
        await api.sendMessage(700_001 + i, "hi").catch((error: GrammyError) => {
          expect(error.parameters.retry_after).toBe(2);
          refused.push(i);
        });
      }
      await tg.close();
      return refused;
    };
    const first = await refusedWith(11);
    expect(first.length).toBeGreaterThan(3);
    expect(first.length).toBeLessThan(20);
    expect(await refusedWith(11)).toEqual(first);
  });
});
