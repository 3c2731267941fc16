import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Planner } from "../../src/delivery/planner.ts";
import { openSqliteStore, type Store } from "../../src/store/index.ts";
import { silentLogger } from "../store/helpers.ts";
import { ManualClock } from "./manual-clock.ts";
import { storeStory } from "./stories.ts";

let store: Store;
let clock: ManualClock;
let planner: Planner;

beforeEach(async () => {
  clock = new ManualClock("2026-11-29T12:00:00Z");
  store = await openSqliteStore({ path: ":memory:", logger: silentLogger, now: clock.now });
  planner = new Planner({ store, log: silentLogger, holder: "test", now: clock.now, timers: clock });
});
afterEach(async () => {
  await planner.stop();
  await store.close();
});

async function chat(id: number, follows: Array<string | { words: string }>, threadId = 0) {
  await store.chats.touch({ id, type: id > 0 ? "private" : "supergroup" });
  for (const f of follows) {
    await store.subscriptions.add(
      { chatId: id, threadId },
      typeof f === "string" ? { kind: "topic", slug: f } : { kind: "keywords", key: f.words, query: f.words },
    );
  }
}

/** Rows as (chat, thread, kind) for a story, and the planned mark. */
async function rowsOf(articleId: number) {
  const rows = await store.outbox.claim("peek", new Date("2030-01-01T00:00:00Z"), new Date("2030-01-01T00:00:00Z"), 1000);
  await store.outbox.reschedule(rows.map((r) => r.id), clock.now(), null);
  return rows.filter((r) => r.articleId === articleId).map((r) => ({ chatId: r.chatId, threadId: r.threadId, kind: r.kind }));
}

describe("the planner", () => {
  it("plans one row per chat and thread that follows the story, however many of its topics match", async () => {
    await chat(1, ["china", "nato"]);
    await chat(2, ["sport"]);
    await chat(-100, ["china"], 7);
    await chat(-100, ["nato"], 0);
    await chat(3, [{ words: "grain" }]);
    await chat(4, [{ words: "grain -corridor" }]);
    const story = await storeStory(store, { title: "China and NATO discuss grain", topics: ["china", "nato"], body: "China and NATO discuss grain shipments through the corridor." });
    expect(await planner.planRound()).toBe(1);
    expect((await rowsOf(story.id)).sort((a, b) => a.chatId - b.chatId || a.threadId - b.threadId)).toEqual([
      { chatId: -100, threadId: 0, kind: "brief" },
      { chatId: -100, threadId: 7, kind: "brief" },
      { chatId: 1, threadId: 0, kind: "brief" },
      { chatId: 3, threadId: 0, kind: "brief" },
    ]);
    expect((await store.articles.get(story.id))?.plannedAt).toBe(clock.now().toISOString());
    expect(await planner.planRound()).toBe(0);
  });

  it("leaves out chats that are not active, and archived stories", async () => {
    await chat(1, ["china"]);
    await chat(2, ["china"]);
    await store.chats.setStatus(2, "blocked");
    const story = await storeStory(store, { topics: ["china"] });
    const archived = await storeStory(store, { topics: ["china"], deliver: false });
    await planner.planRound();
    expect((await rowsOf(story.id)).map((r) => r.chatId)).toEqual([1]);
    expect(await rowsOf(archived.id)).toEqual([]);
  });

  it("plans a story looked at twice (a crash before it was marked, another process) once per chat", async () => {
    await chat(1, ["china"]);
    const story = await storeStory(store, { topics: ["china"] });
    const row = { chatId: 1, threadId: 0, kind: "brief" as const, notBefore: clock.now(), priority: 0, payload: {} };
    expect(await store.outbox.plan(story.id, [row, row], clock.now())).toBe(1);
    expect(await store.outbox.plan(story.id, [row], clock.now())).toBe(0);
    expect(await rowsOf(story.id)).toEqual([{ chatId: 1, threadId: 0, kind: "brief" }]);
  });

  it("adds another outlet's copy of a planned story to the rows not yet sent, and plans nothing for it", async () => {
    await chat(1, ["china"]);
    const group = await store.articles.createStoryGroup("Grain deal");
    const kyiv = await store.sources.add({ name: "Kyiv Post", feedUrl: "https://kyivpost.example/feed", format: "rss", pollIntervalS: 300 });
    const reuters = await store.sources.add({ name: "Reuters", feedUrl: "https://reuters.example/feed", format: "rss", pollIntervalS: 300 });
    const bbc = await store.sources.add({ name: "BBC", feedUrl: "https://bbc.example/feed", format: "rss", pollIntervalS: 300 });
    const first = await storeStory(store, { topics: ["china"], storyGroupId: group, sourceId: kyiv.source.id });
    await planner.planRound();
    await storeStory(store, { topics: ["china"], storyGroupId: group, sourceId: reuters.source.id });
    await storeStory(store, { topics: ["china"], storyGroupId: group, sourceId: bbc.source.id });
    await storeStory(store, { topics: ["china"], storyGroupId: group, sourceId: kyiv.source.id });
    await planner.planRound();
    const rows = await store.outbox.claim("peek", clock.now(), clock.now(), 10);
    expect(rows.map((r) => [r.articleId, r.payload])).toEqual([[first.id, { alsoReportedBy: ["Reuters", "BBC"] }]]);
  });

  it("gives another outlet's copy only to chats the story has not reached (its topics differ)", async () => {
    await chat(1, ["china"]);
    await chat(2, ["economy"]);
    const group = await store.articles.createStoryGroup("Grain deal");
    const first = await storeStory(store, { topics: ["china"], storyGroupId: group, source: "Kyiv Post" });
    await planner.planRound();
    const copy = await storeStory(store, { topics: ["china", "economy"], storyGroupId: group });
    await planner.planRound();
    expect(await rowsOf(first.id)).toEqual([{ chatId: 1, threadId: 0, kind: "brief" }]);
    expect(await rowsOf(copy.id)).toEqual([{ chatId: 2, threadId: 0, kind: "brief" }]);
    expect((await store.articles.get(copy.id))?.plannedAt).not.toBeNull();
  });

  it("sends now to a chat whose time zone the runtime does not know, rather than never", async () => {
    await chat(1, ["china"]);
    await store.chats.updateSettings(1, { delivery: "digest", timeZone: "Mars/Olympus_Mons" });
    const story = await storeStory(store, { topics: ["china"] });
    await planner.planRound();
    expect(await rowsOf(story.id)).toEqual([{ chatId: 1, threadId: 0, kind: "brief" }]);
  });

  it("finds stories another process stored at its next poll, and at once when nudged", async () => {
    await chat(1, ["china"]);
    let planned = 0;
    planner = new Planner({ store, log: silentLogger, holder: "test", now: clock.now, timers: clock, pollMs: 1000, onPlanned: (n) => (planned += n) });
    planner.start();
    await planner.settled();
    await storeStory(store, { topics: ["china"] });
    expect(planned).toBe(0);
    clock.advance(1000);
    await planner.settled();
    expect(planned).toBe(1);
    await storeStory(store, { topics: ["china"] });
    planner.nudge();
    await planner.settled();
    expect(planned).toBe(2);
  });

  it("plans on one instance at a time; another takes over when it stops or dies", async () => {
    await chat(1, ["china"]);
    const other = new Planner({ store, log: silentLogger, holder: "other", now: clock.now, timers: clock, leaseTtlMs: 30_000 });
    const first = await storeStory(store, { topics: ["china"] });
    expect(await planner.planRound()).toBe(1);
    const second = await storeStory(store, { topics: ["china"] });
    // The lease is the first planner's: the other does not read the story's recipients again.
    expect(await other.planRound()).toBe(0);
    expect((await store.articles.get(second.id))?.plannedAt).toBeNull();
    // Its holder dies (stops renewing): once the lease lapses, the other plans.
    clock.advance(30_000);
    expect(await other.planRound()).toBe(1);
    expect(await rowsOf(first.id)).toHaveLength(1);
    expect(await rowsOf(second.id)).toHaveLength(1);
    // One that stops hands it over at once.
    await other.stop();
    await storeStory(store, { topics: ["china"] });
    expect(await planner.planRound()).toBe(1);
  });
});
