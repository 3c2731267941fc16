import { describe, expect, it } from "vitest";
import { Api } from "grammy";
import { DEFAULT_CATALOG } from "../../src/topics/index.ts";
import { useTestBot } from "./harness.ts";
import { buttonsOf, dataOf, followedBy, sessionSaved } from "./helpers.ts";

const world = useTestBot();

describe("/topics", () => {
  it("follows and unfollows a topic by toggle, with ✓ on what the chat follows", async () => {
    const chat = world.tg.privateChat(world.tg.createUser({ languageCode: "en" }));
    world.tg.userSends(chat, "/topics");
    const menu = await world.tg.waitForBotMessage(chat.id);
    expect(menu.text).toBe("Tap a topic to follow it in this chat; ✓ marks what it follows. (page 1 of 3)");
    expect(buttonsOf(menu).map((b) => b.text)).toEqual([
      "War in Ukraine", "Russia", "China", "United States", "Europe", "NATO", "Kyiv", "Odesa", "More ›", "➕ Follow your own words…",
    ]);

    const follow = world.tg.userClicks(chat, menu.message_id, dataOf(menu, "China"));
    expect((await world.tg.waitForCallbackAnswer(follow)).text).toBe("Following China. Briefs on it will come here.");
    const ticked = await world.tg.waitForBotEdit(chat.id);
    expect(buttonsOf(ticked).map((b) => b.text).slice(0, 3)).toEqual(["War in Ukraine", "Russia", "✓ China"]);
    expect(await followedBy(world.bot, chat.id)).toEqual(["china"]);

    const unfollow = world.tg.userClicks(chat, menu.message_id, dataOf(ticked, "✓ China"));
    expect((await world.tg.waitForCallbackAnswer(unfollow)).text).toBe("Stopped following China.");
    expect(buttonsOf(await world.tg.waitForBotEdit(chat.id))[2]?.text).toBe("China");
    expect(await followedBy(world.bot, chat.id)).toEqual([]);
  });

  it("pages through every topic, and reopens where the chat left off", async () => {
    const chat = world.tg.privateChat(world.tg.createUser({ languageCode: "uk" }));
    world.tg.userSends(chat, "/topics");
    const menu = await world.tg.waitForBotMessage(chat.id);
    world.tg.userClicks(chat, menu.message_id, dataOf(menu, "Ще ›"));
    const second = await world.tg.waitForBotEdit(chat.id);
    expect(second.text).toMatch(/\(сторінка 2 з 3\)$/);
    expect(buttonsOf(second).map((b) => b.text)).toEqual([
      "Бізнес і економіка", "Енергетика", "Політика", "Світ", "Думки", "Аналітика", "Спорт", "Технології", "‹ Назад", "Ще ›", "➕ Стежити за своїми словами…",
    ]);
    world.tg.userClicks(chat, menu.message_id, dataOf(second, "Ще ›"));
    const third = await world.tg.waitForBotEdit(chat.id);
    const shown = [menu, second, third].flatMap((m) => buttonsOf(m).filter((b) => b.data?.startsWith("tp:t:")).map((b) => b.data?.split(":").at(-1)));
    expect(shown).toEqual(DEFAULT_CATALOG.map((t) => t.slug));
    expect(buttonsOf(third).map((b) => b.text).slice(-2)).toEqual(["‹ Назад", "➕ Стежити за своїми словами…"]);

    await sessionSaved(world.bot, chat.id, { topicsPage: 2 });
    await world.restart();
    world.tg.userSends(chat, "/topics");
    expect((await world.tg.waitForBotMessage(chat.id)).text).toMatch(/\(сторінка 3 з 3\)$/);
  });
});

describe("buttons that were not ours", () => {
  it("refuses forged and stale presses politely and changes nothing", async () => {
    const user = world.tg.createUser({ languageCode: "en" });
    const chat = world.tg.privateChat(user);
    world.tg.userSends(chat, "/subscribe China");
    await world.tg.waitForBotMessage(chat.id);
    const [china] = await world.bot.app.store.subscriptions.listForChat(chat.id);
    const other = world.tg.privateChat(world.tg.createUser({ languageCode: "en" }));
    world.tg.userSends(other, "/subscribe Kyiv");
    await world.tg.waitForBotMessage(other.id);
    const [kyiv] = await world.bot.app.store.subscriptions.listForChat(other.id);

    const forged = [
      "tp:t::0:atlantis", "tp:t::0:China", "tp:t::x:china", "tp:t:5:0:china", "tp:p::99", "tp:p::-1", "tp:z::0", "tp:w::1",
      `sb:r::${kyiv!.id}`, "sb:r::0", "sb:r::abc", "sb:l::1",
      "st::zv:Mars/Olympus", "st::at:0815", "st::qv:0100-0200", "st::lv:fr", "st::nope", "st:123:m",
      "ch:m:-100999", "ch:f:-100999", "ch:m:abc",
    ];
    const api = new Api(world.tg.botToken, { apiRoot: world.tg.apiRoot });
    const stale = await api.sendMessage(chat.id, "old menu", {
      reply_markup: { inline_keyboard: forged.map((data) => [{ text: data, callback_data: data }]) },
    });
    await world.tg.waitForBotMessage(chat.id, (m) => m.message_id === stale.message_id);
    for (const data of forged) {
      const click = world.tg.userClicks(chat, stale.message_id, data);
      expect((await world.tg.waitForCallbackAnswer(click)).text, data).toBe("This button is no longer valid. Please open the menu again.");
    }
    expect(await followedBy(world.bot, chat.id)).toEqual(["china"]);
    expect(await followedBy(world.bot, other.id)).toEqual(["kyiv"]);
    expect((await world.bot.app.store.chats.get(chat.id))?.settings.timeZone).toBe("Europe/Kyiv");
    expect(world.tg.botMessages(chat.id).at(-1)?.text).toBe("old menu");
    expect(china).toBeDefined();
  });
});
