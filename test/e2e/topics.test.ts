import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Api } from "grammy";
import type { TelegramEmulator } from "../emulator/index.ts";
import { DEFAULT_CATALOG } from "../../src/topics/index.ts";
import { startTestBot, testWorld, type RunningTestBot } from "./harness.ts";
import { buttonsOf, dataOf, followedBy, sessionSaved } from "./helpers.ts";

let tg: TelegramEmulator;
let databasePath: string;
let bot: RunningTestBot;

beforeEach(async () => {
  ({ tg, databasePath } = await testWorld());
  bot = await startTestBot(tg, { databasePath });
});

afterEach(async () => {
  await bot.stop();
  await tg.close();
});

describe("/topics", () => {
  it("follows and unfollows a topic by toggle, with ✓ on what the chat follows", async () => {
    const chat = tg.privateChat(tg.createUser({ languageCode: "en" }));
    tg.userSends(chat, "/topics");
    const menu = await tg.waitForBotMessage(chat.id);
    expect(menu.text).toBe("Tap a topic to follow it in this chat; ✓ marks what it follows. (page 1 of 3)");
    expect(buttonsOf(menu).map((b) => b.text)).toEqual([
      "War in Ukraine", "Russia", "China", "United States", "Europe", "NATO", "Kyiv", "Odesa", "More ›", "➕ Follow your own words…",
    ]);

    const follow = tg.userClicks(chat, menu.message_id, dataOf(menu, "China"));
    expect((await tg.waitForCallbackAnswer(follow)).text).toBe("Following China. Briefs on it will come here.");
    const ticked = await tg.waitForBotEdit(chat.id);
    expect(buttonsOf(ticked).map((b) => b.text).slice(0, 3)).toEqual(["War in Ukraine", "Russia", "✓ China"]);
    expect(await followedBy(bot, chat.id)).toEqual(["china"]);

    const unfollow = tg.userClicks(chat, menu.message_id, dataOf(ticked, "✓ China"));
    expect((await tg.waitForCallbackAnswer(unfollow)).text).toBe("Stopped following China.");
    expect(buttonsOf(await tg.waitForBotEdit(chat.id))[2]?.text).toBe("China");
    expect(await followedBy(bot, chat.id)).toEqual([]);
  });

  it("pages through every topic, and reopens where the chat left off", async () => {
    const chat = tg.privateChat(tg.createUser({ languageCode: "uk" }));
    tg.userSends(chat, "/topics");
    const menu = await tg.waitForBotMessage(chat.id);
    tg.userClicks(chat, menu.message_id, dataOf(menu, "Ще ›"));
    const second = await tg.waitForBotEdit(chat.id);
    expect(second.text).toMatch(/\(сторінка 2 з 3\)$/);
    expect(buttonsOf(second).map((b) => b.text)).toEqual([
      "Бізнес і економіка", "Енергетика", "Політика", "Світ", "Думки", "Аналітика", "Спорт", "Технології", "‹ Назад", "Ще ›", "➕ Стежити за своїми словами…",
    ]);
    tg.userClicks(chat, menu.message_id, dataOf(second, "Ще ›"));
    const third = await tg.waitForBotEdit(chat.id);
    const shown = [menu, second, third].flatMap((m) => buttonsOf(m).filter((b) => b.data?.startsWith("tp:t:")).map((b) => b.data?.split(":").at(-1)));
    expect(shown).toEqual(DEFAULT_CATALOG.map((t) => t.slug));
    expect(buttonsOf(third).map((b) => b.text).slice(-2)).toEqual(["‹ Назад", "➕ Стежити за своїми словами…"]);

    await sessionSaved(bot, chat.id, { topicsPage: 2 });
    await bot.stop();
    bot = await startTestBot(tg, { databasePath });
    tg.userSends(chat, "/topics");
    expect((await tg.waitForBotMessage(chat.id)).text).toMatch(/\(сторінка 3 з 3\)$/);
  });
});

describe("buttons that were not ours", () => {
  it("refuses forged and stale presses politely and changes nothing", async () => {
    const user = tg.createUser({ languageCode: "en" });
    const chat = tg.privateChat(user);
    tg.userSends(chat, "/subscribe China");
    await tg.waitForBotMessage(chat.id);
    const [china] = await bot.app.store.subscriptions.listForChat(chat.id);
    const other = tg.privateChat(tg.createUser({ languageCode: "en" }));
    tg.userSends(other, "/subscribe Kyiv");
    await tg.waitForBotMessage(other.id);
    const [kyiv] = await bot.app.store.subscriptions.listForChat(other.id);

    const forged = [
      "tp:t::0:atlantis", "tp:t::0:China", "tp:t::x:china", "tp:t:5:0:china", "tp:p::99", "tp:p::-1", "tp:z::0", "tp:w::1",
      `sb:r::${kyiv!.id}`, "sb:r::0", "sb:r::abc", "sb:l::1",
      "st::zv:Mars/Olympus", "st::at:0815", "st::qv:0100-0200", "st::lv:fr", "st::nope", "st:123:m",
      "ch:m:-100999", "ch:f:-100999", "ch:m:abc",
    ];
    const api = new Api(tg.botToken, { apiRoot: tg.apiRoot });
    const stale = await api.sendMessage(chat.id, "old menu", {
      reply_markup: { inline_keyboard: forged.map((data) => [{ text: data, callback_data: data }]) },
    });
    await tg.waitForBotMessage(chat.id, (m) => m.message_id === stale.message_id);
    for (const data of forged) {
      const click = tg.userClicks(chat, stale.message_id, data);
      expect((await tg.waitForCallbackAnswer(click)).text, data).toBe("This button is no longer valid. Please open the menu again.");
    }
    expect(await followedBy(bot, chat.id)).toEqual(["china"]);
    expect(await followedBy(bot, other.id)).toEqual(["kyiv"]);
    expect((await bot.app.store.chats.get(chat.id))?.settings.timeZone).toBe("Europe/Kyiv");
    expect(tg.botMessages(chat.id).at(-1)?.text).toBe("old menu");
    expect(china).toBeDefined();
  });
});
