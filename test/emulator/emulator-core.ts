// The emulator's state and the pieces every Bot API method needs: chat resolution with
// Telegram's access errors, building and recording bot messages, delivering updates, and the
// dispatcher that turns a method call into a result or an ApiError (logged either way).
import type { BotCommand, ChatMember, LinkPreviewOptions, MenuButton, Message, MessageEntity, Update, User, UserFromGetMe } from "grammy/types";
import { ApiError, badRequest, forbidden, notFound, tooManyRequests } from "./api-error.ts";
import { ArrivalLog } from "./arrival-log.ts";
import { FaultInjector } from "./faults.ts";
import { FileStore } from "./files.ts";
import { FloodControl } from "./flood-control.ts";
import type { UserLookup } from "./formatting/types.ts";
import { LoadStats } from "./load-stats.ts";
import type { ResolvedOptions } from "./options.ts";
import { chatIdParam, optBool, optInt, optJson, paramsForLog, type Params } from "./params.ts";
import { UpdateQueue, type UpdateKind } from "./update-queue.ts";
import { World, type ChatRecord } from "./world.ts";
import { seededRandom } from "../../src/topics/classifier/random.ts";

export interface ApiCall {
  method: string;
  params: Params;
  ok: boolean;
  result?: unknown;
  errorCode?: number;
  description?: string;
  /** Epoch milliseconds when the call arrived. */
  at: number;
}

export interface RequestInfo {
  /** Registers cleanup for when the HTTP client goes away before the answer (an aborted long poll). */
  onClientGone(cleanup: () => void): void;
}

/** A result that Telegram answers together with a `description` (setWebhook: "Webhook was set"). */
export class Described {
  constructor(readonly result: unknown, readonly description: string) {}
}

export type MethodHandler = (core: EmulatorCore, params: Params, request: RequestInfo) => unknown;

export interface QueryRecord {
  id: string;
  from: User;
  createdAt: number;
  answer?: Params;
  answeredAt?: number;
}

export interface CallbackQueryRecord extends QueryRecord {
  chatId: number;
  messageId: number;
  data: string;
}

export interface InlineQueryRecord extends QueryRecord {
  query: string;
}

export interface WebhookState {
  url: string;
  secretToken?: string;
  maxConnections: number;
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

export interface ChatActionRecord {
  chatId: number;
  action: string;
  messageThreadId?: number;
  at: number;
}

export class EmulatorCore {
  readonly botUser: UserFromGetMe;
  readonly world: World;
  readonly queue = new UpdateQueue();
  readonly flood: FloodControl;
  readonly faults = new FaultInjector();
  readonly stats = new LoadStats();
  readonly calls: ApiCall[] = [];
  private readonly callsByMethod = new Map<string, ApiCall[]>();
  readonly sent: ArrivalLog<number, Message>;
  readonly edits: ArrivalLog<number, Message>;
  readonly callbackQueries = new Map<string, CallbackQueryRecord>();
  readonly inlineQueries = new Map<string, InlineQueryRecord>();
  readonly callbackAnswers: ArrivalLog<string, Params>;
  readonly inlineAnswers: ArrivalLog<string, Params>;
  readonly commands = new Map<string, BotCommand[]>();
  readonly chatActions: ChatActionRecord[] = [];
  readonly botTexts = new Map<string, string>();
  /** User messages in groups that privacy mode kept from the bot, per chat (explains timeouts). */
  readonly withheldByPrivacy = new Map<number, number>();
  readonly knownFiles = new Map<string, Message["photo"]>();
  /** Documents: sent by users, uploaded by the bot, served by getFile and /file/bot<token>/<path>. */
  readonly files = new FileStore();
  readonly unreachableUrls = new Set<string>();
  /** Messages sent per chat: what load benchmarks count lost and repeated messages by. */
  readonly messagesPerChat = new Map<number, number>();
  private readonly random: () => number;
  webhook: WebhookState | undefined;
  defaultMenuButton: MenuButton | undefined;
  /** Set by webhook delivery: called when the webhook is set or removed. */
  webhookChanged: () => void = () => {};
  private nextQueryId = 1;
  private nextFileId = 1;
  private readonly methods: ReadonlyMap<string, { name: string; handler: MethodHandler }>;

  constructor(readonly options: ResolvedOptions, methods: Record<string, MethodHandler>) {
    const botId = Number(options.botToken.split(":")[0]);
    this.botUser = {
      id: Number.isSafeInteger(botId) && botId > 0 ? botId : 123456,
      is_bot: true,
      first_name: options.botFirstName,
      username: options.botUsername,
      can_join_groups: true,
      can_read_all_group_messages: !options.privacyMode,
      supports_inline_queries: true,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    };
    this.world = new World(this.botUser);
    this.flood = new FloodControl(options.flood, options.now);
    this.random = seededRandom(options.random429?.seed ?? 1);
    this.methods = new Map(Object.entries(methods).map(([name, handler]) => [name.toLowerCase(), { name, handler }]));
    this.sent = new ArrivalLog<number, Message>((chatId, ms, entries) => this.describeMissingMessage("message", chatId, ms, entries));
    this.edits = new ArrivalLog<number, Message>((chatId, ms, entries) => this.describeMissingMessage("edit", chatId, ms, entries));
    this.callbackAnswers = new ArrivalLog<string, Params>((id, ms) => `no answerCallbackQuery for query ${id} within ${ms} ms`);
    this.inlineAnswers = new ArrivalLog<string, Params>((id, ms) => `no answerInlineQuery for query ${id} within ${ms} ms`);
  }

  // ── dispatch ────────────────────────────────────────────────────────────────────────────────

  async call(methodName: string, params: Params, request: RequestInfo): Promise<{ result: unknown; description?: string }> {
    const entry = this.methods.get(methodName.toLowerCase());
    const call: ApiCall = { method: entry?.name ?? methodName, params: this.options.keepHistory ? paramsForLog(params) : {}, ok: false, at: Date.now() };
    if (this.options.keepHistory) this.record(call);
    try {
      if (entry === undefined) throw notFound();
      const fault = this.faults.take(entry.name, typeof params["chat_id"] === "number" || typeof params["chat_id"] === "string" ? params["chat_id"] : undefined);
      if (fault !== undefined) throw fault;
      const value: unknown = await entry.handler(this, params, request);
      const answer = value instanceof Described ? { result: value.result, description: value.description } : { result: value };
      call.ok = true;
      call.result = answer.result;
      return answer;
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(500, `Internal Server Error: ${error instanceof Error ? error.message : String(error)}`);
      call.errorCode = apiError.errorCode;
      call.description = apiError.description;
      throw apiError;
    }
  }

  private record(call: ApiCall): void {
    this.calls.push(call);
    let list = this.callsByMethod.get(call.method.toLowerCase());
    if (list === undefined) {
      list = [];
      this.callsByMethod.set(call.method.toLowerCase(), list);
    }
    list.push(call);
  }

  callsTo(method: string): ApiCall[] {
    return this.callsByMethod.get(method.toLowerCase()) ?? [];
  }

  // ── chats and access ────────────────────────────────────────────────────────────────────────

  readonly lookupUser: UserLookup = (id) => this.world.users.get(id)?.user;

  /** The chat a `chat_id` parameter names, or 400 "chat not found". */
  chatFromParams(params: Params, name = "chat_id"): ChatRecord {
    const ref = chatIdParam(params, name);
    const chat =
      typeof ref === "number"
        ? this.world.chats.get(ref) ?? (this.world.users.has(ref) && ref !== this.botUser.id ? this.world.privateChat(ref) : undefined)
        : ref.startsWith("@")
          ? this.world.chatByUsername(ref.slice(1))
          : undefined;
    if (chat === undefined) throw badRequest("Chat not found");
    return chat;
  }

  /** Telegram's errors for chats the bot cannot see any more. */
  assertReachable(chat: ChatRecord): void {
    if (chat.migratedToChatId !== undefined) {
      throw badRequest("Group chat was upgraded to a supergroup chat", { migrate_to_chat_id: chat.migratedToChatId });
    }
    if (chat.type === "private") return;
    const status = this.world.botStatus(chat);
    const kind = chat.type === "group" ? "group chat" : chat.type === "supergroup" ? "supergroup chat" : "channel chat";
    if (status === "kicked") throw forbidden(`bot was kicked from the ${kind}`);
    if (status === "left") throw forbidden(`bot is not a member of the ${kind}`);
  }

  /** assertReachable plus what sending needs: an unblocked user who started the bot, channel rights. */
  assertCanSend(chat: ChatRecord): void {
    this.assertReachable(chat);
    if (chat.type === "private") {
      const user = this.world.requireUser(chat.userId ?? chat.id);
      if (user.deadReason === "blocked") throw forbidden("bot was blocked by the user");
      if (user.deadReason === "deactivated") throw forbidden("user is deactivated");
      if (!user.startedBot) throw forbidden("bot can't initiate conversation with a user");
      return;
    }
    const status = this.world.botStatus(chat);
    if (chat.type === "channel" && status !== "administrator" && status !== "creator") {
      throw badRequest("Need administrator rights in the channel chat");
    }
    if (status === "restricted") throw badRequest("Not enough rights to send text messages to the chat");
  }

  // ── bot messages ────────────────────────────────────────────────────────────────────────────

  nowSeconds(): number {
    return Math.floor(Date.now() / 1000);
  }

  /**
   * Everything sendMessage/sendPhoto/copyMessage share after content validation: thread and reply
   * checks, flood control, then the message is stored, logged and returned.
   */
  sendBotMessage(chat: ChatRecord, params: Params, content: Partial<Message>): Message {
    const thread = this.threadFor(chat, params);
    const replyTo = this.replyTarget(chat, params);
    const random429 = this.options.random429;
    const retryAfter = random429 !== undefined && this.random() < random429.probability ? random429.retryAfter : this.flood.admit(chat.id, chat.type);
    if (retryAfter !== undefined) {
      this.stats.refused(chat.id, retryAfter);
      throw tooManyRequests(retryAfter);
    }

    const message: Message = { message_id: this.world.nextMessageId(chat) } as Message;
    if (chat.type === "channel") message.sender_chat = this.world.chatWire(chat);
    else message.from = this.botUser;
    message.chat = this.world.chatWire(chat);
    message.date = this.nowSeconds();
    if (thread !== undefined) {
      message.message_thread_id = thread.threadId;
      message.is_topic_message = true;
    }
    const replied = replyTo ?? thread?.created;
    if (replied !== undefined) message.reply_to_message = replied as NonNullable<Message["reply_to_message"]>;
    Object.assign(message, content);
    if (optBool(params, "protect_content") === true) message.has_protected_content = true;

    this.stats.messageSent(chat.id);
    this.messagesPerChat.set(chat.id, (this.messagesPerChat.get(chat.id) ?? 0) + 1);
    if (this.options.keepHistory) {
      this.world.store(chat, message, "bot");
      this.sent.add(chat.id, message);
    }
    return message;
  }

  private threadFor(chat: ChatRecord, params: Params): { threadId: number; created?: Message } | undefined {
    const threadId = optInt(params, "message_thread_id");
    if (threadId === undefined || (chat.isForum && threadId === 1)) return undefined;
    const topic = chat.isForum ? chat.topics.get(threadId) : undefined;
    if (topic === undefined) throw badRequest("Message thread not found");
    if (topic.closed) throw badRequest("TOPIC_CLOSED");
    const created = chat.messages.get(threadId)?.message;
    return created === undefined ? { threadId } : { threadId, created };
  }

  private replyTarget(chat: ChatRecord, params: Params): Message | undefined {
    const reply = optJson(params, "reply_parameters", "Can't parse reply parameters JSON object") as
      | { message_id?: unknown; chat_id?: unknown; allow_sending_without_reply?: unknown }
      | undefined;
    const messageId = reply !== undefined ? Number(reply.message_id) : optInt(params, "reply_to_message_id");
    if (messageId === undefined || Number.isNaN(messageId)) return undefined;
    const allowWithout = reply !== undefined ? reply.allow_sending_without_reply === true : optBool(params, "allow_sending_without_reply") === true;
    const target = this.world.liveMessage(chat, messageId);
    if (target === undefined) {
      if (allowWithout) return undefined;
      throw badRequest("Message to be replied not found");
    }
    const { reply_to_message: _dropped, ...withoutNested } = target.message;
    return withoutNested as Message;
  }

  /** link_preview_options, or the legacy disable_web_page_preview. */
  linkPreviewOptions(params: Params): LinkPreviewOptions | undefined {
    const options = optJson(params, "link_preview_options", "Can't parse link preview options JSON object");
    if (options !== undefined) return options as LinkPreviewOptions;
    return optBool(params, "disable_web_page_preview") === true ? { is_disabled: true } : undefined;
  }

  /** Replaces a stored message with its edited version and tells edit waiters. */
  applyEdit(chat: ChatRecord, message: Message): Message {
    const stored = chat.messages.get(message.message_id);
    if (stored !== undefined) stored.message = message;
    this.edits.add(chat.id, message);
    return message;
  }

  newQueryId(): string {
    return String(4_000_000_000_000_000n + BigInt(this.nextQueryId++) * 7_919n);
  }

  newPhoto(width: number, height: number, bytes: number): NonNullable<Message["photo"]> {
    const n = this.nextFileId++;
    const sizes = [
      { w: Math.min(90, width), scale: Math.min(90, width) / width },
      { w: Math.min(320, width), scale: Math.min(320, width) / width },
      { w: width, scale: 1 },
    ];
    const photo = sizes.map((size, i) => ({
      file_id: `AgACAgIAAxkBAAI${n.toString(36).padStart(6, "0")}${i}`,
      file_unique_id: `AQAD${n.toString(36)}${i}`,
      width: size.w,
      height: Math.round(height * size.scale),
      file_size: Math.max(1, Math.round(bytes * size.scale * size.scale)),
    }));
    for (const size of photo) this.knownFiles.set(size.file_id, photo);
    return photo;
  }

  // ── updates from users ──────────────────────────────────────────────────────────────────────

  pushUpdate<K extends UpdateKind>(kind: K, payload: NonNullable<Update[K]>): Update | undefined {
    return this.queue.push(kind, payload);
  }

  /** Message updates: the chat type decides between message and channel_post on Telegram's side. */
  pushMessage(kind: "message" | "channel_post", message: Message): Update | undefined {
    return kind === "message"
      ? this.queue.push("message", message as NonNullable<Update["message"]>)
      : this.queue.push("channel_post", message as NonNullable<Update["channel_post"]>);
  }

  /** Whether a user message in this chat reaches the bot under group privacy mode. */
  botSeesGroupMessage(chat: ChatRecord, message: Message): boolean {
    if (chat.type === "private" || chat.type === "channel" || !this.options.privacyMode) return true;
    const status = this.world.botStatus(chat);
    if (status === "administrator" || status === "creator") return true;
    if (message.reply_to_message?.from?.id === this.botUser.id && message.reply_to_message.message_id !== message.message_thread_id) return true;
    const text = message.text ?? message.caption ?? "";
    const entities: MessageEntity[] = message.entities ?? message.caption_entities ?? [];
    const botName = `@${this.botUser.username}`.toLowerCase();
    for (const entity of entities) {
      const part = text.slice(entity.offset, entity.offset + entity.length).toLowerCase();
      if (entity.type === "mention" && part === botName) return true;
      // Commands addressed to another bot ("/start@other_bot") are not delivered.
      if (entity.type === "bot_command" && (!part.includes("@") || part.endsWith(botName))) return true;
    }
    return message.text === undefined && message.caption === undefined && message.photo === undefined && message.document === undefined;
  }

  /** A forum topic: its creation service message's id is the topic's message_thread_id. */
  createTopicMessage(chat: ChatRecord, from: User, name: string, iconColor: number): Message {
    const id = this.world.nextMessageId(chat);
    const message: Message = {
      message_id: id,
      message_thread_id: id,
      from,
      chat: this.world.chatWire(chat),
      date: this.nowSeconds(),
      is_topic_message: true,
      forum_topic_created: { name, icon_color: iconColor },
    } as Message;
    chat.topics.set(id, { threadId: id, name, closed: false });
    this.world.store(chat, message, "service");
    this.pushMessage("message", message);
    return message;
  }

  /** A my_chat_member update: the bot's own membership changed (blocked, kicked, promoted, left). */
  pushMyChatMember(chat: ChatRecord, from: User, oldMember: ChatMember, newMember: ChatMember): void {
    this.pushUpdate("my_chat_member", {
      chat: this.world.chatWire(chat),
      from,
      date: this.nowSeconds(),
      old_chat_member: oldMember,
      new_chat_member: newMember,
    });
  }

  // ── diagnostics ─────────────────────────────────────────────────────────────────────────────

  private describeMissingMessage(kind: "message" | "edit", chatId: number, timeoutMs: number, entries: readonly { item: Message; consumed: boolean }[]): string {
    const verb = kind === "message" ? "waitForBotMessage" : "waitForBotEdit";
    const lines = [`${verb}(chat ${chatId}): no matching bot ${kind} within ${timeoutMs} ms.`];
    if (entries.length === 0) lines.push(`The chat received no bot ${kind}s.`);
    else {
      lines.push(`The chat received ${entries.length} bot ${kind}(s):`);
      for (const { item, consumed } of entries.slice(-20)) {
        const body = item.text ?? (item.caption !== undefined ? `[photo] ${item.caption}` : item.photo !== undefined ? "[photo]" : "[non-text]");
        lines.push(`  #${item.message_id}${consumed ? " (already matched by an earlier wait)" : ""}: ${JSON.stringify(body.length > 200 ? `${body.slice(0, 200)}…` : body)}`);
      }
    }
    const failed = this.calls.filter((c) => !c.ok && String(c.params["chat_id"]) === String(chatId)).slice(-10);
    if (failed.length > 0) {
      lines.push("Failed calls for this chat:");
      for (const call of failed) lines.push(`  ${call.method}: ${call.errorCode} ${call.description}`);
    }
    const withheld = this.withheldByPrivacy.get(chatId);
    if (withheld !== undefined) {
      lines.push(`${withheld} user message(s) in this group were not delivered to the bot because of privacy mode (not a command, reply or mention).`);
    }
    return lines.join("\n");
  }
}

