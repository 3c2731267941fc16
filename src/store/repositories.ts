/**
 * What the rest of newsbrief may ask of storage. Every method is async so that a PostgreSQL
 * implementation can stand in for SQLite without touching a caller.
 */
import type { Locale } from "../i18n/locales.ts";
import type { Topic } from "../topics/types.ts";
import type { RelatedLink } from "../extract/article.ts";
import type {
  AuditEntry,
  IndexableArticle,
  FeedFormat,
  NewArticle,
  NewSource,
  SourceRecord,
  TrainingArticle,
  StoredArticle,
  WebSubState,
  ChatRecord,
  ChatSettings,
  ChatStatus,
  SeenChat,
  StoredTopic,
  Subscription,
  SubscriptionKind,
  SubscriptionScope,
  SubscriptionTarget,
  ClaimedDelivery,
  WaitingDelivery,
  DeliveryKind,
  DeliveryFigures,
  DeliveryStatus,
  PlannedDelivery,
  BroadcastPayload,
  BroadcastRecord,
  BroadcastStatus,
  PlannedBroadcastDelivery,
  ChatCount,
} from "./types.ts";

export interface ChatRepository {
  get(id: number): Promise<ChatRecord | undefined>;
  /** Several chats at once (delivery plans a story for thousands); unknown ids are left out. */
  getMany(ids: readonly number[]): Promise<Map<number, ChatRecord>>;
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
  /** Newest first; `offset` entries skipped (for paging). */
  recent(options: { chatId?: number; limit: number; offset?: number }): Promise<AuditEntry[]>;
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

export interface SourceRepository {
  /** Adds a source; a feed URL already known gives the existing source back with `created: false`. */
  add(source: NewSource): Promise<{ source: SourceRecord; created: boolean }>;
  get(id: number): Promise<SourceRecord | undefined>;
  findByFeedUrl(feedUrl: string): Promise<SourceRecord | undefined>;
  /** Every source, oldest first. */
  list(): Promise<SourceRecord[]>;
  /** Removes a source; its stories stay in the archive. False when there was none. */
  remove(id: number): Promise<boolean>;
  setEnabled(id: number, enabled: boolean): Promise<boolean>;
  /** Enabled sources whose next poll is due (never polled first), soonest first. */
  due(now: Date, limit: number): Promise<SourceRecord[]>;
  /** A poll that worked: validators for the next conditional GET and when to poll again. */
  recordSuccess(
    id: number,
    result: { at: Date; nextPollAt: Date; etag?: string | null; lastModified?: string | null; format?: FeedFormat; siteUrl?: string | null; language?: string | null },
  ): Promise<SourceRecord>;
  /** A poll that failed: the reason, and when to try again. */
  recordFailure(id: number, failure: { at: Date; nextPollAt: Date; error: string }): Promise<SourceRecord>;
  /** Notes that the admins were told the source is failing (null: it recovered and they were told). */
  setAlerted(id: number, at: Date | null): Promise<void>;
  setWebSub(id: number, websub: WebSubState | null): Promise<void>;
}

/** Which stored article a new item is: found by URL, feed guid or identical text. */
export interface ArticleKeys {
  url: string;
  sourceId: number | null;
  guid?: string | null;
  contentHash?: string | null;
}

export interface StoredFingerprint {
  id: number;
  fingerprint: string;
  storyGroupId: number | null;
  title: string;
  fetchedAt: string;
}

export interface ArticleRepository {
  /** Stores a new article with its topics and related links in one transaction. */
  insert(article: NewArticle, storyGroupId: number | null): Promise<StoredArticle>;
  get(id: number): Promise<StoredArticle | undefined>;
  /** The stored article an item is, if any: same canonical URL, or the same guid or the same text in the same source. */
  findExisting(keys: ArticleKeys): Promise<StoredArticle | undefined>;
  /** An edited item: new text, brief and topics; its delivery state is kept, so it is not delivered again. */
  update(id: number, article: NewArticle): Promise<StoredArticle>;
  /**
   * Fingerprints of articles stored after `afterId` and not before `since`, oldest first (at most
   * the newest `limit`), for near-duplicate matching across outlets: read incrementally, so a
   * process sees what another stored since it last asked.
   */
  fingerprintsAfter(afterId: number, since: Date, limit: number): Promise<StoredFingerprint[]>;
  /** A new story group holding the given article (first of its story) and the new one. */
  createStoryGroup(title: string): Promise<number>;
  setStoryGroup(articleId: number, storyGroupId: number): Promise<void>;
  /** The articles of a story group, oldest first. */
  inStoryGroup(storyGroupId: number): Promise<StoredArticle[]>;
  /** Stories delivery has not planned yet, oldest first. */
  unplanned(limit: number): Promise<StoredArticle[]>;
  markPlanned(ids: readonly number[], at: Date): Promise<void>;
  count(): Promise<number>;
  /** Stories stored per source, for these sources (absent: none yet). */
  countBySource(sourceIds: readonly number[]): Promise<Map<number, number>>;
  /**
   * The newest `limit` articles that have a topic the classifier did not give (evidence "source",
   * "text" or unknown), each with those topics: what the topic classifier learns from.
   */
  trainingExamples(limit: number): Promise<TrainingArticle[]>;
  /** Stored articles by id, in the order asked; unknown ids are left out. */
  getMany(ids: readonly number[]): Promise<StoredArticle[]>;
  /** The related links the article's page offered ("More on China", "Read Next"), in no particular order. */
  links(articleId: number): Promise<RelatedLink[]>;
  /**
   * Articles as the /related index reads them, in id order: newest first below `beforeId`
   * (loading the archive at start-up), or oldest first above `afterId` (catching up with new ones).
   */
  forIndex(options: { beforeId?: number; afterId?: number; limit: number }): Promise<IndexableArticle[]>;
}

/**
 * Time-limited leases on named jobs ("sender", "poll:<source id>"), so that one process at a
 * time does each job on a database several processes share. A holder that dies stops renewing,
 * and after `ttlMs` another may take the job over.
 */
export interface LeaseRepository {
  /** Takes or renews the lease; true when `holder` now has it until `now + ttlMs`. */
  acquire(name: string, holder: string, ttlMs: number, now: Date): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
}

/**
 * What lets several bot instances take updates behind one load balancer: one chat's updates are
 * handled one at a time across processes, and an update delivered twice (Telegram retries after
 * a timeout; a balancer may too) is handled once.
 */
export interface UpdateRepository {
  /**
   * Runs `work` holding the lock on `key` (a chat): the same key's work in any other process
   * waits until it is done. In-process ordering is the caller's (grammY's `sequentialize`).
   */
  exclusive<T>(key: string, work: () => Promise<T>): Promise<T>;
  /** Whether this update was recorded as handled. */
  isHandled(updateId: number): Promise<boolean>;
  /** Records the update as handled (idempotent); records older than a day are pruned now and then. */
  markHandled(updateId: number): Promise<void>;
}

/**
 * Replies to people, counted by instance (`holder`) and second (unix seconds), so that the
 * instance holding the sender lease can charge the other instances' replies to its budget.
 */
export interface ReplyLedger {
  /**
   * Whether other processes can share this database and so need the ledger: false on SQLite,
   * whose file belongs to one process.
   */
  readonly shared: boolean;
  /** Adds `n` replies to the holder's count of that second. */
  add(holder: string, second: number, n: number): Promise<void>;
  /** The other holders' replies from `sinceSecond` on, summed by second, oldest first. */
  othersSince(holder: string, sinceSecond: number): Promise<Array<{ second: number; count: number }>>;
  /** Forgets every count before `beforeSecond`. */
  prune(beforeSecond: number): Promise<void>;
}

/**
 * The outbox every delivery goes through. Planning is idempotent (one row per chat, thread and
 * story); a sender claims due rows, and a row it never finished comes back when its claim ends.
 * The claim is one UPDATE … RETURNING over a sub-select, which PostgreSQL runs with
 * `FOR UPDATE SKIP LOCKED` so that senders never wait on each other's rows.
 */
export interface OutboxRepository {
  /**
   * Plans a story: inserts its deliveries (a chat and thread that already has the story keeps its
   * row) and marks the story planned, in one transaction. Returns how many rows were new.
   */
  plan(articleId: number, deliveries: readonly PlannedDelivery[], at: Date): Promise<number>;
  /**
   * Another outlet's copy of a story already planned: the rows of the earlier stories not yet
   * sent get these payloads (keyed by story id), in one transaction; idempotent. The copy itself
   * is marked planned by `plan`, with the rows of any chat the earlier stories did not reach.
   */
  joinStory(payloads: ReadonlyMap<number, { alsoReportedBy: string[] }>): Promise<number>;
  /** The chats and threads that have (or had) a row for any of these stories. */
  scopesOf(articleIds: readonly number[]): Promise<Array<{ chatId: number; threadId: number }>>;
  /**
   * Claims up to `limit` due rows (breaking first, then the longest waiting) for `holder` until
   * `until`. A claimed digest item brings the chat's other due digest items with it.
   */
  claim(holder: string, now: Date, until: Date, limit: number): Promise<ClaimedDelivery[]>;
  /**
   * Rows left in flight by other senders (dead ones: the caller holds the sender lease), and any
   * whose claim ran out, go back to pending. Returns how many.
   */
  releaseClaims(exceptHolder: string, now: Date): Promise<number>;
  /** Telegram confirmed these; one transaction however many. */
  markSent(results: ReadonlyArray<{ id: number; messageId: number; sentAt: Date; latencyMs: number | null }>): Promise<void>;
  /** Back to pending, to be tried at `notBefore` (a flood wait, a network error). */
  reschedule(ids: readonly number[], notBefore: Date, error: string | null): Promise<void>;
  /** Finished without being sent: refused for good (failed) or the chat is gone (blocked). */
  finish(ids: readonly number[], status: Extract<DeliveryStatus, "failed" | "blocked">, error: string): Promise<void>;
  /** The chat blocked or removed the bot: every row still waiting for it is dropped. Returns how many. */
  dropChat(chatId: number, reason: string): Promise<number>;
  /** A group became a supergroup: its unsent rows follow it (a story the new chat already has stays once). */
  moveChat(fromId: number, toId: number): Promise<void>;
  /** A chat's rows waiting to be claimed, with what decides their time (its settings changed). */
  waiting(chatId: number): Promise<WaitingDelivery[]>;
  /** New kinds and times for rows still waiting; a row claimed meanwhile keeps its own. Returns how many moved. */
  retime(rows: ReadonlyArray<{ id: number; kind: DeliveryKind; notBefore: Date }>): Promise<number>;
  /** Pending and in-flight rows for a chat (tests, /stats). */
  unsent(chatId?: number): Promise<number>;
  /** The earliest `notBefore` after `now` of the rows waiting (when the sender should look next); null when none waits. */
  nextDue(now: Date): Promise<Date | null>;
  /** The earliest `notBefore` of the rows due by `now` and not yet sent (how late the queue runs); null when none is. */
  oldestDue(now: Date): Promise<Date | null>;
  /** Figures of one story, one broadcast, or every delivery created since a time. */
  figures(filter: { articleId: number } | { broadcastId: number } | { since: Date }): Promise<DeliveryFigures>;
}

/** Admins' broadcasts: the row that says what goes out, and its outbox rows (kind "broadcast"). */
export interface BroadcastRepository {
  /** The broadcast and every one of its deliveries, in one transaction. */
  create(broadcast: { createdBy: number; payload: BroadcastPayload; at: Date }, deliveries: readonly PlannedBroadcastDelivery[]): Promise<BroadcastRecord>;
  get(id: number): Promise<BroadcastRecord | undefined>;
  /** Broadcasts still going out, oldest first (what a restart resumes watching). */
  running(): Promise<BroadcastRecord[]>;
  updatePayload(id: number, payload: BroadcastPayload): Promise<void>;
  finish(id: number, status: Exclude<BroadcastStatus, "running">, figures: { sent: number; failed: number }, at: Date): Promise<void>;
  /** Stops a broadcast's rows not yet claimed: they become "dropped". Returns how many. */
  dropUnsent(id: number, reason: string): Promise<number>;
  /** Every chat the bot may still write to, by id. */
  activeChatIds(): Promise<number[]>;
}

/** Admins added from the bot; the config's ADMIN_IDS are admins besides these. */
export interface AdminRepository {
  /** Oldest first. */
  list(): Promise<number[]>;
  /** False when the user was an admin already. */
  add(userId: number, addedBy: number | null): Promise<boolean>;
  /** False when the user was not one. */
  remove(userId: number): Promise<boolean>;
}

/** Counts for admins' /stats, each one query. */
export interface StatsRepository {
  chats(): Promise<ChatCount[]>;
  /** Active chats following each topic (a chat counted once per topic however many threads follow it), most followed first. */
  subscribersPerTopic(): Promise<Array<{ slug: string; count: number }>>;
  /** Stories stored since a time. */
  articlesSince(since: Date): Promise<number>;
}

export interface Store {
  readonly chats: ChatRepository;
  readonly topics: TopicRepository;
  readonly subscriptions: SubscriptionRepository;
  readonly state: StateRepository;
  readonly audit: AuditLog;
  readonly sources: SourceRepository;
  readonly articles: ArticleRepository;
  readonly leases: LeaseRepository;
  readonly outbox: OutboxRepository;
  readonly broadcasts: BroadcastRepository;
  readonly admins: AdminRepository;
  readonly stats: StatsRepository;
  readonly updates: UpdateRepository;
  readonly replies: ReplyLedger;
  /** Finishes pending writes and closes the database. */
  close(): Promise<void>;
}
