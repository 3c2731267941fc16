/** A channel set up and managed from its admin's private chat. */
import { describe, expect, it } from "vitest";
import { Api } from "grammy";
import type { Message } from "grammy/types";
import { useTestBot } from "./harness.ts";
import { buttonsOf, dataOf } from "./helpers.ts";

const world = useTestBot();

describe("/channel", () => {
  it("sets up a channel after checking both admins, then manages its topics, words and settings from the private chat", async () => {
    const owner = world.tg.createUser({ firstName: "Olha", languageCode: "en" });
    const channel = world.tg.createChannel({ title: "Odesa Daily", username: "odesadaily", admins: [owner] });
    const dm = world.tg.privateChat(owner);

    world.tg.userSends(dm, "/channel @odesadaily");
    const menu = await world.tg.waitForBotMessage(dm.id);
    expect(menu.text).toBe("Done: Odesa Daily is set up.\n\nManaging the channel Odesa Daily. Choose what to change:");
    expect(buttonsOf(menu).map((b) => b.text)).toEqual(["📰 Topics", "➕ Own words", "📋 Followed", "⚙️ Settings", "Remove from this list"]);
    expect(await world.bot.app.store.chats.get(channel.id)).toMatchObject({ type: "channel", title: "Odesa Daily", username: "odesadaily" });

    world.tg.userClicks(dm, menu.message_id, dataOf(menu, "📰 Topics"));
    const topics = await world.tg.waitForBotEdit(dm.id);
    expect(topics.text).toMatch(/^Topics for the channel Odesa Daily\. Tap one to follow it there/);
    const follow = world.tg.userClicks(dm, menu.message_id, dataOf(topics, "Odesa"));
    expect((await world.tg.waitForCallbackAnswer(follow)).text).toBe("Following Odesa. Briefs on it will come here.");
    expect(buttonsOf(await world.tg.waitForBotEdit(dm.id))[7]?.text).toBe("✓ Odesa");

    world.tg.userClicks(dm, menu.message_id, dataOf(topics, "➕ Follow your own words…"));
    const question = await world.tg.waitForBotMessage(dm.id);
    expect(question.text).toMatch(/^What should the channel Odesa Daily follow\?/);
    world.tg.userSends(dm, "port, harbour -football");
    expect((await world.tg.waitForBotMessage(dm.id)).text).toBe("Following your words: port, harbour -football. Any article that mentions them will come here.");

    expect((await world.bot.app.store.subscriptions.listForChat(channel.id)).map((s) => s.target)).toEqual(["odesa", "harbour, port -football"]);
    // The private chat itself follows nothing: everything went to the channel.
    expect(await world.bot.app.store.subscriptions.listForChat(dm.id)).toEqual([]);

    world.tg.userSends(dm, "/channel");
    const list = await world.tg.waitForBotMessage(dm.id);
    expect(buttonsOf(list).map((b) => b.text)).toEqual(["Odesa Daily"]);
    world.tg.userClicks(dm, list.message_id, dataOf(list, "Odesa Daily"));
    const again = await world.tg.waitForBotEdit(dm.id);
    world.tg.userClicks(dm, list.message_id, dataOf(again, "⚙️ Settings"));
    const settings = await world.tg.waitForBotEdit(dm.id);
    expect(settings.text).toMatch(/^⚙️ Settings of the channel Odesa Daily\n\nDelivery: As they come\nTime zone: Europe\/Kyiv\n/);
    world.tg.userClicks(dm, list.message_id, dataOf(settings, "🖼 Images: on"));
    const changed = await world.tg.waitForBotEdit(dm.id);
    expect(buttonsOf(changed).map((b) => b.text)).toContain("🖼 Images: off");
    expect((await world.bot.app.store.chats.get(channel.id))?.settings.images).toBe(false);
    expect((await world.bot.app.store.chats.get(dm.id))?.settings.images).toBe(true);

    world.tg.userClicks(dm, list.message_id, dataOf(changed, "« Channel menu"));
    const back = await world.tg.waitForBotEdit(dm.id);
    expect(back.text).toBe("Managing the channel Odesa Daily. Choose what to change:");
    world.tg.userClicks(dm, list.message_id, dataOf(back, "📋 Followed"));
    expect((await world.tg.waitForBotEdit(dm.id)).text).toMatch(/^The channel Odesa Daily follows 2 things:\n\n• Odesa\n• your words: port, harbour -football/);
    const audit = await world.bot.app.store.audit.recent({ chatId: channel.id, limit: 10 });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["channel.setup", "subscription.add", "chat.settings"]));
  });

  it("refuses when the bot or the user is not an admin there, or the name is no channel", async () => {
    const owner = world.tg.createUser({ languageCode: "en" });
    const stranger = world.tg.createUser({ languageCode: "en" });
    world.tg.createChannel({ title: "Quiet Channel", username: "quietchan", admins: [owner], botIsAdmin: false });
    world.tg.createChannel({ title: "Busy Channel", username: "busychan", admins: [owner] });
    world.tg.createGroup({ title: "Chat Group", type: "supergroup", username: "chatgroup", members: [{ user: owner, status: "creator" }] });
    const say = async (user: typeof owner, text: string) => {
      const dm = world.tg.privateChat(user);
      world.tg.userSends(dm, text);
      return (await world.tg.waitForBotMessage(dm.id)).text;
    };
    expect(await say(owner, "/channel @quietchan")).toBe(
      `I am not an administrator of Quiet Channel who may post. Make @${world.tg.botUser.username} an admin with the right to post messages, then try again.`,
    );
    // Telegram refuses getChatMember outright when the bot is not in the channel any more.
    world.tg.injectFault({ method: "getChatMember", errorCode: 403, description: "Forbidden: bot is not a member of the channel chat", count: 1 });
    expect(await say(owner, "/channel @busychan")).toMatch(/^I am not an administrator of Busy Channel who may post\./);
    expect(await say(stranger, "/channel https://t.me/busychan")).toBe("Only administrators of Busy Channel can set it up.");
    expect(await say(owner, "/channel @nosuchchannel")).toBe(
      `I can't see @nosuchchannel. Add @${world.tg.botUser.username} to the channel as an administrator, then try again.`,
    );
    expect(await say(owner, "/channel @chatgroup")).toBe("Chat Group is not a channel. In a group, send /topics and /settings there.");
    expect(await say(owner, "/channel not a channel!")).toMatch(/^That does not look like a channel\./);
    expect(await say(stranger, "/channel")).toMatch(/^To send briefs to a channel you run:/);
  });

  it("sets up a channel from a forwarded post", async () => {
    const owner = world.tg.createUser({ languageCode: "en" });
    const channel = world.tg.createChannel({ title: "Forwarded", admins: [owner] });
    const post = world.tg.channelPost(channel, "Morning news");
    const dm = world.tg.privateChat(owner);
    // The emulator has no user-side forwarding: push the update Telegram sends for one.
    const core = (world.tg as unknown as { core: { pushMessage(kind: "message", message: Message): unknown } }).core;
    core.pushMessage("message", {
      message_id: 900,
      date: Math.floor(Date.now() / 1000),
      chat: dm,
      from: owner,
      text: "Morning news",
      forward_origin: { type: "channel", chat: post.chat as Message["chat"] & { type: "channel" }, message_id: post.message_id, date: post.date },
    } as Message);
    expect((await world.tg.waitForBotMessage(dm.id)).text).toMatch(/^Done: Forwarded is set up\./);
  });

  it("re-checks the admin on every press, and refuses channel buttons from anyone else", async () => {
    const owner = world.tg.createUser({ languageCode: "en" });
    const stranger = world.tg.createUser({ languageCode: "en" });
    const channel = world.tg.createChannel({ title: "Mine", username: "minechan", admins: [owner] });
    world.tg.userSends(world.tg.privateChat(owner), "/channel @minechan");
    const menu = await world.tg.waitForBotMessage(owner.id);

    // A stranger who copies the buttons into their own chat gets nowhere.
    const api = new Api(world.tg.botToken, { apiRoot: world.tg.apiRoot });
    const copied = await api.sendMessage(stranger.id, "copied", { reply_markup: { inline_keyboard: [buttonsOf(menu).map((b) => ({ text: b.text, callback_data: b.data ?? "" }))] } });
    await world.tg.waitForBotMessage(stranger.id, (m) => m.message_id === copied.message_id);
    for (const button of buttonsOf(menu).slice(0, 4)) {
      const click = world.tg.userClicks(stranger.id, copied.message_id, button.data ?? "");
      expect((await world.tg.waitForCallbackAnswer(click)).text, button.text).toBe("Only the chat's administrators can change this.");
    }

    // The owner steps down: the old menu no longer works for them either.
    world.tg.setMemberStatus(channel, owner, "member");
    const click = world.tg.userClicks(owner.id, menu.message_id, dataOf(menu, "📰 Topics"));
    expect((await world.tg.waitForCallbackAnswer(click)).text).toBe("Only the chat's administrators can change this.");
    expect(await world.bot.app.store.subscriptions.listForChat(channel.id)).toEqual([]);
  });

  it("is set up only from a private chat", async () => {
    const admin = world.tg.createUser({ languageCode: "en" });
    const group = world.tg.createGroup({ title: "G", members: [{ user: admin, status: "creator" }] });
    world.tg.userSends(group, "/channel @something", { from: admin });
    expect((await world.tg.waitForBotMessage(group.id)).text).toBe("Channels are set up in a private chat with me: open it and send /channel @yourchannel.");
  });
});
