import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { botFor, failure } from "./helpers.ts";
import { startEmulator, type TelegramEmulator } from "./index.ts";

let emulator: TelegramEmulator;
beforeEach(async () => {
  emulator = await startEmulator({ flood: false });
});
afterEach(async () => {
  await emulator.close();
});

describe("chats the bot can no longer reach", () => {
  it("answers 403 'bot was blocked by the user' after blockBot, and tells the bot", async () => {
    const api = botFor(emulator).api;
    const user = emulator.createUser();
    await api.sendMessage(user.id, "welcome");
    emulator.blockBot(user.id);
    const error = await failure(api.sendMessage(user.id, "digest"));
    expect(error.error_code).toBe(403);
    expect(error.description).toBe("Forbidden: bot was blocked by the user");
    const updates = await api.getUpdates();
    expect(updates.at(-1)?.my_chat_member).toMatchObject({ from: { id: user.id }, new_chat_member: { status: "kicked" } });
    // Sending /start again unblocks, as "Restart bot" does.
    emulator.userSends(emulator.privateChat(user), "/start");
    await api.sendMessage(user.id, "welcome back");
  });

  it("answers 403 'user is deactivated' for deleted accounts", async () => {
    const user = emulator.createUser();
    emulator.blockBot(user.id, "deactivated");
    const error = await failure(botFor(emulator).api.sendMessage(user.id, "digest"));
    expect(error.description).toBe("Forbidden: user is deactivated");
  });

  it("answers 400 'chat not found' for unknown chats and 403 for users who never started the bot", async () => {
    const api = botFor(emulator).api;
    expect((await failure(api.sendMessage(987654321, "x"))).description).toBe("Bad Request: chat not found");
    expect((await failure(api.sendMessage("@nobody_here", "x"))).description).toBe("Bad Request: chat not found");
    const stranger = emulator.createUser({ startedBot: false });
    expect((await failure(api.sendMessage(stranger.id, "x"))).description).toBe("Forbidden: bot can't initiate conversation with a user");
  });

  it("answers 403 after the bot was kicked from a group or left it", async () => {
    const api = botFor(emulator).api;
    const admin = emulator.createUser();
    const group = emulator.createGroup({ title: "Team", type: "supergroup", members: [{ user: admin, status: "creator" }], silent: true });
    emulator.setBotStatus(group.id, "kicked");
    expect((await failure(api.sendMessage(group.id, "x"))).description).toBe("Forbidden: bot was kicked from the supergroup chat");
    const other = emulator.createGroup({ title: "Other", members: [{ user: admin, status: "creator" }], silent: true });
    expect(await api.leaveChat(other.id)).toBe(true);
    expect((await failure(api.sendMessage(other.id, "x"))).description).toBe("Forbidden: bot is not a member of the group chat");
  });

  it("needs admin rights to post in a channel, and posts there as the channel", async () => {
    const api = botFor(emulator).api;
    const owner = emulator.createUser();
    const news = emulator.createChannel({ title: "Daily", username: "daily_news", admins: [owner], silent: true });
    const post = await api.sendMessage("@daily_news", "Today's brief");
    expect(post.chat).toEqual({ id: news.id, type: "channel", title: "Daily", username: "daily_news" });
    expect(post.sender_chat?.id).toBe(news.id);
    expect(post.from).toBeUndefined();
    const readOnly = emulator.createChannel({ title: "RO", admins: [owner], botIsAdmin: false, silent: true });
    expect((await failure(api.sendMessage(readOnly.id, "x"))).description).toBe("Bad Request: need administrator rights in the channel chat");
  });

  it("delivers channel posts to a bot that is in the channel", async () => {
    const api = botFor(emulator).api;
    const owner = emulator.createUser();
    const channel = emulator.createChannel({ title: "Wire", admins: [owner], silent: true });
    const post = emulator.channelPost(channel, "Breaking: #markets up", { authorSignature: "Ed" });
    const [update] = await api.getUpdates();
    expect(update?.channel_post).toEqual(post);
    expect(post.entities).toEqual([{ type: "hashtag", offset: 10, length: 8 }]);
  });
});
