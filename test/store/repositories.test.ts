import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_CHAT_SETTINGS, type Store } from "../../src/store/index.ts";
import { forEachDatabase } from "./databases.ts";

forEachDatabase((database) => {
  let store: Store;
  let clock: Date;

  beforeEach(async () => {
    clock = new Date("2026-03-23T10:00:00Z");
    store = await database().open(() => clock);
  });
  afterEach(() => store.close());

  describe("chats", () => {
    it("creates a chat on first contact with the hinted locale and default settings", async () => {
      const chat = await store.chats.touch({ id: 1, type: "private", username: "ada" }, "uk");
      expect(chat).toEqual({
        id: 1,
        type: "private",
        title: null,
        username: "ada",
        locale: "uk",
        settings: DEFAULT_CHAT_SETTINGS,
        status: "active",
        migratedTo: null,
        createdAt: "2026-03-23T10:00:00.000Z",
        updatedAt: "2026-03-23T10:00:00.000Z",
      });
    });

    it("keeps the chosen locale when the chat is seen again, and refreshes its title", async () => {
      await store.chats.touch({ id: -5, type: "group", title: "Old" }, "en");
      await store.chats.setLocale(-5, "uk");
      clock = new Date("2026-03-24T00:00:00Z");
      const again = await store.chats.touch({ id: -5, type: "group", title: "New" }, "en");
      expect(again).toMatchObject({ title: "New", locale: "uk", updatedAt: "2026-03-24T00:00:00.000Z", createdAt: "2026-03-23T10:00:00.000Z" });
    });

    it("merges settings patches over the stored ones", async () => {
      await store.chats.touch({ id: 2, type: "private" });
      await store.chats.updateSettings(2, { delivery: "digest" });
      const chat = await store.chats.updateSettings(2, { quietHours: { from: "23:00", to: "07:00" } });
      expect(chat.settings).toEqual({ ...DEFAULT_CHAT_SETTINGS, delivery: "digest", quietHours: { from: "23:00", to: "07:00" } });
    });

    it("marks a blocked chat and reactivates it when it writes again", async () => {
      await store.chats.touch({ id: 3, type: "private" });
      await store.chats.setStatus(3, "blocked");
      expect((await store.chats.get(3))?.status).toBe("blocked");
      expect((await store.chats.touch({ id: 3, type: "private" })).status).toBe("active");
    });

    it("moves locale, settings and subscriptions to the supergroup a group became", async () => {
      await store.chats.touch({ id: -10, type: "group", title: "Newsroom" }, "uk");
      await store.chats.updateSettings(-10, { delivery: "digest" });
      // The supergroup may already be known (its first message can arrive before the migration notice).
      await store.chats.touch({ id: -1000010, type: "supergroup", title: "Newsroom" }, "en");
      await store.chats.migrate(-10, -1000010);
      expect(await store.chats.get(-1000010)).toMatchObject({ type: "supergroup", locale: "uk", status: "active", settings: { delivery: "digest" } });
      expect(await store.chats.get(-10)).toMatchObject({ status: "migrated", migratedTo: -1000010 });
      // Seeing the old group again does not bring it back to life.
      expect((await store.chats.touch({ id: -10, type: "group", title: "Newsroom" })).status).toBe("migrated");
    });
  });

  describe("state", () => {
    it("reads back what it wrote, per namespace, and forgets on delete", async () => {
      await store.state.write("session", "42", { topicsPage: 2 });
      await store.state.write("conversation", "42", { other: true });
      expect(await store.state.read("session", "42")).toEqual({ topicsPage: 2 });
      await store.state.write("session", "42", { topicsPage: 3 });
      expect(await store.state.read("session", "42")).toEqual({ topicsPage: 3 });
      await store.state.delete("session", "42");
      expect(await store.state.read("session", "42")).toBeUndefined();
      expect(await store.state.read("conversation", "42")).toEqual({ other: true });
    });
  });

  describe("audit log", () => {
    it("lists the newest entries first, per chat", async () => {
      await store.audit.record({ actorId: 1, chatId: 10, action: "chat.locale", details: { locale: "uk" } });
      await store.audit.record({ actorId: 2, chatId: 20, action: "chat.locale", details: { locale: "en" } });
      await store.audit.record({ actorId: 1, chatId: 10, action: "chat.settings" });
      const entries = await store.audit.recent({ chatId: 10, limit: 10 });
      expect(entries.map((e) => [e.action, e.details])).toEqual([
        ["chat.settings", {}],
        ["chat.locale", { locale: "uk" }],
      ]);
      expect(await store.audit.recent({ limit: 1 })).toHaveLength(1);
    });
  });
});
