import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/index.ts";
import { createKyselyStore } from "../../src/store/kysely/store.ts";
import { DEFAULT_CATALOG, TopicValidationError, type Topic } from "../../src/topics/index.ts";
import { forEachDatabase } from "./databases.ts";

forEachDatabase((database, dialect) => {
  let store: Store;
  let clock: Date;

  beforeEach(async () => {
    clock = new Date("2026-03-23T10:00:00Z");
    store = await database().open(() => clock);
  });
  afterEach(() => store.close());

  const lviv: Topic = { slug: "lviv", names: { en: "Lviv", uk: "Львів" }, aliases: ["Lviv", "Львів", "Львова"], sections: ["lviv"], kind: "place" };

  describe("topics", () => {
    it("offers the curated catalog, in its order, from the first start", async () => {
      const slugs = (await store.topics.listEnabled()).map((t) => t.slug);
      expect(slugs).toEqual(DEFAULT_CATALOG.map((t) => t.slug));
      expect(await store.topics.get("china")).toMatchObject({ builtin: true, enabled: true, topic: { names: { en: "China", uk: "Китай" } } });
    });

    it("adds an admin's topic after the catalog and hides a disabled one, keeping it stored", async () => {
      await store.topics.upsert(lviv);
      expect(await store.topics.setEnabled("odesa", false)).toBe(true);
      const slugs = (await store.topics.listEnabled()).map((t) => t.slug);
      expect(slugs.at(-1)).toBe("lviv");
      expect(slugs).not.toContain("odesa");
      expect(await store.topics.get("odesa")).toMatchObject({ enabled: false });
      expect(await store.topics.setEnabled("no-such-topic", false)).toBe(false);
    });

    it("refuses an invalid topic with every problem and stores nothing", async () => {
      const bad = { ...lviv, slug: "Bad Slug", names: { en: "", uk: "Львів" } };
      await expect(store.topics.upsert(bad)).rejects.toThrow(TopicValidationError);
      await expect(store.topics.upsert(bad)).rejects.toThrow(/slug.*; .*en name is empty/);
      expect(await store.topics.get("Bad Slug")).toBeUndefined();
    });

    it("keeps an admin's edit of a catalog topic when the catalog changes, and follows the catalog otherwise", async () => {
      const open = async (catalog: readonly Topic[]) => {
        const db = await database().kysely();
        return { db, store: createKyselyStore(db, { now: () => clock, catalog, dialect: database().dialect }) };
      };
      const kyiv: Topic = { slug: "kyiv", names: { en: "Kyiv", uk: "Київ" }, aliases: ["Kyiv"], sections: [] };
      const odesa: Topic = { slug: "odesa", names: { en: "Odesa", uk: "Одеса" }, aliases: ["Odesa"], sections: [] };
      const first = await open([kyiv, odesa]);
      await first.store.topics.upsert({ ...kyiv, aliases: ["Kyiv", "Kiev"] });
      await first.store.topics.setEnabled("odesa", false);
      await first.store.close();

      const second = await open([
        { ...kyiv, aliases: ["Kyiv", "Київ"] },
        { ...odesa, aliases: ["Odesa", "Odessa"] },
      ]);
      expect((await second.store.topics.get("kyiv"))?.topic.aliases).toEqual(["Kyiv", "Kiev"]);
      expect(await second.store.topics.get("odesa")).toMatchObject({ builtin: true, enabled: false, topic: { aliases: ["Odesa", "Odessa"] } });
      await second.store.close();
    });
  });

  // Several instances share a database only in PostgreSQL. (Two SQLite connections in one process
  // cannot even wait for each other: better-sqlite3's busy wait blocks the thread the other needs.)
  describe.runIf(dialect === "postgres")("several instances on one database", () => {
    it("seed the catalog and add the same feed at the same moment without tripping over each other", async () => {
      const other = await database().open(() => clock);
      const [mine, theirs] = await Promise.all([store.topics.listAll(), other.topics.listAll()]);
      expect(theirs).toEqual(mine);
      const feed = { name: "A", feedUrl: "https://a.example/feed", format: "rss", pollIntervalS: 300 } as const;
      const added = await Promise.all([store.sources.add(feed), other.sources.add(feed), store.sources.add(feed)]);
      expect(added.filter((a) => a.created)).toHaveLength(1);
      expect(new Set(added.map((a) => a.source.id)).size).toBe(1);
      await other.close();
    });
  });

  describe("subscriptions", () => {
    const here = { chatId: 1, threadId: 0 };

    beforeEach(async () => {
      await store.chats.touch({ id: 1, type: "private" });
      await store.chats.touch({ id: -100, type: "supergroup", title: "Forum" });
    });

    it("adds a topic once, lists it, and removes it", async () => {
      expect(await store.subscriptions.add(here, { kind: "topic", slug: "china" }, 1)).toBe(true);
      expect(await store.subscriptions.add(here, { kind: "topic", slug: "china" }, 1)).toBe(false);
      expect(await store.subscriptions.listForChat(1)).toEqual([
        { id: expect.any(Number), chatId: 1, threadId: 0, kind: "topic", target: "china", query: null, createdBy: 1, createdAt: "2026-03-23T10:00:00.000Z" },
      ]);
      expect(await store.subscriptions.count(here)).toBe(1);
      expect(await store.subscriptions.remove(here, "topic", "china")).toBe(true);
      expect(await store.subscriptions.remove(here, "topic", "china")).toBe(false);
      expect(await store.subscriptions.count(here)).toBe(0);
    });

    it("keeps custom keywords with what the user typed, and a forum topic apart from the chat", async () => {
      await store.subscriptions.add(here, { kind: "keywords", key: "odesa -football", query: "Odesa -football" });
      await store.subscriptions.add({ chatId: -100, threadId: 7 }, { kind: "topic", slug: "kyiv" });
      await store.subscriptions.add({ chatId: -100, threadId: 0 }, { kind: "topic", slug: "kyiv" });
      expect(await store.subscriptions.listForChat(1)).toMatchObject([{ kind: "keywords", target: "odesa -football", query: "Odesa -football" }]);
      expect((await store.subscriptions.listForChat(-100, 7)).map((s) => s.threadId)).toEqual([7]);
      expect((await store.subscriptions.listForChat(-100)).map((s) => s.threadId)).toEqual([7, 0]);
      expect((await store.subscriptions.forTopic("kyiv")).map((s) => [s.chatId, s.threadId])).toEqual([
        [-100, 7],
        [-100, 0],
      ]);
      expect(await store.subscriptions.allKeywords()).toMatchObject([{ chatId: 1, target: "odesa -football" }]);
    });

    it("removes by id only inside the chat and thread the id belongs to", async () => {
      await store.subscriptions.add({ chatId: -100, threadId: 7 }, { kind: "topic", slug: "kyiv" });
      const [sub] = await store.subscriptions.listForChat(-100);
      expect(await store.subscriptions.removeById(here, sub!.id)).toBeUndefined();
      expect(await store.subscriptions.removeById({ chatId: -100, threadId: 0 }, sub!.id)).toBeUndefined();
      expect(await store.subscriptions.removeById({ chatId: -100, threadId: 7 }, sub!.id)).toMatchObject({ target: "kyiv" });
      expect(await store.subscriptions.count({ chatId: -100, threadId: 7 })).toBe(0);
    });

    it("delivers a topic only to the chats that follow that topic, not other topics or keywords of the same word", async () => {
      await store.chats.touch({ id: -200, type: "group", title: "Desk" });
      await store.chats.touch({ id: -300, type: "supergroup", title: "Wire" });
      await store.subscriptions.add(here, { kind: "topic", slug: "china" });
      await store.subscriptions.add({ chatId: -100, threadId: 0 }, { kind: "topic", slug: "kyiv" });
      await store.subscriptions.add({ chatId: -200, threadId: 0 }, { kind: "keywords", key: "china", query: "china" });
      await store.subscriptions.add({ chatId: -300, threadId: 4 }, { kind: "topic", slug: "china" });
      expect((await store.subscriptions.forTopic("china")).map((s) => [s.chatId, s.threadId, s.target])).toEqual([
        [1, 0, "china"],
        [-300, 4, "china"],
      ]);
      expect((await store.subscriptions.forTopic("kyiv")).map((s) => s.chatId)).toEqual([-100]);
      expect(await store.subscriptions.forTopic("odesa")).toEqual([]);
    });

    it("leaves chats that blocked the bot or left out of deliveries", async () => {
      await store.subscriptions.add(here, { kind: "topic", slug: "china" });
      await store.subscriptions.add({ chatId: -100, threadId: 0 }, { kind: "topic", slug: "china" });
      await store.chats.setStatus(1, "blocked");
      expect((await store.subscriptions.forTopic("china")).map((s) => s.chatId)).toEqual([-100]);
    });

    it("moves with a group that became a supergroup, keeping threads and custom words", async () => {
      await store.chats.touch({ id: -10, type: "group", title: "Newsroom" });
      await store.subscriptions.add({ chatId: -10, threadId: 0 }, { kind: "topic", slug: "china" }, 5);
      await store.subscriptions.add({ chatId: -10, threadId: 0 }, { kind: "keywords", key: "\"grain deal\"", query: "grain deal" }, 5);
      await store.chats.migrate(-10, -1000010);
      expect(await store.subscriptions.listForChat(-10)).toEqual([]);
      expect(await store.subscriptions.listForChat(-1000010)).toMatchObject([
        { chatId: -1000010, kind: "topic", target: "china", createdBy: 5 },
        { chatId: -1000010, kind: "keywords", target: "\"grain deal\"", query: "grain deal" },
      ]);
    });
  });
});
