import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { botFor, failure, startPolling } from "./helpers.ts";
import { startEmulator, type TelegramEmulator } from "./index.ts";

let emulator: TelegramEmulator;
beforeEach(async () => {
  emulator = await startEmulator({ flood: false });
});
afterEach(async () => {
  await emulator.close();
});

describe("groups", () => {
  it("reports member statuses through getChatMember and getChatAdministrators", async () => {
    const api = botFor(emulator).api;
    const owner = emulator.createUser({ firstName: "Owner" });
    const admin = emulator.createUser({ firstName: "Admin" });
    const member = emulator.createUser({ firstName: "Member" });
    const outsider = emulator.createUser({ firstName: "Outsider" });
    const group = emulator.createGroup({
      title: "Editors",
      type: "supergroup",
      members: [
        { user: owner, status: "creator" },
        { user: admin, status: "administrator" },
        { user: member, status: "member" },
      ],
    });
    expect((await api.getChatMember(group.id, owner.id)).status).toBe("creator");
    expect(await api.getChatMember(group.id, admin.id)).toMatchObject({ status: "administrator", can_delete_messages: true });
    expect((await api.getChatMember(group.id, member.id)).status).toBe("member");
    expect((await api.getChatMember(group.id, outsider.id)).status).toBe("left");
    expect((await api.getChatMember(group.id, emulator.botUser.id)).status).toBe("member");
    expect((await api.getChatAdministrators(group.id)).map((m) => m.user.id)).toEqual([owner.id, admin.id]);
    expect((await failure(api.getChatMember(group.id, 42))).description).toBe("Bad Request: user not found");

    emulator.setBotStatus(group.id, "administrator");
    expect((await api.getChatMember(group.id, emulator.botUser.id)).status).toBe("administrator");
    const chat = await api.getChat(group.id);
    expect(chat).toMatchObject({ id: group.id, type: "supergroup", title: "Editors" });
    const memberUpdates = (await api.getUpdates()).filter((u) => u.my_chat_member !== undefined);
    expect(memberUpdates.map((u) => u.my_chat_member?.new_chat_member.status)).toEqual(["member", "administrator"]);
  });

  it("migrates a group to a supergroup: old id answers 400 with migrate_to_chat_id, service messages arrive", async () => {
    const bot = botFor(emulator);
    const migrations: [number, number | undefined][] = [];
    bot.on("message:migrate_to_chat_id", (ctx) => void migrations.push([ctx.chat.id, ctx.msg.migrate_to_chat_id]));
    bot.on("message:migrate_from_chat_id", (ctx) => void migrations.push([ctx.chat.id, ctx.msg.migrate_from_chat_id]));
    const owner = emulator.createUser();
    const group = emulator.createGroup({ title: "Club", members: [{ user: owner, status: "creator" }], silent: true });
    expect(group.type).toBe("group");
    const { running } = await startPolling(bot, emulator);

    const supergroup = emulator.migrateGroupToSupergroup(group.id);
    expect(supergroup).toMatchObject({ type: "supergroup", title: "Club" });
    const error = await failure(bot.api.sendMessage(group.id, "hello"));
    expect(error.error_code).toBe(400);
    expect(error.description).toBe("Bad Request: group chat was upgraded to a supergroup chat");
    expect(error.parameters.migrate_to_chat_id).toBe(supergroup.id);
    await bot.api.sendMessage(supergroup.id, "hello");
    expect((await bot.api.getChatMember(supergroup.id, owner.id)).status).toBe("creator");

    await bot.stop();
    await running;
    expect(migrations).toEqual([
      [group.id, supergroup.id],
      [supergroup.id, group.id],
    ]);
  });

  it("applies privacy mode: plain group chatter does not reach the bot, commands and mentions do", async () => {
    const api = botFor(emulator).api;
    const user = emulator.createUser();
    const group = emulator.createGroup({ title: "Chat", members: [{ user, status: "member" }], silent: true });
    emulator.userSends(group, "just chatting");
    emulator.userSends(group, "/brief@newsbrief_test_bot");
    emulator.userSends(group, "hey @newsbrief_test_bot summarize");
    const texts = (await api.getUpdates()).map((u) => u.message?.text);
    expect(texts).toEqual(["/brief@newsbrief_test_bot", "hey @newsbrief_test_bot summarize"]);
    const timeout = await emulator.waitForBotMessage(group.id, () => true, 20).catch((e: unknown) => (e as Error).message);
    expect(timeout).toContain("1 user message(s) in this group were not delivered to the bot because of privacy mode");
  });

  it("sends into forum topics and rejects unknown threads", async () => {
    const api = botFor(emulator).api;
    const user = emulator.createUser();
    const forum = emulator.createGroup({ title: "Forum", isForum: true, members: [{ user, status: "creator" }], silent: true });
    const threadId = emulator.createForumTopic(forum, "Tech");
    const inTopic = await api.sendMessage(forum.id, "tech brief", { message_thread_id: threadId });
    expect(inTopic).toMatchObject({ message_thread_id: threadId, is_topic_message: true });
    expect(inTopic.reply_to_message?.forum_topic_created).toMatchObject({ name: "Tech" });
    expect((await failure(api.sendMessage(forum.id, "x", { message_thread_id: 999 }))).description).toBe("Bad Request: message thread not found");
    const userPost = emulator.userSends(forum, "/follow@newsbrief_test_bot", { messageThreadId: threadId });
    expect(userPost).toMatchObject({ message_thread_id: threadId, is_topic_message: true });
  });
});

describe("bot settings", () => {
  it("stores commands per scope and language and resolves what a user sees", async () => {
    const api = botFor(emulator).api;
    const user = emulator.createUser({ languageCode: "de" });
    const admin = emulator.createUser();
    const group = emulator.createGroup({ title: "G", members: [{ user, status: "member" }, { user: admin, status: "administrator" }], silent: true });
    await api.setMyCommands([{ command: "start", description: "Start" }, { command: "topics", description: "Topics" }]);
    await api.setMyCommands([{ command: "start", description: "Starten" }], { language_code: "de" });
    await api.setMyCommands([{ command: "settings", description: "Group settings" }], { scope: { type: "all_chat_administrators" } });

    expect(await api.getMyCommands()).toEqual([{ command: "start", description: "Start" }, { command: "topics", description: "Topics" }]);
    expect(await api.getMyCommands({ language_code: "de" })).toEqual([{ command: "start", description: "Starten" }]);
    expect(emulator.commandsShownTo(emulator.privateChat(user), user)).toEqual([{ command: "start", description: "Starten" }]);
    expect(emulator.commandsShownTo(group, admin)).toEqual([{ command: "settings", description: "Group settings" }]);
    expect(emulator.commandsShownTo(group, user).map((c) => c.command)).toEqual(["start"]);

    expect((await failure(api.setMyCommands([{ command: "Bad Command", description: "x" }]))).description).toBe("Bad Request: BOT_COMMAND_INVALID");
    await api.deleteMyCommands({ language_code: "de" });
    expect(await api.getMyCommands({ language_code: "de" })).toEqual([]);

    await api.setChatMenuButton({ chat_id: user.id, menu_button: { type: "commands" } });
    expect(await api.getChatMenuButton({ chat_id: user.id })).toEqual({ type: "commands" });
  });

  it("answers getMe with the bot user", async () => {
    const me = await botFor(emulator).api.getMe();
    expect(me).toMatchObject({ id: 123456, is_bot: true, username: "newsbrief_test_bot", can_read_all_group_messages: false });
  });
});
