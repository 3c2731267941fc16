/** newsbrief's admins: ADMIN_IDS plus those added with /admins, their command menus, and the audit log. */
import type { Chat, Message, User } from "grammy/types";
import { describe, expect, it } from "vitest";
import { useTestBot, type TestBotWorld } from "./harness.ts";
import { dataOf } from "./helpers.ts";
import { storeStory } from "../delivery/stories.ts";

const ADMIN_ID = 5151;
const NEW_ADMIN_ID = 6161;

async function say(world: TestBotWorld, chat: Chat, text: string, until: (m: Message) => boolean): Promise<Message> {
  world.tg.userSends(chat, text);
  return world.tg.waitForBotMessage(chat.id, until);
}

const commandNames = (world: TestBotWorld, chat: Chat, user: User) => world.tg.commandsShownTo(chat, user).map((c) => c.command);

describe("admins", () => {
  const world = useTestBot({ env: { ADMIN_IDS: String(ADMIN_ID) } });

  it("an admin adds another; the new admin's menu shows the admin commands and /breaking works for them; removing undoes both", async () => {
    const adminUser = world.tg.createUser({ id: ADMIN_ID, languageCode: "en" });
    const admin = world.tg.privateChat(adminUser);
    const newUser = world.tg.createUser({ id: NEW_ADMIN_ID, languageCode: "en" });
    const newcomer = world.tg.privateChat(newUser);
    await say(world, newcomer, "/start", () => true);
    expect((await say(world, newcomer, "/breaking", (m) => m.text?.startsWith("Sorry") === true)).text).toBe("Sorry, only newsbrief's admins can use this command.");
    expect(commandNames(world, newcomer, newUser)).not.toContain("breaking");
    await expect.poll(() => commandNames(world, admin, adminUser)).toContain("breaking");

    expect((await say(world, admin, `/admins add ${NEW_ADMIN_ID}`, (m) => m.text?.includes("now a newsbrief admin") === true)).text).toBe(`${NEW_ADMIN_ID} is now a newsbrief admin.`);
    expect(commandNames(world, newcomer, newUser)).toEqual(expect.arrayContaining(["start", "breaking", "stopbroadcast", "stats", "admins", "audit"]));
    await say(world, newcomer, "/breaking", (m) => m.text?.startsWith("⚡ Breaking news") === true);
    await say(world, newcomer, "/cancel", (m) => m.text === "Breaking news cancelled; nothing was sent.");

    const list = await say(world, admin, "/admins", (m) => m.text?.startsWith("newsbrief admins") === true);
    expect(list.text).toContain(`• ${ADMIN_ID} (ADMIN_IDS)\n• ${NEW_ADMIN_ID}`);
    expect((await say(world, newcomer, `/admins remove ${ADMIN_ID}`, (m) => m.text?.includes("ADMIN_IDS") === true)).text).toBe(
      `${ADMIN_ID} is an admin by the bot's configuration (ADMIN_IDS); change it there.`,
    );
    expect((await say(world, admin, `/admins remove ${NEW_ADMIN_ID}`, (m) => m.text?.includes("no longer") === true)).text).toBe(`${NEW_ADMIN_ID} is no longer a newsbrief admin.`);
    expect(commandNames(world, newcomer, newUser)).not.toContain("breaking");
    await say(world, newcomer, "/audit", (m) => m.text === "Sorry, only newsbrief's admins can use this command." && m.message_id > list.message_id);

    const actions = (await world.bot.app.store.audit.recent({ limit: 20 })).map((e) => [e.action, e.actorId]);
    expect(actions).toEqual(expect.arrayContaining([["admin.add", ADMIN_ID], ["admin.remove", ADMIN_ID], ["breaking.open", NEW_ADMIN_ID]]));
  });

  it("an added admin stays one after a restart", async () => {
    const admin = world.tg.privateChat(world.tg.createUser({ id: ADMIN_ID, languageCode: "en" }));
    const newcomer = world.tg.privateChat(world.tg.createUser({ id: NEW_ADMIN_ID, languageCode: "en" }));
    await say(world, admin, `/admins add ${NEW_ADMIN_ID}`, (m) => m.text?.includes("now a newsbrief admin") === true);
    await world.restart();
    await say(world, newcomer, "/breaking", (m) => m.text?.startsWith("⚡ Breaking news") === true);
  });

  it("refuses bad arguments with the usage", async () => {
    const admin = world.tg.privateChat(world.tg.createUser({ id: ADMIN_ID, languageCode: "en" }));
    for (const bad of ["/admins add", "/admins add abc", "/admins promote 5", "/admins add -5", "/admins add 5 6"]) {
      const answer = await say(world, admin, bad, (m) => m.text?.startsWith("/admins add 123456789 makes") === true);
      expect(answer).toBeDefined();
    }
    expect(await world.bot.app.store.admins.list()).toEqual([]);
  });

  it("/audit pages the log newest first, and a forged page button is answered", async () => {
    const admin = world.tg.privateChat(world.tg.createUser({ id: ADMIN_ID, languageCode: "en" }));
    for (let i = 0; i < 12; i++) await world.bot.app.store.audit.record({ actorId: ADMIN_ID, action: `test.action${i}` });
    const first = await say(world, admin, "/audit", (m) => m.text?.startsWith("Audit log · page 1") === true);
    const lines = first.text!.split("\n");
    expect(lines).toHaveLength(11);
    expect(lines[1]).toContain("audit.view");
    expect(lines[2]).toContain("test.action11");
    world.tg.userClicks(admin, first.message_id, dataOf(first, "▶️"));
    const second = await world.tg.waitForBotEdit(admin.id, (m) => m.text?.startsWith("Audit log · page 2") === true);
    expect(second.text).toContain("test.action0");
    expect(second.text).not.toContain("test.action9 ");
  });

  it("/stats: chats by status and kind, followers per topic, today's stories and deliveries, the queue, failing sources", async () => {
    const store = world.bot.app.store;
    const admin = world.tg.privateChat(world.tg.createUser({ id: ADMIN_ID, languageCode: "en" }));
    await say(world, admin, "/start", () => true);
    const readers = [1, 2, 3].map(() => world.tg.privateChat(world.tg.createUser({ languageCode: "en" })));
    for (const chat of readers) {
      await store.chats.touch({ id: chat.id, type: "private" }, "en");
      await store.subscriptions.add({ chatId: chat.id, threadId: 0 }, { kind: "topic", slug: "china" });
    }
    await store.subscriptions.add({ chatId: readers[0]!.id, threadId: 0 }, { kind: "topic", slug: "sport" });
    await store.chats.setStatus(readers[2]!.id, "blocked");
    const { source } = await store.sources.add({ name: "Flaky Times", feedUrl: "https://flaky.example/feed", format: "rss", pollIntervalS: 300 });
    const at = new Date();
    await store.sources.recordFailure(source.id, { at, nextPollAt: at, error: "HTTP 503" });
    await store.sources.recordFailure(source.id, { at, nextPollAt: at, error: "HTTP 503" });
    await storeStory(store, { title: "China story", topics: ["china"] });
    world.bot.app.delivery.nudge();
    await expect.poll(async () => (await store.outbox.figures({ since: new Date(0) })).sent, { timeout: 10_000 }).toBe(2);

    const stats = await say(world, admin, "/stats", (m) => m.text?.startsWith("📊 newsbrief today") === true);
    expect(stats.text).toBe(
      [
        "📊 newsbrief today",
        "Chats: 3 active, 1 blocked the bot, 0 removed it",
        "private: 3",
        "",
        "Followers per topic",
        "• China: 2",
        "• Sport: 1",
        "",
        "Today (UTC): 1 story stored; deliveries 2 sent, 0 failed, 0 blocked",
        "Waiting to be sent: 0",
        "",
        "Failing sources",
        "• Flaky Times (#1): 2 failed polls HTTP 503",
      ].join("\n"),
    );
  });
});
