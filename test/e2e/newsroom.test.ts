/**
 * The local newsroom read by the real bot, as in `npm run demo`: stories published after the
 * first poll become briefs for the chats that follow them, and the breaking story, which the wire
 * republishes, reaches a chat once.
 */
import { afterEach, describe, expect, it } from "vitest";
import { LocalNewsroom } from "../../demo/newsroom/newsroom.ts";
import { createHttpClient } from "../../src/ingest/http/index.ts";
import { addSource, inspectSource } from "../../src/ingest/sources.ts";
import { useTestBot } from "./harness.ts";

const world = useTestBot({ env: { FETCH_ALLOW_PRIVATE_HOSTS: "true" } });
let newsroom: LocalNewsroom | undefined;
afterEach(async () => {
  await newsroom?.close();
  newsroom = undefined;
});

describe("the local newsroom, read by the bot", () => {
  it("sends what is published after the first poll, and the syndicated breaking story once", async () => {
    newsroom = await LocalNewsroom.start();
    const store = world.bot.app.store;
    const chat = world.tg.privateChat(world.tg.createUser({ languageCode: "en" }));
    world.tg.userSends(chat, "/subscribe War in Ukraine");
    await world.tg.waitForBotMessage(chat.id);
    world.tg.userSends(chat, "/subscribe China");
    await world.tg.waitForBotMessage(chat.id);

    const http = createHttpClient(world.bot.config.fetch);
    for (const url of newsroom.feedUrls) await addSource(store, await inspectSource(http, url), { pollIntervalS: 1 });
    await http.close();
    // The first polls archive what the sites already had (ingestion looks every 5 s).
    await expect.poll(async () => (await store.sources.list()).every((s) => s.lastSuccessAt !== null), { timeout: 30_000 }).toBe(true);

    for (let wave = 1; wave <= 3; wave++) newsroom.publishNext();
    const breaking = newsroom.breaking!.article;
    await world.tg.waitForBotMessage(chat.id, (m) => (m.text ?? "").startsWith("China offers to host talks"), 40_000);
    await world.tg.waitForBotMessage(chat.id, (m) => (m.text ?? "").startsWith(breaking.title), 40_000);
    // Both outlets read since the wave, and nothing left to send.
    const waveAt = Date.now();
    await expect.poll(async () => (await store.sources.list()).every((s) => s.lastSuccessAt !== null && Date.parse(s.lastSuccessAt) > waveAt), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => store.outbox.unsent(), { timeout: 10_000 }).toBe(0);

    const titles = world.tg.botMessages(chat.id).map((m) => (m.text ?? "").split("\n")[0]);
    expect(titles.filter((t) => t === breaking.title)).toHaveLength(1);
    // The derby (sport) and the backlog (energy, economy, culture) were not asked for.
    expect(titles.some((t) => /Shakhtar|Grid operator|key rate|виставку/.test(t ?? ""))).toBe(false);
  }, 120_000);
});
