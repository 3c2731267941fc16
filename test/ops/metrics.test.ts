/** The operator's port (METRICS_PORT) on the real bot: /metrics scraped as Prometheus does, /healthz. */
import { afterEach, describe, expect, it } from "vitest";
import { LocalNewsroom } from "../../demo/newsroom/newsroom.ts";
import { createHttpClient } from "../../src/ingest/http/index.ts";
import { addSource, inspectSource } from "../../src/ingest/sources.ts";
import { useTestBot } from "../e2e/harness.ts";
import { storeStory } from "../delivery/stories.ts";

const world = useTestBot({ env: { METRICS_PORT: "0", FETCH_ALLOW_PRIVATE_HOSTS: "true" } });
let newsroom: LocalNewsroom | undefined;
afterEach(async () => {
  await newsroom?.close();
  newsroom = undefined;
});

const base = () => `http://127.0.0.1:${world.bot.app.opsPort}`;

async function scrape(): Promise<string> {
  const response = await fetch(`${base()}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

/** A sample's value, e.g. value(text, 'newsbrief_updates_handled_total{type="message"}'). */
function value(text: string, sample: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${sample} `));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
}

describe("METRICS_PORT", () => {
  it("counts the updates handled, and reads deliveries and the queue from the database", async () => {
    const chat = world.tg.privateChat(world.tg.createUser({ languageCode: "en" }));
    world.tg.userSends(chat, "/subscribe China");
    await world.tg.waitForBotMessage(chat.id);
    world.tg.userSends(chat, "/start");
    await world.tg.waitForBotMessage(chat.id);
    await storeStory(world.bot.app.store, { title: "Beijing sets a new tariff", topics: ["china"] });
    world.bot.app.delivery.nudge();
    await world.tg.waitForBotMessage(chat.id);
    await expect.poll(() => world.bot.app.store.outbox.unsent()).toBe(0);

    const text = await scrape();
    expect(value(text, 'newsbrief_updates_handled_total{type="message"}')).toBe(2);
    expect(value(text, "newsbrief_handler_errors_total")).toBe(0);
    expect(value(text, 'newsbrief_deliveries_last_day{outcome="sent"}')).toBe(1);
    expect(value(text, 'newsbrief_deliveries_last_day{outcome="pending"}')).toBe(0);
    expect(value(text, "newsbrief_outbox_queue_length")).toBe(0);
    expect(value(text, "newsbrief_outbox_oldest_due_age_seconds")).toBe(0);
    expect(value(text, "newsbrief_sender_active")).toBe(1);
    expect(value(text, "newsbrief_last_successful_poll_timestamp_seconds")).toBe(0);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(text).toContain("# TYPE newsbrief_update_duration_seconds histogram");
  });

  it("counts handler errors", async () => {
    const chat = world.tg.privateChat(world.tg.createUser({ languageCode: "en" }));
    world.tg.injectFault({ method: "sendMessage", errorCode: 400, description: "Bad Request: something odd", chatId: chat.id });
    world.tg.userSends(chat, "/start");
    await expect.poll(async () => value(await scrape(), "newsbrief_handler_errors_total")).toBe(1);
    expect(value(await scrape(), 'newsbrief_updates_handled_total{type="message"}')).toBe(1);
  });

  it("counts the polls of the local newsroom and the stories read from its pages, and /healthz tells when one last succeeded", async () => {
    newsroom = await LocalNewsroom.start();
    const http = createHttpClient(world.bot.config.fetch);
    await addSource(world.bot.app.store, await inspectSource(http, newsroom.sites.post.feedUrl), { pollIntervalS: 1 });
    await http.close();
    // Ingestion looks for due sources every 5 s.
    await expect.poll(async () => value(await scrape(), 'newsbrief_source_polls_total{status="ok"}'), { timeout: 30_000 }).toBe(1);
    newsroom.publishNext();
    await expect.poll(async () => value(await scrape(), 'newsbrief_stories_stored_total{text_from="page"}'), { timeout: 30_000 }).toBe(1);
    const text = await scrape();
    expect(value(text, "newsbrief_item_failures_total")).toBe(0);
    expect(value(text, 'newsbrief_sources{state="enabled"}')).toBe(1);
    expect(value(text, "newsbrief_last_successful_poll_timestamp_seconds")).toBeGreaterThan(0);
    const health = (await (await fetch(`${base()}/healthz`)).json()) as { lastSuccessfulPoll: string | null };
    expect(health.lastSuccessfulPoll).toMatch(/^\d{4}-\d\d-\d\dT/);
  }, 80_000);

  it("answers /healthz with the database, the sender and the last poll", async () => {
    await expect.poll(() => world.bot.app.delivery.sender.active).toBe(true);
    const response = await fetch(`${base()}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, database: "ok", sender: "active", lastSuccessfulPoll: null });
    expect((await fetch(`${base()}/nothing`)).status).toBe(404);
  });
});
