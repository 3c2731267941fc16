/** A channel set up and managed from its admin's private chat. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Api } from "grammy";
import type { Message } from "grammy/types";
import type { TelegramEmulator } from "../emulator/index.ts";
import { startTestBot, testWorld, type RunningTestBot } from "./harness.ts";
import { buttonsOf, dataOf } from "./helpers.ts";

let tg: TelegramEmulator;
let bot: RunningTestBot;

beforeEach(async () => {
  const world = await testWorld();
  tg = world.tg;
  bot = await startTestBot(tg, { databasePath: world.databasePath });
});

afterEach(async () => {
  await bot.stop();
  await tg.close();
});

describe("/channel", () => {
  it("sets up a channel after checking both admins, then manages its topics, words and settings from the private chat", async () => {
    const owner = tg.createUser({ firstName: "Olha", languageCode: "en" });
    const channel = tg.createChannel({ title: "Odesa Daily", username: "odesadaily", admins: [owner] });
    const dm = tg.privateChat(owner);

    tg.userSends(dm, "/channel @odesadaily");
    const menu = await tg.waitForBotMessage(dm.id);
    expect(menu.text).toBe("Done: Odesa Daily is set up.\n\nManaging the channel Odesa Daily. Choose what to change:");
    expect(buttonsOf(menu).map((b) => b.text)).toEqual(["📰 Topics", "➕ Own words", "📋 Followed", "⚙️ Settings", "Remove from this list"]);
    expect(await bot.app.store.chats.get(channel.id)).toMatchObject({ type: "channel", title: "Odesa Daily", username: "odesadaily" });

    tg.userClicks(dm, menu.message_id, dataOf(menu, "📰 Topics"));
    const topics = await tg.waitForBotEdit(dm.id);
    expect(topics.text).toMatch(/^Topics for the channel Odesa Daily\. Tap one to follow it there/);
    const follow = tg.userClicks(dm, menu.message_id, dataOf(topics, "Odesa"));
    expect((await tg.waitForCallbackAnswer(follow)).text).toBe("Following Odesa. Briefs on it will come here.");
    expect(buttonsOf(await tg.waitForBotEdit(dm.id))[7]?.text).toBe("✓ Odesa");

    tg.userClicks(dm, menu.message_id, dataOf(topics, "➕ Follow your own words…"));
    const question = await tg.waitForBotMessage(dm.id);
    expect(question.text).toMatch(/^What should the channel Odesa Daily follow\?/);
    tg.userSends(dm, "port, harbour -football");
    expect((await tg.waitForBotMessage(dm.id)).text).toBe("Following your words: port, harbour -football. Any article that mentions them will come here.");

    expect((await bot.app.store.subscriptions.listForChat(channel.id)).map((s) => s.target)).toEqual(["odesa", "harbour, port -football"]);
    // The private chat itself follows nothing: everything went to the channel.
    expect(await bot.app.store.subscriptions.listForChat(dm.id)).toEqual([]);

    tg.userSends(dm, "/channel");
    const list = await tg.waitForBotMessage(dm.id);
    expect(buttonsOf(list).map((b) => b.text)).toEqual(["Odesa Daily"]);
    tg.userClicks(dm, list.message_id, dataOf(list, "Odesa Daily"));
    const again = await tg.waitForBotEdit(dm.id);
    tg.userClicks(dm, list.message_id, dataOf(again, "⚙️ Settings"));
    const settings = await tg.waitForBotEdit(dm.id);
    expect(settings.text).toMatch(/^⚙️ Settings of the channel Odesa Daily\n\nDelivery: As they come\nTime zone: Europe\/Kyiv\n/);
    tg.userClicks(dm, list.message_id, dataOf(settings, "🖼 Images: on"));
    const changed = await tg.waitForBotEdit(dm.id);
    expect(buttonsOf(changed).map((b) => b.text)).toContain("🖼 Images: off");
    expect((await bot.app.store.chats.get(channel.id))?.settings.images).toBe(false);
    expect((await bot.app.store.chats.get(dm.id))?.settings.images).toBe(true);

    tg.userClicks(dm, list.message_id, dataOf(changed, "« Channel menu"));
    const back = await tg.waitForBotEdit(dm.id);
    expect(back.text).toBe("Managing the channel Odesa Daily. Choose what to change:");
    tg.userClicks(dm, list.message_id, dataOf(back, "📋 Followed"));
    expect((await tg.waitForBotEdit(dm.id)).text).toMatch(/^The channel Odesa Daily follows 2 things:\n\n• Odesa\n• your words: port, harbour -football/);
    const audit = await bot.app.store.audit.recent({ chatId: channel.id, limit: 10 });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["channel.setup", "subscription.add", "chat.settings"]));
  });

  it("refuses when the bot or the user is not an admin there, or the name is no channel", async () => {
    const owner = tg.createUser({ languageCode: "en" });
    const stranger = tg.createUser({ languageCode: "en" });
    tg.createChannel({ title: "Quiet Channel", username: "quietchan", admins: [owner], botIsAdmin: false });
    tg.createChannel({ title: "Busy Channel", username: "busychan", admins: [owner] });
    tg.createGroup({ title: "Chat Group", type: "supergroup", username: "chatgroup", members: [{ user: owner, status: "creator" }] });
    const say = async (user: typeof owner, text: string) => {
      const dm = tg.privateChat(user);
      tg.userSends(dm, text);
      return (await tg.waitForBotMessage(dm.id)).text;
    };
    expect(await say(owner, "/channel @quietchan")).toBe(
      `I am not an administrator of Quiet Channel who may post. Make @${tg.botUser.username} an admin with the right to post messages, then try again.`,
    );
    expect(await say(stranger, "/channel https://t.me/busychan")).toBe("Only administrators of Busy Channel can set it up.");
    expect(await say(owner, "/channel @nosuchchannel")).toBe(
      `I can't see @nosuchchannel. Add @${tg.botUser.username} to the channel as an administrator, then try again.`,
    );
    expect(await say(owner, "/channel @chatgroup")).toBe("Chat Group is not a channel. In a group, send /topics and /settings there.");
    expect(await say(owner, "/channel not a channel!")).toMatch(/^That does not look like a channel\./);
    expect(await say(stranger, "/channel")).toMatch(/^To send briefs to a channel you run:/);
  });

  it("sets up a channel from a forwarded post", async () => {
    const owner = tg.createUser({ languageCode: "en" });
    const channel = tg.createChannel({ title: "Forwarded", admins: [owner] });
    const post = tg.channelPost(channel, "Morning news");
    const dm = tg.privateChat(owner);
    // The emulator has no user-side forwarding: push the update Telegram sends for one.
    const core = (tg as unknown as { core: { pushMessage(kind: "message", message: Message): unknown } }).core;
    core.pushMessage("message", {
      message_id: 900,
      date: Math.floor(Date.now() / 1000),
      chat: dm,
      from: owner,
      text: "Morning news",
      forward_origin: { type: "channel", chat: post.chat as Message["chat"] & { type: "channel" }, message_id: post.message_id, date: post.date },
    } as Message);
    expect((await tg.waitForBotMessage(dm.id)).text).toMatch(/^Done: Forwarded is set up\./);
  });

  it("re-checks the admin on every press, and refuses channel buttons from anyone else", async () => {
    const owner = tg.createUser({ languageCode: "en" });
    const stranger = tg.createUser({ languageCode: "en" });
    const channel = tg.createChannel({ title: "Mine", username: "minechan", admins: [owner] });
    tg.userSends(tg.privateChat(owner), "/channel @minechan");
    const menu = await tg.waitForBotMessage(owner.id);

    // A stranger who copies the buttons into their own chat gets nowhere.
    const api = new Api(tg.botToken, { apiRoot: tg.apiRoot });
    const copied = await api.sendMessage(stranger.id, "copied", { reply_markup: { inline_keyboard: [buttonsOf(menu).map((b) => ({ text: b.text, callback_data: b.data ?? "" }))] } });
    await tg.waitForBotMessage(stranger.id, (m) => m.message_id === copied.message_id);
    for (const button of buttonsOf(menu).slice(0, 4)) {
      const click = tg.userClicks(stranger.id, copied.message_id, button.data ?? "");
      expect((await tg.waitForCallbackAnswer(click)).text, button.text).toBe("Only the chat's administrators can change this.");
    }

    // The owner steps down: the old menu no longer works for them either.
    tg.setMemberStatus(channel, owner, "member");
    const click = tg.userClicks(owner.id, menu.message_id, dataOf(menu, "📰 Topics"));
    expect((await tg.waitForCallbackAnswer(click)).text).toBe("Only the chat's administrators can change this.");
    expect(await bot.app.store.subscriptions.listForChat(channel.id)).toEqual([]);
  });

  it("is set up only from a private chat", async () => {
    const admin = tg.createUser({ languageCode: "en" });
    const group = tg.createGroup({ title: "G", members: [{ user: admin, status: "creator" }] });
    tg.userSends(group, "/channel @something", { from: admin });
    expect((await tg.waitForBotMessage(group.id)).text).toBe("Channels are set up in a private chat with me: open it and send /channel @yourchannel.");
  });
});
