import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Api } from "grammy";
import type { Message } from "grammy/types";
import { MENU_COMMANDS } from "../../src/bot/commands.ts";
import type { TelegramEmulator } from "../emulator/index.ts";
import { startTestBot, testWorld, type RunningTestBot } from "./harness.ts";

let tg: TelegramEmulator;
let databasePath: string;
let bot: RunningTestBot | undefined;

beforeEach(async () => {
  ({ tg, databasePath } = await testWorld());
  bot = await startTestBot(tg, { databasePath });
});

afterEach(async () => {
  await bot?.stop();
  await tg.close();
});

const buttonsOf = (message: Message) =>
  message.reply_markup?.inline_keyboard.flat().map((b) => ({ text: b.text, data: "callback_data" in b ? b.callback_data : undefined })) ?? [];

describe("first contact", () => {
  it("welcomes a Ukrainian user in Ukrainian and an English one in English", async () => {
    const olena = tg.createUser({ firstName: "Олена", languageCode: "uk" });
    const john = tg.createUser({ firstName: "John <b>", languageCode: "en-GB" });
    tg.userSends(tg.privateChat(olena), "/start");
    tg.userSends(tg.privateChat(john), "/start");
    expect((await tg.waitForBotMessage(olena.id)).text).toMatch(/^Вітаю, Олена! Я newsbrief/);
    // The name is the user's own text: it is shown as written, never as markup.
    expect((await tg.waitForBotMessage(john.id)).text).toMatch(/^Hello, John <b>! I am newsbrief/);
  });

  it("falls back to the default locale for a language it does not speak", async () => {
    const hans = tg.createUser({ firstName: "Hans", languageCode: "de" });
    tg.userSends(tg.privateChat(hans), "/start");
    expect((await tg.waitForBotMessage(hans.id)).text).toMatch(/^Hello, Hans!/);
  });

  it("publishes the command menu in both languages", async () => {
    await expect.poll(() => tg.commandsFor({ languageCode: "uk" }).length).toBe(MENU_COMMANDS.length);
    expect(tg.commandsFor({ languageCode: "uk" }).map((c) => c.command)).toEqual([...MENU_COMMANDS]);
    const language = (languageCode?: string) => tg.commandsFor(languageCode ? { languageCode } : {}).find((c) => c.command === "language");
    expect(language("uk")?.description).toBe("Змінити мову");
    expect(language("en")?.description).toBe("Change the language");
    expect(language()?.description).toBe("Change the language");
  });
});

describe("start-up", () => {
  it("starts without its command menu when Telegram refuses it, and says so in the log", async () => {
    await bot?.stop();
    tg.injectFault({ method: "setMyCommands", errorCode: 400, description: "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID", count: 100 });
    const restarted = await startTestBot(tg, { databasePath });
    bot = restarted;
    await expect.poll(() => restarted.logs.find((line) => line.msg === "could not publish the command menus")?.level).toBe(40);
    const user = tg.createUser({ languageCode: "en" });
    tg.userSends(tg.privateChat(user), "/help");
    expect((await tg.waitForBotMessage(user.id)).text).toMatch(/^newsbrief turns news articles/);
  });
});

describe("/language", () => {
  it("switches the chat to Ukrainian for every later reply, and keeps it after a restart", async () => {
    const user = tg.createUser({ firstName: "Ann", languageCode: "en" });
    const chat = tg.privateChat(user);
    tg.userSends(chat, "/language");
    const menu = await tg.waitForBotMessage(chat.id);
    expect(menu.text).toBe("Choose the language of this chat:");
    expect(buttonsOf(menu)).toEqual([
      { text: "✓ English", data: "lang:en" },
      { text: "Українська", data: "lang:uk" },
    ]);

    const click = tg.userClicks(chat, menu.message_id, "lang:uk");
    expect((await tg.waitForCallbackAnswer(click)).text).toBe("Тепер чат розмовляє українською.");
    const edited = await tg.waitForBotEdit(chat.id);
    expect(edited.text).toBe("Оберіть мову цього чату:");
    expect(buttonsOf(edited)[1]).toEqual({ text: "✓ Українська", data: "lang:uk" });
    // The same choice again: Telegram says "message is not modified", which is no error.
    const again = tg.userClicks(chat, menu.message_id, "lang:uk");
    expect((await tg.waitForCallbackAnswer(again)).text).toBe("Тепер чат розмовляє українською.");
    expect(bot?.logs.filter((line) => line.level >= 50)).toEqual([]);

    tg.userSends(chat, "/help");
    expect((await tg.waitForBotMessage(chat.id)).text).toMatch(/^newsbrief перетворює новинні статті/);

    await bot?.stop();
    bot = await startTestBot(tg, { databasePath });
    tg.userSends(chat, "/start");
    expect((await tg.waitForBotMessage(chat.id)).text).toMatch(/^Вітаю, Ann!/);
  });

  it("refuses forged or stale language buttons and changes nothing", async () => {
    const user = tg.createUser({ languageCode: "en" });
    const chat = tg.privateChat(user);
    tg.userSends(chat, "/start");
    await tg.waitForBotMessage(chat.id);
    // Buttons as an older version of the bot, or a tampered client, might have left them.
    const forged = ["lang:fr", "lang:", "lang:uk:extra", "lang:EN"];
    const api = new Api(tg.botToken, { apiRoot: tg.apiRoot });
    const stale = await api.sendMessage(chat.id, "old menu", {
      reply_markup: { inline_keyboard: [forged.map((data) => ({ text: data, callback_data: data }))] },
    });
    await tg.waitForBotMessage(chat.id, (m) => m.message_id === stale.message_id);
    for (const data of forged) {
      const click = tg.userClicks(chat, stale.message_id, data);
      expect((await tg.waitForCallbackAnswer(click)).text).toBe("This button is no longer valid. Please open the menu again.");
    }
    expect((await bot?.app.store.chats.get(chat.id))?.locale).toBe("en");
    tg.userSends(chat, "/help");
    expect((await tg.waitForBotMessage(chat.id)).text).toMatch(/^newsbrief turns news articles/);
  });

  it("lets only a group's admins change its language", async () => {
    const admin = tg.createUser({ firstName: "Admin", languageCode: "en" });
    const member = tg.createUser({ firstName: "Member", languageCode: "en" });
    const group = tg.createGroup({
      title: "Newsroom",
      type: "supergroup",
      members: [
        { user: admin, status: "administrator" },
        { user: member, status: "member" },
      ],
    });
    tg.userSends(group, "/language", { from: member });
    const menu = await tg.waitForBotMessage(group.id);
    const refused = tg.userClicks(group, menu.message_id, "lang:uk", { from: member });
    expect(await tg.waitForCallbackAnswer(refused)).toMatchObject({ text: "Only the chat's administrators can change this.", show_alert: true });
    const accepted = tg.userClicks(group, menu.message_id, "lang:uk", { from: admin });
    expect((await tg.waitForCallbackAnswer(accepted)).text).toBe("Тепер чат розмовляє українською.");
  });
});

describe("anything else", () => {
  it("answers an unknown command and stray text with a pointer to /help", async () => {
    const user = tg.createUser({ languageCode: "en" });
    const chat = tg.privateChat(user);
    tg.userSends(chat, "/frobnicate now");
    expect((await tg.waitForBotMessage(chat.id)).text).toBe("I don't know /frobnicate. Send /help to see what I can do.");
    tg.userSends(chat, "what's new?");
    expect((await tg.waitForBotMessage(chat.id)).text).toBe("I answer commands only. Send /help to see them.");
  });

  it("ignores commands meant for other bots in groups", async () => {
    const user = tg.createUser({ languageCode: "en" });
    const group = tg.createGroup({ title: "G", type: "supergroup", members: [{ user, status: "member" }] });
    tg.userSends(group, "/weather@other_bot", { from: user });
    tg.userSends(group, `/frob@${tg.botUser.username}`, { from: user });
    const reply = await tg.waitForBotMessage(group.id);
    expect(reply.text).toBe("I don't know /frob. Send /help to see what I can do.");
    expect(tg.botMessages(group.id)).toHaveLength(1);
  });

  it("keeps running when a handler fails, and tells the user", async () => {
    const user = tg.createUser({ languageCode: "en" });
    const chat = tg.privateChat(user);
    tg.injectFault({ method: "sendMessage", errorCode: 400, description: "Bad Request: message thread not found", count: 1, chatId: chat.id });
    tg.userSends(chat, "/help");
    expect((await tg.waitForBotMessage(chat.id)).text).toBe("Something went wrong on our side. Please try again in a moment.");
    const failure = bot?.logs.find((line) => line.msg === "Telegram refused a request");
    expect(failure).toMatchObject({ method: "sendMessage", code: 400, chatId: chat.id });
    expect(failure?.updateId).toEqual(expect.any(Number));

    tg.userSends(chat, "/help");
    expect((await tg.waitForBotMessage(chat.id)).text).toMatch(/^newsbrief turns news articles/);
  });

  it("marks a chat that blocked the bot", async () => {
    const user = tg.createUser({ languageCode: "en" });
    const chat = tg.privateChat(user);
    tg.userSends(chat, "/start");
    await tg.waitForBotMessage(chat.id);
    tg.blockBot(user.id);
    await expect.poll(async () => (await bot?.app.store.chats.get(chat.id))?.status).toBe("blocked");
  });
});

describe("shutdown", () => {
  it("finishes the updates in hand before it closes the database", async () => {
    await bot?.stop();
    bot = undefined;
    // A slow Bot API keeps the reply in flight while the bot is told to stop.
    const slow = await testWorld({ latencyMs: 300 });
    const running = await startTestBot(slow.tg, { databasePath: slow.databasePath });
    try {
      await expect.poll(() => slow.tg.commandsFor({ languageCode: "uk" }).length, { timeout: 5_000 }).toBe(MENU_COMMANDS.length);
      const user = slow.tg.createUser({ languageCode: "en" });
      slow.tg.userSends(slow.tg.privateChat(user), "/language");
      await expect.poll(() => slow.tg.stats.inFlight, { timeout: 5_000 }).toBeGreaterThan(0);
      await running.stop();
      expect(slow.tg.botMessages(user.id).map((m) => m.text)).toEqual(["Choose the language of this chat:"]);
      expect(running.logs.filter((line) => line.level >= 50)).toEqual([]);
    } finally {
      await running.stop();
      await slow.tg.close();
    }
  });
});
