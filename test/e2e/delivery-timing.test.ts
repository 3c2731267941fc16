/** Digests at each chat's own hour, and quiet hours, with the clock moved by the test. */
import { describe, expect, it } from "vitest";
import type { Chat } from "grammy/types";
import { ManualClock } from "../delivery/manual-clock.ts";
import { storeStory } from "../delivery/stories.ts";
import { useTestBot } from "./harness.ts";
import { buttonsOf, press, say } from "./helpers.ts";

let clock: ManualClock;
const world = useTestBot({
  env: { SEND_GLOBAL_PER_SECOND: "1000" },
  app: () => {
    // 07:50 in Kyiv (UTC+2), 23:50 the day before in Chicago (UTC-6).
    clock = new ManualClock("2026-11-29T05:50:00Z");
    return { now: clock.now, timers: clock };
  },
});

async function follower(topic: string, settings: Parameters<typeof world.bot.app.store.chats.updateSettings>[1]) {
  const chat = world.tg.privateChat(world.tg.createUser({ languageCode: "en" }));
  world.tg.userSends(chat, `/subscribe ${topic}`);
  await world.tg.waitForBotMessage(chat.id);
  await world.bot.app.store.chats.updateSettings(chat.id, settings);
  return chat;
}

/** Moves the clock and waits until delivery has done what came due. */
async function at(time: string) {
  clock.set(time);
  await world.bot.app.delivery.settled();
}

async function after(ms: number) {
  clock.advance(ms);
  await world.bot.app.delivery.settled();
}

/** Plans what is stored and waits until the rows are in the outbox. */
async function planned(articleIds: number[]) {
  world.bot.app.delivery.nudge();
  await world.bot.app.delivery.settled();
  for (const id of articleIds) expect((await world.bot.app.store.articles.get(id))?.plannedAt).not.toBeNull();
}

describe("digests", () => {
  it("sends one digest at the chat's time in its own time zone", async () => {
    const kyiv = await follower("China", { delivery: "digest", digest: { every: "daily", at: "08:00" }, timeZone: "Europe/Kyiv" });
    const chicago = await follower("China", { delivery: "digest", digest: { every: "daily", at: "08:00" }, timeZone: "America/Chicago" });
    const first = await storeStory(world.bot.app.store, { title: "Beijing opens a new grain terminal", topics: ["china"] });
    const second = await storeStory(world.bot.app.store, { title: "Shanghai port traffic doubles", topics: ["china"], source: "Port Daily" });
    await planned([first.id, second.id]);
    expect(await world.bot.app.store.outbox.unsent()).toBe(4);

    await at("2026-11-29T05:59:59Z");
    expect(world.tg.botMessages(kyiv.id)).toHaveLength(1); // only the answer to /subscribe

    await at("2026-11-29T06:00:01Z"); // 08:00 in Kyiv
    const digest = await world.tg.waitForBotMessage(kyiv.id);
    expect(digest.text).toBe(
      [
        "📰 Your digest · 2 stories",
        "1. Beijing opens a new grain terminal\nBeijing opens a new grain terminal.\nExample News",
        "2. Shanghai port traffic doubles\nShanghai port traffic doubles.\nPort Daily",
      ].join("\n\n"),
    );
    expect(buttonsOf(digest)).toEqual([
      { text: "1. Read", data: undefined },
      { text: "1. Related", data: `rel:${first.id}` },
      { text: "2. Read", data: undefined },
      { text: "2. Related", data: `rel:${second.id}` },
    ]);
    expect(world.tg.botMessages(chicago.id)).toHaveLength(1);

    await at("2026-11-29T14:00:01Z"); // 08:00 in Chicago
    expect((await world.tg.waitForBotMessage(chicago.id)).text).toMatch(/^📰 Your digest · 2 stories/);
    await expect.poll(() => world.bot.app.store.outbox.unsent()).toBe(0);
    expect(world.tg.botMessages(kyiv.id)).toHaveLength(2);
  });

  it("splits a digest that would be longer than one message into parts", async () => {
    const chat = await follower("China", { delivery: "digest", digest: { every: "hourly", at: "08:00" }, timeZone: "Europe/Kyiv" });
    const ids: number[] = [];
    for (let i = 0; i < 14; i++) ids.push((await storeStory(world.bot.app.store, { title: `China story ${i + 1} `.padEnd(180, "x"), topics: ["china"] })).id);
    await planned(ids);
    await at("2026-11-29T06:00:01Z");
    const part1 = await world.tg.waitForBotMessage(chat.id);
    expect(part1.text).toMatch(/^📰 Your digest · 14 stories \(part 1 of 2\)/);
    await after(1500); // the chat's one-message-a-second budget
    const part2 = await world.tg.waitForBotMessage(chat.id);
    expect(part2.text).toMatch(/^📰 Your digest · 14 stories \(part 2 of 2\)\n\n11\. China story 11/);
    for (const part of [part1, part2]) expect(part.text!.length).toBeLessThanOrEqual(4096);
    expect(buttonsOf(part2).at(-1)).toEqual({ text: "14. Related", data: `rel:${ids[13]}` });
  });
});

describe("quiet hours", () => {
  it("hold briefs until they end; breaking news comes through only where the chat allows", async () => {
    await at("2026-11-29T22:30:00Z"); // 00:30 in Kyiv
    const quiet = { quietHours: { from: "23:00", to: "07:00" }, timeZone: "Europe/Kyiv" };
    const lets = await follower("China", { ...quiet, breakingThroughQuiet: true });
    const holds = await follower("China", { ...quiet, breakingThroughQuiet: false });
    const calm = await storeStory(world.bot.app.store, { title: "Chinese tea harvest starts early", topics: ["china"] });
    const urgent = await storeStory(world.bot.app.store, { title: "BREAKING: Earthquake hits western China", topics: ["china"] });
    await planned([calm.id, urgent.id]);

    const breaking = await world.tg.waitForBotMessage(lets.id);
    expect(breaking.text).toMatch(/^⚡ Breaking\n\nBREAKING: Earthquake hits western China/);
    await after(60_000);
    expect(world.tg.botMessages(lets.id)).toHaveLength(2);
    expect(world.tg.botMessages(holds.id)).toHaveLength(1);

    await at("2026-11-30T05:00:01Z"); // 07:00 in Kyiv
    expect((await world.tg.waitForBotMessage(lets.id)).text).toMatch(/^Chinese tea harvest starts early/);
    // The chat that holds breaking news gets it first when the quiet ends, then the rest.
    expect((await world.tg.waitForBotMessage(holds.id)).text).toMatch(/^⚡ Breaking/);
    await after(1500);
    expect((await world.tg.waitForBotMessage(holds.id)).text).toMatch(/^Chinese tea harvest starts early/);
  });
});

describe("a change of settings", () => {
  /** Opens /settings in the chat and presses the buttons by their labels, one page after another. */
  async function pressInSettings(chat: Chat, labels: string[]) {
    const actor = { tg: world.tg, chat };
    let view = await say(actor, "/settings", (m) => m.text?.startsWith("⚙️ Settings") === true);
    for (const label of labels) view = await press(actor, view, label);
  }

  it("moves the briefs waiting for a chat to the times its new settings call for", async () => {
    await at("2026-11-29T10:00:00Z"); // 12:00 in Kyiv
    const chat = await follower("China", { delivery: "digest", digest: { every: "daily", at: "20:00" }, timeZone: "Europe/Kyiv" });
    const story = await storeStory(world.bot.app.store, { title: "Beijing opens a new grain terminal", topics: ["china"] });
    await planned([story.id]);
    await after(60_000);
    expect(world.tg.botMessages(chat.id)).toHaveLength(1); // only the answer to /subscribe

    // Instant now: the brief the evening digest held comes at once, as a brief.
    await pressInSettings(chat, ["📬 Delivery: daily digest at 20:00", "As they come"]);
    await world.bot.app.delivery.settled();
    expect((await world.tg.waitForBotMessage(chat.id)).text).toMatch(/^Beijing opens a new grain terminal\n/);
    expect(await world.bot.app.store.outbox.unsent(chat.id)).toBe(0);

    // Quiet hours from now on hold the next brief until they end, as if planned under them.
    await pressInSettings(chat, ["🌙 Quiet hours: off", "23:00–07:00"]);
    await at("2026-11-29T21:30:00Z"); // 23:30 in Kyiv
    const late = await storeStory(world.bot.app.store, { title: "Shanghai port traffic doubles", topics: ["china"] });
    await planned([late.id]);
    await after(60_000);
    const before = world.tg.botMessages(chat.id).length;
    // Quiet hours off again: it comes at once instead of at 07:00.
    await pressInSettings(chat, ["🌙 Quiet hours: 23:00–07:00", "No quiet hours"]);
    await world.bot.app.delivery.settled();
    expect((await world.tg.waitForBotMessage(chat.id)).text).toMatch(/^Shanghai port traffic doubles\n/);
    expect(world.tg.botMessages(chat.id).length).toBeGreaterThan(before);
  });
});
