/**
 * Two instances on one PostgreSQL schema: one holds the sender lease and broadcasts, the other
 * replies to people meanwhile. Telegram (the emulator, on the test's clock) must never see more
 * than the overall limit in a second from both together.
 */
import { Api } from "grammy";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/index.ts";
import { DeliveryService } from "../../src/delivery/index.ts";
import type { Store } from "../../src/store/index.ts";
import { startEmulator, type ApiCall, type TelegramEmulator } from "../emulator/index.ts";
import { POSTGRES_SKIPPED, TEST_DATABASE_URL, dropSchemas, postgresSchema } from "../store/databases.ts";
import { silentLogger } from "../store/helpers.ts";
import { ManualClock } from "./manual-clock.ts";
import { storeStory } from "./stories.ts";

const LIMIT = 30;
const CHATS = 200;
const FIRST_CHAT = 5001;
const PERSON = 900;
/** The other instance answers someone every 100 ms: 10 replies a second. */
const REPLY_EVERY_MS = 100;
const STEP_MS = 10;

describe.skipIf(!TEST_DATABASE_URL)(`replies from another instance during a broadcast${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIPPED})`}`, () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });
  afterAll(dropSchemas);

  it("take their share of the sender's second: together they keep to the limit", async () => {
    const clock = new ManualClock("2026-11-29T12:00:00Z");
    const tg: TelegramEmulator = await startEmulator({ flood: false, now: () => clock.now().getTime() });
    cleanup.push(() => tg.close());
    tg.createUsers(CHATS, FIRST_CHAT);
    tg.createUsers(1, PERSON);
    const database = await postgresSchema(TEST_DATABASE_URL ?? "");
    const config = parseConfig({ BOT_TOKEN: tg.botToken, BOT_API_ROOT: tg.apiRoot, SEND_GLOBAL_PER_SECOND: String(LIMIT) });
    const instance = async (): Promise<{ store: Store; delivery: DeliveryService }> => {
      const store = await database.open(clock.now);
      const delivery = new DeliveryService({ store, logger: silentLogger, config: config.delivery, botToken: tg.botToken, apiRoot: tg.apiRoot, defaultLocale: "en", now: clock.now, timers: clock });
      cleanup.push(() => store.close());
      cleanup.push(() => delivery.stop());
      delivery.start();
      await delivery.settled();
      return { store, delivery };
    };
    const sending = await instance();
    const replying = await instance();
    expect(sending.delivery.sender.active).toBe(true);
    expect(replying.delivery.sender.active).toBe(false);

    // The replying instance's bot: its replies go through its own transformer, as in the app.
    const bot = new Api(tg.botToken, { apiRoot: tg.apiRoot });
    bot.config.use(replying.delivery.replyTransformer());
    // The emulator stamps calls with the real time: each is stamped here with the test's clock.
    const sends: Array<{ call: ApiCall; at: number }> = [];
    const stamp = () => {
      for (const call of tg.calls.slice(sends.length)) sends.push({ call, at: clock.now().getTime() });
    };
    const start = clock.now().getTime();
    const step = async (ms: number) => {
      for (let t = 0; t < ms; t += STEP_MS) {
        if ((clock.now().getTime() - start) % REPLY_EVERY_MS === 0) await bot.sendMessage(PERSON, "Done.");
        stamp();
        clock.advance(STEP_MS);
        await sending.delivery.settled();
        await replying.delivery.settled();
        stamp();
      }
    };

    // People are being answered when the broadcast begins, and all through it.
    await step(1000);
    const { store } = sending;
    for (let i = 0; i < CHATS; i++) await store.chats.touch({ id: FIRST_CHAT + i, type: "private" }, "en");
    const story = await storeStory(store, { title: "Dam breached upstream", topics: ["china"] });
    const broadcastAt = clock.now().getTime();
    await store.outbox.plan(
      story.id,
      Array.from({ length: CHATS }, (_, i) => ({ chatId: FIRST_CHAT + i, threadId: 0, kind: "brief" as const, notBefore: clock.now(), priority: 0, payload: {} })),
      clock.now(),
    );
    sending.delivery.nudge();
    await step(4000);

    expect(sends.every(({ call }) => call.method === "sendMessage" && call.ok)).toBe(true);
    const deliveries = sends.filter(({ call }) => call.params["chat_id"] !== PERSON);
    const replies = sends.filter(({ call }) => call.params["chat_id"] === PERSON);
    expect(replies).toHaveLength(50);
    // Telegram's count: the sends in the second up to each one.
    expect(busiestSecond(sends)).toBeLessThanOrEqual(LIMIT);
    // The broadcast went on at what the replies left of the limit, less the room kept for replies
    // not heard of yet (each is held 400 ms longer than a second: 14 of the 30 a second).
    const deliveriesPerSecond = deliveries.filter(({ at }) => at >= broadcastAt + 1000).length / 3;
    expect(deliveriesPerSecond).toBeGreaterThanOrEqual(LIMIT - 14 - 1);
  });
});

function busiestSecond(sends: ReadonlyArray<{ at: number }>): number {
  const times = sends.map(({ at }) => at).sort((a, b) => a - b);
  let most = 0;
  let from = 0;
  for (let i = 0; i < times.length; i++) {
    while (times[from]! <= times[i]! - 1000) from++;
    most = Math.max(most, i - from + 1);
  }
  return most;
}
