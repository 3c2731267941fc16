// getChat, getChatMember, getChatAdministrators, getChatMemberCount, leaveChat, createForumTopic.
import type { ChatFullInfo, ChatMember } from "grammy/types";
import { badRequest } from "../api-error.ts";
import type { MethodHandler } from "../emulator-core.ts";
import { optInt, optString } from "../params.ts";

const getChat: MethodHandler = (core, params) => {
  const chat = core.chatFromParams(params);
  core.assertReachable(chat);
  const full = {
    ...core.world.chatWire(chat),
    accent_color_id: 0,
    max_reaction_count: 11,
    accepted_gift_types: { unlimited_gifts: false, limited_gifts: false, unique_gifts: false, premium_subscription: false, gifts_from_channels: false },
  };
  return full as ChatFullInfo;
};

const getChatMember: MethodHandler = (core, params) => {
  const chat = core.chatFromParams(params);
  core.assertReachable(chat);
  const userId = optInt(params, "user_id");
  if (userId === undefined) throw badRequest("Invalid user_id specified");
  const user = core.world.users.get(userId)?.user;
  if (user === undefined) throw badRequest("User not found");
  if (chat.type === "private" && userId !== chat.id && userId !== core.botUser.id) throw badRequest("User not found");
  return core.world.chatMemberWire(chat, user);
};

const getChatAdministrators: MethodHandler = (core, params) => {
  const chat = core.chatFromParams(params);
  core.assertReachable(chat);
  if (chat.type === "private") throw badRequest("There are no administrators in the private chat");
  const admins: ChatMember[] = [];
  for (const member of chat.members.values()) {
    if (member.status === "creator" || member.status === "administrator") admins.push(core.world.chatMemberWire(chat, member.user));
  }
  return admins;
};

const getChatMemberCount: MethodHandler = (core, params) => {
  const chat = core.chatFromParams(params);
  core.assertReachable(chat);
  if (chat.type === "private") return 2;
  let count = 0;
  for (const member of chat.members.values()) if (member.status !== "left" && member.status !== "kicked") count++;
  return count;
};

const leaveChat: MethodHandler = (core, params) => {
  const chat = core.chatFromParams(params);
  core.assertReachable(chat);
  if (chat.type === "private") throw badRequest("Chat member status can't be changed in private chats");
  const old = core.world.chatMemberWire(chat, core.botUser);
  core.world.setMember(chat, core.botUser, "left");
  core.pushMyChatMember(chat, core.botUser, old, core.world.chatMemberWire(chat, core.botUser));
  return true;
};

const createForumTopic: MethodHandler = (core, params) => {
  const chat = core.chatFromParams(params);
  core.assertCanSend(chat);
  if (!chat.isForum) throw badRequest("The chat is not a forum");
  const status = core.world.botStatus(chat);
  if (status !== "administrator" && status !== "creator") throw badRequest("Not enough rights to create a topic");
  const name = optString(params, "name") ?? "";
  if (name.length < 1 || name.length > 128) throw badRequest("Topic name must be 1-128 characters long");
  const iconColor = optInt(params, "icon_color") ?? 7322096;
  const created = core.createTopicMessage(chat, core.botUser, name, iconColor);
  return { message_thread_id: created.message_id, name, icon_color: iconColor };
};

export const chatMethods: Record<string, MethodHandler> = {
  getChat,
  getChatMember,
  getChatAdministrators,
  getChatMemberCount,
  leaveChat,
  createForumTopic,
};
