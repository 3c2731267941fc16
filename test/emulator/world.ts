// The emulated Telegram world: users, chats (private, groups, supergroups, channels, forum topics),
// memberships and every message, kept in wire shape so the API can answer with it directly.
import type { Chat, ChatMember, MenuButton, Message, User } from "grammy/types";

export type ChatType = "private" | "group" | "supergroup" | "channel";
export type MemberStatus = "creator" | "administrator" | "member" | "restricted" | "left" | "kicked";

export interface UserRecord {
  user: User;
  /** Whether the user has ever opened the bot; a bot cannot start a private conversation itself. */
  startedBot: boolean;
  deadReason?: "blocked" | "deactivated";
}

export interface MemberRecord {
  user: User;
  status: MemberStatus;
}

export interface TopicRecord {
  threadId: number;
  name: string;
  closed: boolean;
}

export interface StoredMessage {
  /** Current state (edits applied). Replaced, never mutated, so earlier snapshots stay intact. */
  message: Message;
  sentBy: "bot" | "user" | "service";
  deleted: boolean;
}

export interface ChatRecord {
  id: number;
  type: ChatType;
  title?: string;
  username?: string;
  isForum: boolean;
  /** For private chats: the other user. */
  userId?: number;
  members: Map<number, MemberRecord>;
  migratedToChatId?: number;
  migratedFromChatId?: number;
  messages: Map<number, StoredMessage>;
  nextMessageId: number;
  topics: Map<number, TopicRecord>;
  menuButton?: MenuButton;
  /** Stable per chat, as Telegram's callback_query.chat_instance. */
  chatInstance: string;
}

export class World {
  readonly users = new Map<number, UserRecord>();
  readonly chats = new Map<number, ChatRecord>();
  private readonly usernames = new Map<string, number>();
  private nextUserId = 100_001;
  private nextGroupSeq = 1;
  private nextChatInstance = 1;

  constructor(readonly botUser: User) {
    this.users.set(botUser.id, { user: botUser, startedBot: true });
  }

  addUser(p: { id?: number; firstName?: string; lastName?: string; username?: string; languageCode?: string; startedBot?: boolean }): UserRecord {
    const id = p.id ?? this.nextUserId++;
    if (this.users.has(id)) throw new Error(`createUser: user ${id} already exists`);
    const user: User = { id, is_bot: false, first_name: p.firstName ?? `User${id}` };
    if (p.lastName !== undefined) user.last_name = p.lastName;
    if (p.username !== undefined) user.username = p.username;
    if (p.languageCode !== undefined) user.language_code = p.languageCode;
    const record: UserRecord = { user, startedBot: p.startedBot ?? true };
    this.users.set(id, record);
    return record;
  }

  requireUser(id: number): UserRecord {
    const record = this.users.get(id);
    if (record === undefined) throw new Error(`Unknown user ${id}: create it with createUser() first`);
    return record;
  }

  /** The private chat with a user (its id equals the user's id, as on Telegram). */
  privateChat(userId: number): ChatRecord {
    const existing = this.chats.get(userId);
    if (existing !== undefined) return existing;
    const record = this.requireUser(userId);
    const chat = this.newChat(userId, "private", { userId });
    chat.members.set(userId, { user: record.user, status: "member" });
    chat.members.set(this.botUser.id, { user: this.botUser, status: "member" });
    return chat;
  }

  addGroup(p: { title: string; type: "group" | "supergroup" | "channel"; username?: string; isForum?: boolean }): ChatRecord {
    const seq = this.nextGroupSeq++;
    // Basic groups have small negative ids; supergroups and channels the -100… form.
    const id = p.type === "group" ? -(4_000_000_000 + seq) : -(1_000_000_000_000 + 2_000_000_000 + seq);
    // In a forum, thread id 1 is the General topic (the chat's first message), so topics start at 2.
    const extra: Partial<ChatRecord> = { title: p.title, isForum: p.isForum === true, nextMessageId: p.isForum === true ? 2 : 1 };
    if (p.username !== undefined) extra.username = p.username;
    return this.newChat(id, p.type, extra);
  }

  private newChat(id: number, type: ChatType, extra: Partial<ChatRecord>): ChatRecord {
    const chat: ChatRecord = {
      id,
      type,
      isForum: false,
      members: new Map(),
      messages: new Map(),
      nextMessageId: 1,
      topics: new Map(),
      chatInstance: String(-8_000_000_000_000_000 + this.nextChatInstance++ * 7919),
      ...extra,
    };
    this.chats.set(id, chat);
    if (chat.username !== undefined) this.usernames.set(chat.username.toLowerCase(), id);
    return chat;
  }

  chatByUsername(username: string): ChatRecord | undefined {
    const id = this.usernames.get(username.toLowerCase());
    return id === undefined ? undefined : this.chats.get(id);
  }

  requireChat(id: number): ChatRecord {
    const chat = this.chats.get(id);
    if (chat === undefined) throw new Error(`Unknown chat ${id}: create it with privateChat()/createGroup()/createChannel() first`);
    return chat;
  }

  botStatus(chat: ChatRecord): MemberStatus {
    return chat.members.get(this.botUser.id)?.status ?? "left";
  }

  setMember(chat: ChatRecord, user: User, status: MemberStatus): MemberRecord | undefined {
    const old = chat.members.get(user.id);
    chat.members.set(user.id, { user, status });
    return old;
  }

  /** Wire shape of a chat as it appears inside messages. */
  chatWire(chat: ChatRecord): Chat {
    switch (chat.type) {
      case "private": {
        const user = this.requireUser(chat.userId ?? chat.id).user;
        const wire: Chat.PrivateChat = { id: chat.id, type: "private", first_name: user.first_name };
        if (user.last_name !== undefined) wire.last_name = user.last_name;
        if (user.username !== undefined) wire.username = user.username;
        return wire;
      }
      case "group":
        return { id: chat.id, type: "group", title: chat.title ?? "" };
      case "supergroup": {
        const wire: Chat.SupergroupChat = { id: chat.id, type: "supergroup", title: chat.title ?? "" };
        if (chat.username !== undefined) wire.username = chat.username;
        if (chat.isForum) wire.is_forum = true;
        return wire;
      }
      case "channel": {
        const wire: Chat.ChannelChat = { id: chat.id, type: "channel", title: chat.title ?? "" };
        if (chat.username !== undefined) wire.username = chat.username;
        return wire;
      }
    }
  }

  /** Wire ChatMember for a user in a chat; users never seen there are "left". */
  chatMemberWire(chat: ChatRecord, user: User): ChatMember {
    const status = chat.type === "private" ? "member" : chat.members.get(user.id)?.status ?? "left";
    switch (status) {
      case "creator":
        return { status, user, is_anonymous: false };
      case "administrator":
        return {
          status,
          user,
          can_be_edited: false,
          is_anonymous: false,
          can_manage_chat: true,
          can_delete_messages: true,
          can_manage_video_chats: true,
          can_restrict_members: true,
          can_promote_members: false,
          can_change_info: true,
          can_invite_users: true,
          can_post_stories: false,
          can_edit_stories: false,
          can_delete_stories: false,
          can_send_welcome_messages: false,
          ...(chat.type === "channel" ? { can_post_messages: true, can_edit_messages: true } : { can_pin_messages: true }),
          ...(chat.isForum ? { can_manage_topics: true } : {}),
        };
      case "member":
        return { status, user };
      case "restricted":
        return {
          status,
          user,
          is_member: true,
          can_send_messages: false,
          can_send_audios: false,
          can_send_documents: false,
          can_send_photos: false,
          can_send_videos: false,
          can_send_video_notes: false,
          can_send_voice_notes: false,
          can_send_polls: false,
          can_send_other_messages: false,
          can_add_web_page_previews: false,
          can_change_info: false,
          can_invite_users: false,
          can_pin_messages: false,
          can_manage_topics: false,
          until_date: 0,
        } as ChatMember;
      case "left":
        return { status, user };
      case "kicked":
        return { status, user, until_date: 0 };
    }
  }

  /** Allocates the next message id in a chat (ids are per chat, shared by bot and users). */
  nextMessageId(chat: ChatRecord): number {
    return chat.nextMessageId++;
  }

  store(chat: ChatRecord, message: Message, sentBy: StoredMessage["sentBy"]): StoredMessage {
    const stored: StoredMessage = { message, sentBy, deleted: false };
    chat.messages.set(message.message_id, stored);
    return stored;
  }

  liveMessage(chat: ChatRecord, messageId: number): StoredMessage | undefined {
    const stored = chat.messages.get(messageId);
    return stored === undefined || stored.deleted ? undefined : stored;
  }
}
