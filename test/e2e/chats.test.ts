/** Topics and subscriptions in groups, forum topics and upgraded groups. */
import { describe, expect, it } from "vitest";
import { useTestBot } from "./harness.ts";
import { buttonsOf, dataOf } from "./helpers.ts";

const world = useTestBot();

const subsOf = async (chatId: number) =>
  (await world.bot.app.store.subscriptions.listForChat(chatId)).map((s) => ({ threadId: s.threadId, target: s.target }));

describe("groups", () => {
  it("lets everyone look but only admins change what the group follows", async () => {
    const admin = world.tg.createUser({ firstName: "Admin", languageCode: "en" });
    const member = world.tg.createUser({ firstName: "Member", languageCode: "en" });
    const group = world.tg.createGroup({
      title: "Newsroom",
      type: "supergroup",
      members: [
        { user: admin, status: "administrator" },
        { user: member, status: "member" },
      ],
    });

    world.tg.userSends(group, "/subscribe China", { from: member });
    expect((await world.tg.waitForBotMessage(group.id)).text).toBe("Only the chat's administrators can change this.");
    world.tg.userSends(group, `/topics@${world.tg.botUser.username}`, { from: member });
    const menu = await world.tg.waitForBotMessage(group.id);
    const refused = world.tg.userClicks(group, menu.message_id, dataOf(menu, "China"), { from: member });
    expect(await world.tg.waitForCallbackAnswer(refused)).toMatchObject({ text: "Only the chat's administrators can change this.", show_alert: true });
    // Paging only changes what is shown: anyone may.
    const paged = world.tg.userClicks(group, menu.message_id, dataOf(menu, "More ›"), { from: member });
    await world.tg.waitForCallbackAnswer(paged);
    await world.tg.waitForBotEdit(group.id);
    expect(await subsOf(group.id)).toEqual([]);

    world.tg.userSends(group, "/subscribe China", { from: admin });
    expect((await world.tg.waitForBotMessage(group.id)).text).toBe("Following China. Briefs on it will come here.");
    world.tg.userSends(group, "/mysubs", { from: member });
    const list = await world.tg.waitForBotMessage(group.id);
    expect(list.text).toMatch(/^This chat follows one thing:\n\n• China/);
    const removal = world.tg.userClicks(group, list.message_id, dataOf(list, "✕ China"), { from: member });
    expect((await world.tg.waitForCallbackAnswer(removal)).text).toBe("Only the chat's administrators can change this.");
    world.tg.userSends(group, "/unsubscribe China", { from: member });
    expect((await world.tg.waitForBotMessage(group.id)).text).toBe("Only the chat's administrators can change this.");
    expect(await subsOf(group.id)).toEqual([{ threadId: 0, target: "china" }]);
  });

  it("asks a group admin for words with a reply that gets through privacy mode", async () => {
    const admin = world.tg.createUser({ languageCode: "en" });
    const other = world.tg.createUser({ languageCode: "en" });
    const group = world.tg.createGroup({
      title: "G",
      members: [
        { user: admin, status: "creator" },
        { user: other, status: "member" },
      ],
    });
    const command = world.tg.userSends(group, "/subscribe", { from: admin });
    const question = await world.tg.waitForBotMessage(group.id);
    expect(question.reply_to_message?.message_id).toBe(command.message_id);
    // Someone else answering does not count; nor does chatter that is not a reply.
    world.tg.userSends(group, "Odesa", { from: other, replyTo: question.message_id });
    world.tg.userSends(group, "grain deal", { from: admin, replyTo: question.message_id });
    expect((await world.tg.waitForBotMessage(group.id)).text).toBe("Following your words: grain deal. Any article that mentions them will come here.");
    expect(await subsOf(group.id)).toEqual([{ threadId: 0, target: '"grain deal"' }]);
  });

  it("keeps a group's subscriptions when it becomes a supergroup", async () => {
    const admin = world.tg.createUser({ languageCode: "en" });
    const group = world.tg.createGroup({ title: "Old group", members: [{ user: admin, status: "creator" }] });
    world.tg.userSends(group, "/subscribe China", { from: admin });
    world.tg.userSends(group, "/subscribe Odesa -football", { from: admin });
    await world.tg.waitForBotMessage(group.id);
    await world.tg.waitForBotMessage(group.id);

    const supergroup = world.tg.migrateGroupToSupergroup(group.id);
    await expect.poll(() => subsOf(supergroup.id)).toEqual([
      { threadId: 0, target: "china" },
      { threadId: 0, target: "odesa -football" },
    ]);
    expect(await subsOf(group.id)).toEqual([]);
    world.tg.userSends(supergroup, "/mysubs", { from: admin });
    expect((await world.tg.waitForBotMessage(supergroup.id)).text).toMatch(/^This chat follows 2 things:\n\n• China\n• your words: Odesa -football/);
    const forDelivery = await world.bot.app.store.subscriptions.forTopic("china");
    expect(forDelivery.map((s) => s.chatId)).toEqual([supergroup.id]);
  });
});

describe("forum topics", () => {
  it("subscribes the forum topic a command came from, and answers in it", async () => {
    const admin = world.tg.createUser({ languageCode: "en" });
    const forum = world.tg.createGroup({ title: "Forum", isForum: true, members: [{ user: admin, status: "creator" }] });
    const china = world.tg.createForumTopic(forum, "China desk", { from: admin });
    const kyiv = world.tg.createForumTopic(forum, "Kyiv desk", { from: admin });

    world.tg.userSends(forum, "/topics", { from: admin, messageThreadId: china });
    const menu = await world.tg.waitForBotMessage(forum.id);
    expect(menu.message_thread_id).toBe(china);
    expect(menu.text).toMatch(/^Topics for this forum topic\./);
    world.tg.userClicks(forum, menu.message_id, dataOf(menu, "China"), { from: admin });
    expect(buttonsOf(await world.tg.waitForBotEdit(forum.id))[2]?.text).toBe("✓ China");

    world.tg.userSends(forum, "/subscribe Kyiv", { from: admin, messageThreadId: kyiv });
    const reply = await world.tg.waitForBotMessage(forum.id);
    expect(reply).toMatchObject({ message_thread_id: kyiv, text: "Following Kyiv. Briefs on it will come here." });
    world.tg.userSends(forum, "/subscribe Kyiv", { from: admin });
    expect((await world.tg.waitForBotMessage(forum.id)).message_thread_id).toBeUndefined();

    expect(await subsOf(forum.id)).toEqual([
      { threadId: china, target: "china" },
      { threadId: kyiv, target: "kyiv" },
      { threadId: 0, target: "kyiv" },
    ]);
    world.tg.userSends(forum, "/mysubs", { from: admin, messageThreadId: china });
    const list = await world.tg.waitForBotMessage(forum.id);
    expect(list).toMatchObject({ message_thread_id: china, text: expect.stringMatching(/^This forum topic follows one thing:\n\n• China\n/) });
  });
});
