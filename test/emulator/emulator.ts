// The test-side face of the emulator: build a world (users, groups, channels, topics), act as users
// (send text, click buttons, inline queries, block the bot), and observe what the bot did.
import type { Server } from "node:http";
import type { BotCommand, BotCommandScope, Chat, MenuButton, Message, User, UserFromGetMe } from "grammy/types";
import { EmulatorCore, type ApiCall, type ChatActionRecord } from "./emulator-core.ts";
import type { FaultSpec } from "./faults.ts";
import { mimeTypeFor, type SentDocument } from "./files.ts";
import { DEFAULT_FLOOD_LIMITS } from "./flood-control.ts";
import { detectEntities } from "./formatting/detect-entities.ts";
import type { EmulatorStats } from "./load-stats.ts";
import { ALL_METHODS } from "./methods/index.ts";
import type { EmulatorOptions, ResolvedOptions } from "./options.ts";
import type { Params } from "./params.ts";
import { callbackDataOf } from "./reply-markup.ts";
import { startServer, stopServer } from "./server.ts";
import { WebhookDelivery } from "./webhook.ts";
import type { ChatRecord, MemberStatus } from "./world.ts";

export type ChatRef = Chat | number;
const idOf = (chat: ChatRef): number => (typeof chat === "number" ? chat : chat.id);

function resolveOptions(options: EmulatorOptions): ResolvedOptions {
  return {
    botToken: options.botToken ?? "123456:TEST-TOKEN",
    botUsername: options.botUsername ?? "newsbrief_test_bot",
    botFirstName: options.botFirstName ?? "Newsbrief Test Bot",
    flood: options.flood === false ? false : { ...DEFAULT_FLOOD_LIMITS, ...options.flood },
    privacyMode: options.privacyMode ?? true,
    queryAnswerTimeoutMs: options.queryAnswerTimeoutMs ?? 15_000,
    webhook: {
      retryBaseMs: options.webhook?.retryBaseMs ?? 100,
      retryMaxMs: options.webhook?.retryMaxMs ?? 5_000,
      timeoutMs: options.webhook?.timeoutMs ?? 10_000,
    },
    defaultWaitMs: options.defaultWaitMs ?? 3_000,
    latencyMs: options.latencyMs ?? 0,
    now: options.now ?? Date.now,
    port: options.port ?? 0,
    random429: options.random429 === undefined ? undefined : { retryAfter: 1, seed: 1, ...options.random429 },
    keepHistory: options.keepHistory ?? true,
  };
}

export class TelegramEmulator {
  readonly botToken: string;
  readonly botUser: UserFromGetMe;
  private closed = false;

  private constructor(
    private readonly core: EmulatorCore,
    private readonly server: Server,
    private readonly webhook: WebhookDelivery,
    /** "http://127.0.0.1:<port>" — pass to `new Bot(token, { client: { apiRoot } })`. */
    readonly apiRoot: string,
  ) {
    this.botToken = core.options.botToken;
    this.botUser = core.botUser;
  }

  static async start(options: EmulatorOptions = {}): Promise<TelegramEmulator> {
    const core = new EmulatorCore(resolveOptions(options), ALL_METHODS);
    const webhook = new WebhookDelivery(core);
    const { server, apiRoot } = await startServer(core);
    return new TelegramEmulator(core, server, webhook, apiRoot);
  }

  /** Ends pending long polls (with an empty batch) and waits, stops webhook delivery, closes the server. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.core.queue.endHeldPoll();
    this.webhook.close();
    const reason = "the emulator was closed";
    this.core.sent.rejectAll(reason);
    this.core.edits.rejectAll(reason);
    this.core.callbackAnswers.rejectAll(reason);
    this.core.inlineAnswers.rejectAll(reason);
    // Let the empty long-poll answer leave before sockets are cut.
    await new Promise((resolve) => setImmediate(resolve));
    await stopServer(this.server);
  }

  // ── world ───────────────────────────────────────────────────────────────────────────────────

  /**
   * A user. `startedBot` (default true) says whether they have opened the bot before; a bot cannot
   * write first to a user who never did (403 "bot can't initiate conversation with a user").
   */
  createUser(p: { id?: number; firstName?: string; lastName?: string; username?: string; languageCode?: string; startedBot?: boolean } = {}): User {
    return this.core.world.addUser(p).user;
  }

  /** The private chat with a user; its id is the user's id. */
  privateChat(user: User | number): Chat {
    const chat = this.core.world.privateChat(typeof user === "number" ? user : user.id);
    return this.core.world.chatWire(chat);
  }

  /**
   * A group (default) or supergroup with the bot in it (`botStatus`, default "member"). Unless
   * `silent`, the bot gets the my_chat_member update Telegram sends when a bot is added.
   */
  createGroup(p: {
    title: string;
    type?: "group" | "supergroup";
    isForum?: boolean;
    username?: string;
    members?: { user: User; status: "creator" | "administrator" | "member" }[];
    botStatus?: "member" | "administrator";
    silent?: boolean;
  }): Chat {
    const type = p.isForum === true ? "supergroup" : p.type ?? "group";
    const chat = this.core.world.addGroup({ title: p.title, type, ...(p.isForum === true ? { isForum: true } : {}), ...(p.username !== undefined ? { username: p.username } : {}) });
    for (const member of p.members ?? []) this.core.world.setMember(chat, member.user, member.status);
    this.joinBot(chat, p.botStatus ?? "member", p.silent === true);
    return this.core.world.chatWire(chat);
  }

  /** A channel; the first admin is its creator. The bot is an admin unless `botIsAdmin: false` (then a member). */
  createChannel(p: { title: string; username?: string; admins: User[]; botIsAdmin?: boolean; silent?: boolean }): Chat {
    const chat = this.core.world.addGroup({ title: p.title, type: "channel", ...(p.username !== undefined ? { username: p.username } : {}) });
    p.admins.forEach((user, i) => this.core.world.setMember(chat, user, i === 0 ? "creator" : "administrator"));
    this.joinBot(chat, p.botIsAdmin === false ? "member" : "administrator", p.silent === true);
    return this.core.world.chatWire(chat);
  }

  private joinBot(chat: ChatRecord, status: MemberStatus, silent: boolean): void {
    const old = this.core.world.chatMemberWire(chat, this.botUser);
    this.core.world.setMember(chat, this.botUser, status);
    if (!silent) this.core.pushMyChatMember(chat, this.someMember(chat) ?? this.botUser, old, this.core.world.chatMemberWire(chat, this.botUser));
  }

  /** Changes the bot's status in a group or channel (promote, demote, kick, restrict) and tells the bot. */
  setBotStatus(chat: ChatRef, status: MemberStatus, opts: { by?: User } = {}): void {
    const record = this.core.world.requireChat(idOf(chat));
    const old = this.core.world.chatMemberWire(record, this.botUser);
    this.core.world.setMember(record, this.botUser, status);
    this.core.pushMyChatMember(record, opts.by ?? this.someMember(record) ?? this.botUser, old, this.core.world.chatMemberWire(record, this.botUser));
  }

  /** Sets a user's status in a group (what getChatMember / getChatAdministrators report). */
  setMemberStatus(chat: ChatRef, user: User, status: MemberStatus): void {
    this.core.world.setMember(this.core.world.requireChat(idOf(chat)), user, status);
  }

  /** A forum topic created by a user; returns its message_thread_id. */
  createForumTopic(chat: ChatRef, name: string, opts: { from?: User; iconColor?: number } = {}): number {
    const record = this.core.world.requireChat(idOf(chat));
    if (!record.isForum) throw new Error(`createForumTopic: chat ${record.id} is not a forum (createGroup({ isForum: true }))`);
    const from = opts.from ?? this.someMember(record);
    if (from === undefined) throw new Error("createForumTopic: the group has no members; pass opts.from");
    return this.core.createTopicMessage(record, from, name, opts.iconColor ?? 7322096).message_id;
  }

  /**
   * Upgrades a basic group. Afterwards calls with the old id answer 400 "group chat was upgraded
   * to a supergroup chat" with parameters.migrate_to_chat_id; the bot gets both service messages.
   */
  migrateGroupToSupergroup(chatId: number): Chat {
    const world = this.core.world;
    const old = world.requireChat(chatId);
    if (old.type !== "group" || old.migratedToChatId !== undefined) throw new Error(`migrateGroupToSupergroup: chat ${chatId} is not an unmigrated basic group`);
    const next = world.addGroup({ title: old.title ?? "", type: "supergroup" });
    for (const member of old.members.values()) next.members.set(member.user.id, { ...member });
    const by = this.someMember(old) ?? this.botUser;
    const date = this.core.nowSeconds();
    const toMessage = { message_id: world.nextMessageId(old), from: by, chat: world.chatWire(old), date, migrate_to_chat_id: next.id } as Message;
    old.migratedToChatId = next.id;
    next.migratedFromChatId = old.id;
    const fromMessage = { message_id: world.nextMessageId(next), from: by, chat: world.chatWire(next), date, migrate_from_chat_id: old.id } as Message;
    world.store(old, toMessage, "service");
    world.store(next, fromMessage, "service");
    this.core.pushMessage("message", toMessage);
    this.core.pushMessage("message", fromMessage);
    return world.chatWire(next);
  }

  /** The user blocks the bot ("blocked", with a my_chat_member update) or deletes their account. Later sends answer 403. */
  blockBot(userId: number, reason: "blocked" | "deactivated" = "blocked"): void {
    const user = this.core.world.requireUser(userId);
    user.deadReason = reason;
    if (reason === "blocked") {
      const chat = this.core.world.privateChat(userId);
      this.core.pushMyChatMember(chat, user.user, { status: "member", user: this.botUser }, { status: "kicked", user: this.botUser, until_date: 0 });
    }
  }

  /** The user unblocks the bot (as pressing "Restart bot" does). */
  unblockBot(userId: number): void {
    const user = this.core.world.requireUser(userId);
    if (user.deadReason !== "blocked") return;
    delete user.deadReason;
    const chat = this.core.world.privateChat(userId);
    this.core.pushMyChatMember(chat, user.user, { status: "kicked", user: this.botUser, until_date: 0 }, { status: "member", user: this.botUser });
  }

  /** `count` users who have started the bot, with ids from `firstId` on (load benchmarks). */
  createUsers(count: number, firstId: number): void {
    for (let i = 0; i < count; i++) this.core.world.addUser({ id: firstId + i });
  }

  /** sendPhoto with this URL answers 400 "failed to get HTTP URL content". */
  markUrlUnreachable(url: string): void {
    this.core.unreachableUrls.add(url);
  }

  // ── user actions ────────────────────────────────────────────────────────────────────────────

  /**
   * A user sends text. "/cmd" and "/cmd@bot" get bot_command entities (as do mentions, hashtags and
   * URLs their entities). In groups, privacy mode decides whether the bot receives it.
   */
  userSends(chat: ChatRef, text: string, opts: { from?: User; messageThreadId?: number; replyTo?: number; forwardOrigin?: Message["forward_origin"] } = {}): Message {
    const world = this.core.world;
    const record = world.requireChat(idOf(chat));
    if (record.migratedToChatId !== undefined) throw new Error(`userSends: chat ${record.id} was migrated to ${record.migratedToChatId}`);
    if (record.type === "channel") throw new Error("userSends: use channelPost() for channels");
    if (text.trim() === "" || text.length > 4096) throw new Error("userSends: Telegram clients send 1-4096 characters");
    const from = this.sender(record, opts.from);
    if (record.type === "private") {
      const user = world.requireUser(from.id);
      if (user.deadReason === "deactivated") throw new Error(`userSends: user ${from.id} is deactivated`);
      if (user.deadReason === "blocked") this.unblockBot(from.id);
      user.startedBot = true;
    }
    const message = { message_id: world.nextMessageId(record), from, chat: world.chatWire(record), date: this.core.nowSeconds(), text } as Message;
    // A forwarded message: the client sends the original's text with where it came from.
    if (opts.forwardOrigin !== undefined) message.forward_origin = opts.forwardOrigin;
    const entities = detectEntities(text);
    if (entities.length > 0) message.entities = entities;
    this.attachThreadAndReply(record, message, opts);
    world.store(record, message, "user");
    this.deliver(record, message);
    return message;
  }

  /**
   * A user sends a file as a document (as dragging a file into the chat does): the message carries
   * `document` with file_id, file_unique_id, file_name, mime_type and file_size; getFile and the
   * download URL then serve the bytes.
   */
  userSendsDocument(
    chat: ChatRef,
    doc: { fileName: string; mimeType?: string; content: Buffer | string; caption?: string; from?: User; replyTo?: number },
  ): Message {
    const world = this.core.world;
    const record = world.requireChat(idOf(chat));
    if (record.type === "channel") throw new Error("userSendsDocument: users do not post in channels here");
    const data = typeof doc.content === "string" ? Buffer.from(doc.content, "utf8") : doc.content;
    if (data.length === 0) throw new Error("userSendsDocument: Telegram clients do not send empty files");
    const from = this.sender(record, doc.from);
    if (record.type === "private") world.requireUser(from.id).startedBot = true;
    const file = this.core.files.add({ data, fileName: doc.fileName, mimeType: doc.mimeType ?? mimeTypeFor(doc.fileName) });
    const message = { message_id: world.nextMessageId(record), from, chat: world.chatWire(record), date: this.core.nowSeconds(), document: this.core.files.documentOf(file) } as Message;
    if (doc.caption !== undefined) {
      message.caption = doc.caption;
      const entities = detectEntities(doc.caption);
      if (entities.length > 0) message.caption_entities = entities;
    }
    this.attachThreadAndReply(record, message, doc.replyTo !== undefined ? { replyTo: doc.replyTo } : {});
    world.store(record, message, "user");
    this.deliver(record, message);
    return message;
  }

  /** A channel post (the bot receives channel_post updates while it is a member of the channel). */
  channelPost(chat: ChatRef, text: string, opts: { authorSignature?: string } = {}): Message {
    const world = this.core.world;
    const record = world.requireChat(idOf(chat));
    if (record.type !== "channel") throw new Error(`channelPost: chat ${record.id} is not a channel`);
    const message = { message_id: world.nextMessageId(record), sender_chat: world.chatWire(record), chat: world.chatWire(record), date: this.core.nowSeconds(), text } as Message;
    const entities = detectEntities(text);
    if (entities.length > 0) message.entities = entities;
    if (opts.authorSignature !== undefined) message.author_signature = opts.authorSignature;
    world.store(record, message, "user");
    const status = world.botStatus(record);
    if (status === "administrator" || status === "creator" || status === "member") this.core.pushMessage("channel_post", message);
    return message;
  }

  /**
   * A user clicks an inline button of a bot message. The button must exist (what a real client
   * allows); returns the callback_query id. The query carries the message and chat_instance.
   */
  userClicks(chat: ChatRef, messageId: number, data: string, opts: { from?: User } = {}): string {
    const record = this.core.world.requireChat(idOf(chat));
    const stored = this.core.world.liveMessage(record, messageId);
    if (stored === undefined) throw new Error(`userClicks: chat ${record.id} has no message #${messageId} (deleted or never sent)`);
    const available = callbackDataOf(stored.message.reply_markup);
    if (!available.includes(data)) {
      throw new Error(`userClicks: message #${messageId} has no button with callback_data ${JSON.stringify(data)}; it has ${JSON.stringify(available)}`);
    }
    const from = this.sender(record, opts.from);
    const id = this.core.newQueryId();
    this.core.callbackQueries.set(id, { id, from, chatId: record.id, messageId, data, createdAt: Date.now() });
    this.core.pushUpdate("callback_query", { id, from, message: stored.message, chat_instance: record.chatInstance, data });
    return id;
  }

  /** A user types "@bot text" in any chat; returns the inline_query id. */
  inlineQuery(user: User, text: string, opts: { offset?: string; chatType?: "sender" | "private" | "group" | "supergroup" | "channel" } = {}): string {
    const id = this.core.newQueryId();
    this.core.inlineQueries.set(id, { id, from: user, query: text, createdAt: Date.now() });
    this.core.pushUpdate("inline_query", { id, from: user, query: text, offset: opts.offset ?? "", ...(opts.chatType !== undefined ? { chat_type: opts.chatType } : {}) });
    return id;
  }

  private sender(record: ChatRecord, given: User | undefined): User {
    if (record.type === "private") {
      const owner = this.core.world.requireUser(record.userId ?? record.id).user;
      if (given !== undefined && given.id !== owner.id) throw new Error(`Only user ${owner.id} can act in their private chat`);
      return owner;
    }
    const from = given ?? this.someMember(record);
    if (from === undefined) throw new Error(`Chat ${record.id} has no members; pass opts.from`);
    const status = record.members.get(from.id)?.status;
    if (status === undefined || status === "left" || status === "kicked") throw new Error(`User ${from.id} is not a member of chat ${record.id}`);
    return from;
  }

  private someMember(record: ChatRecord): User | undefined {
    for (const member of record.members.values()) {
      if (member.user.id !== this.botUser.id && member.status !== "left" && member.status !== "kicked") return member.user;
    }
    return undefined;
  }

  private attachThreadAndReply(record: ChatRecord, message: Message, opts: { messageThreadId?: number; replyTo?: number }): void {
    let replyTo: Message | undefined;
    if (opts.messageThreadId !== undefined) {
      if (!record.isForum || !record.topics.has(opts.messageThreadId)) throw new Error(`Chat ${record.id} has no forum topic ${opts.messageThreadId}`);
      message.message_thread_id = opts.messageThreadId;
      message.is_topic_message = true;
      replyTo = record.messages.get(opts.messageThreadId)?.message;
    }
    if (opts.replyTo !== undefined) {
      replyTo = this.core.world.liveMessage(record, opts.replyTo)?.message;
      if (replyTo === undefined) throw new Error(`Chat ${record.id} has no message #${opts.replyTo} to reply to`);
    }
    if (replyTo !== undefined) {
      const { reply_to_message: _nested, ...flat } = replyTo;
      message.reply_to_message = flat as NonNullable<Message["reply_to_message"]>;
    }
  }

  private deliver(record: ChatRecord, message: Message): void {
    if (this.core.botSeesGroupMessage(record, message)) this.core.pushMessage("message", message);
    else this.core.withheldByPrivacy.set(record.id, (this.core.withheldByPrivacy.get(record.id) ?? 0) + 1);
  }

  // ── observing ───────────────────────────────────────────────────────────────────────────────

  /**
   * Resolves with the first bot message in the chat that matches and was not taken by an earlier
   * wait — already sent or still to come. Rejects after `timeoutMs` with what the chat received.
   */
  waitForBotMessage(chatId: number, predicate: (m: Message) => boolean = () => true, timeoutMs = this.core.options.defaultWaitMs): Promise<Message> {
    return this.core.sent.wait(chatId, predicate, timeoutMs);
  }

  /** Like waitForBotMessage, for edits of bot messages (resolves with the edited message). */
  waitForBotEdit(chatId: number, predicate: (m: Message) => boolean = () => true, timeoutMs = this.core.options.defaultWaitMs): Promise<Message> {
    return this.core.edits.wait(chatId, predicate, timeoutMs);
  }

  /** The bot's messages in a chat as they are now: edits applied, deleted ones left out. */
  botMessages(chatId: number): Message[] {
    const chat = this.core.world.chats.get(chatId);
    if (chat === undefined) return [];
    const result: Message[] = [];
    for (const stored of chat.messages.values()) if (stored.sentBy === "bot" && !stored.deleted) result.push(stored.message);
    return result;
  }

  /** The documents the bot sent to a chat (sendDocument), with their bytes, oldest first. */
  documentsSent(chat: ChatRef): SentDocument[] {
    return this.core.files.sentTo(idOf(chat));
  }

  /** Any message in a chat as it is now (undefined when deleted or unknown). */
  message(chatId: number, messageId: number): Message | undefined {
    const chat = this.core.world.chats.get(chatId);
    return chat === undefined ? undefined : this.core.world.liveMessage(chat, messageId)?.message;
  }

  /** answerCallbackQuery parameters per callback_query id. */
  get callbackAnswers(): ReadonlyMap<string, Params> {
    const answers = new Map<string, Params>();
    for (const [id, query] of this.core.callbackQueries) if (query.answer !== undefined) answers.set(id, query.answer);
    return answers;
  }

  /** What answerCallbackQuery said for this query, if it was answered. */
  answersTo(callbackQueryId: string): Params | undefined {
    return this.core.callbackQueries.get(callbackQueryId)?.answer;
  }

  waitForCallbackAnswer(callbackQueryId: string, timeoutMs = this.core.options.defaultWaitMs): Promise<Params> {
    return this.core.callbackAnswers.wait(callbackQueryId, () => true, timeoutMs);
  }

  /** What answerInlineQuery said (with `results` parsed), if answered. */
  inlineAnswersTo(inlineQueryId: string): Params | undefined {
    return this.core.inlineQueries.get(inlineQueryId)?.answer;
  }

  waitForInlineAnswer(inlineQueryId: string, timeoutMs = this.core.options.defaultWaitMs): Promise<Params> {
    return this.core.inlineAnswers.wait(inlineQueryId, () => true, timeoutMs);
  }

  /** Every API call, in arrival order: {method, params, ok, result?, errorCode?, description?, at}. */
  get calls(): ApiCall[] {
    return this.core.calls;
  }

  callsTo(method: string): ApiCall[] {
    return this.core.callsTo(method);
  }

  chatActions(chatId?: number): ChatActionRecord[] {
    return chatId === undefined ? [...this.core.chatActions] : this.core.chatActions.filter((a) => a.chatId === chatId);
  }

  /** The commands stored for exactly this scope and language (what getMyCommands returns). */
  commandsFor(p: { scope?: BotCommandScope; languageCode?: string } = {}): BotCommand[] {
    return this.core.commands.get(this.commandsKey(p.scope, p.languageCode ?? "")) ?? [];
  }

  /**
   * The command list a user sees in a chat, resolved like Telegram clients do: the most specific
   * scope with commands wins, and within a scope the user's language before the default.
   */
  commandsShownTo(chat: ChatRef, user: User): BotCommand[] {
    const record = this.core.world.requireChat(idOf(chat));
    const language = user.language_code?.slice(0, 2) ?? "";
    const status = record.members.get(user.id)?.status;
    const isAdmin = status === "creator" || status === "administrator";
    const scopes: BotCommandScope[] =
      record.type === "private"
        ? [{ type: "chat", chat_id: record.id }, { type: "all_private_chats" }, { type: "default" }]
        : [
            { type: "chat_member", chat_id: record.id, user_id: user.id },
            ...(isAdmin ? [{ type: "chat_administrators", chat_id: record.id } as const] : []),
            { type: "chat", chat_id: record.id },
            ...(isAdmin ? [{ type: "all_chat_administrators" } as const] : []),
            { type: "all_group_chats" },
            { type: "default" },
          ];
    for (const scope of scopes) {
      for (const lang of language === "" ? [""] : [language, ""]) {
        const commands = this.core.commands.get(this.commandsKey(scope, lang));
        if (commands !== undefined) return commands;
      }
    }
    return [];
  }

  private commandsKey(scope: BotCommandScope | undefined, languageCode: string): string {
    const type = scope?.type ?? "default";
    const target = scope !== undefined && "chat_id" in scope ? `${String(scope.chat_id)}${"user_id" in scope ? `:${scope.user_id}` : ""}` : "";
    return `${type}:${target}|${languageCode}`;
  }

  menuButton(chatId?: number): MenuButton | undefined {
    return chatId === undefined ? this.core.defaultMenuButton : this.core.world.chats.get(chatId)?.menuButton;
  }

  /** Updates waiting for the bot (not yet confirmed by getUpdates or delivered to the webhook). */
  get pendingUpdateCount(): number {
    return this.core.queue.pendingCount;
  }

  /** Makes the next matching call(s) fail with this error instead of running. */
  injectFault(fault: FaultSpec): void {
    this.core.faults.add(fault);
  }

  /** How many messages the bot sent to each chat (kept with or without history). */
  messageCounts(): ReadonlyMap<number, number> {
    return this.core.messagesPerChat;
  }

  get stats(): EmulatorStats {
    return this.core.stats.snapshot();
  }

  resetStats(): void {
    this.core.stats.reset();
    this.core.messagesPerChat.clear();
  }
}
