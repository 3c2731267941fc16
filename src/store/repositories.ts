/**
 * What the rest of newsbrief may ask of storage. Every method is async so that a PostgreSQL
 * implementation can stand in for SQLite without touching a caller.
 */
import type { Locale } from "../i18n/locales.ts";
import type { Topic } from "../topics/types.ts";
import type {
  AuditEntry,
  ChatRecord,
  ChatSettings,
  ChatStatus,
  SeenChat,
  StoredTopic,
  Subscription,
  SubscriptionKind,
  SubscriptionScope,
  SubscriptionTarget,
} from "./types.ts";

export interface ChatRepository {
  get(id: number): Promise<ChatRecord | undefined>;
  /**
   * Records a chat the bot has just seen: creates it (with `localeHint` as its locale) or
   * refreshes its title and username and marks it active again.
   */
  touch(chat: SeenChat, localeHint?: Locale): Promise<ChatRecord>;
  setLocale(id: number, locale: Locale): Promise<void>;
  updateSettings(id: number, patch: Partial<ChatSettings>): Promise<ChatRecord>;
  setStatus(id: number, status: ChatStatus): Promise<void>;
  /** A group became a supergroup: the new chat takes over its locale, settings and subscriptions. */
  migrate(fromId: number, toId: number): Promise<void>;
}

/** Key-value state for grammY sessions and conversations, kept per namespace. */
export interface StateRepository {
  read(namespace: string, key: string): Promise<unknown>;
  write(namespace: string, key: string, value: unknown): Promise<void>;
  delete(namespace: string, key: string): Promise<void>;
}

export interface AuditLog {
  record(entry: { actorId?: number | null; chatId?: number | null; action: string; details?: Record<string, unknown> }): Promise<void>;
  recent(options: { chatId?: number; limit: number }): Promise<AuditEntry[]>;
}

/**
 * The topics chats can follow: the shipped catalog (merged into the table once per start-up)
 * together with admins' edits, which win over the catalog until the slug is edited again.
 */
export interface TopicRepository {
  /** Enabled topics: catalog topics in catalog order, then admins' own topics by slug. */
  listEnabled(): Promise<Topic[]>;
  /** Every topic, enabled or not, in the same order. */
  listAll(): Promise<StoredTopic[]>;
  get(slug: string): Promise<StoredTopic | undefined>;
  /**
   * An admin's new or edited topic: validated with `parseTopic` (throws `TopicValidationError`
   * listing every problem), stored as edited (so a later catalog update leaves it alone) and enabled.
   */
  upsert(topic: Topic): Promise<StoredTopic>;
  /** Stops offering a topic (its subscriptions are kept); false when there is no such topic. */
  setEnabled(slug: string, enabled: boolean): Promise<boolean>;
}

export interface SubscriptionRepository {
  /** Subscribes a chat (or forum topic); false when it was already subscribed. */
  add(scope: SubscriptionScope, target: SubscriptionTarget, createdBy?: number | null): Promise<boolean>;
  /** Unsubscribes by target (a slug or a custom topic's key); false when there was nothing to remove. */
  remove(scope: SubscriptionScope, kind: SubscriptionKind, target: string): Promise<boolean>;
  /** Unsubscribes by id, only within the scope (ids come back from buttons, which anyone can forge). */
  removeById(scope: SubscriptionScope, id: number): Promise<Subscription | undefined>;
  /** A chat's subscriptions, oldest first: in one thread, or in every thread when `threadId` is left out. */
  listForChat(chatId: number, threadId?: number): Promise<Subscription[]>;
  /** Where briefs on a topic go: subscriptions to the slug in chats that are active. */
  forTopic(slug: string): Promise<Subscription[]>;
  /** Every custom keyword subscription in active chats, for matching new articles. */
  allKeywords(): Promise<Subscription[]>;
  count(scope: SubscriptionScope): Promise<number>;
}

export interface Store {
  readonly chats: ChatRepository;
  readonly topics: TopicRepository;
  readonly subscriptions: SubscriptionRepository;
  readonly state: StateRepository;
  readonly audit: AuditLog;
  /** Finishes pending writes and closes the database. */
  close(): Promise<void>;
}
