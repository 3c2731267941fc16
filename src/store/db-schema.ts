/**
 * The tables as Kysely sees them. Column types are the dialect-neutral subset that both
 * SQLite and PostgreSQL store the same way: integers, text (JSON kept as text), timestamps
 * as ISO-8601 text, booleans as 0/1.
 */
import type { Generated } from "kysely";

export interface ChatsTable {
  id: number;
  type: string;
  title: string | null;
  username: string | null;
  locale: string | null;
  settings: string;
  status: string;
  migrated_to: number | null;
  created_at: string;
  updated_at: string;
}

export interface KvStateTable {
  namespace: string;
  key: string;
  value: string;
  updated_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  chat_id: number | null;
  action: string;
  details: string;
}

export interface TopicsTable {
  slug: string;
  definition: string;
  builtin: number;
  enabled: number;
  updated_at: string;
}

export interface SubscriptionsTable {
  id: Generated<number>;
  chat_id: number;
  /** Forum topic of the chat the briefs go to; 0 for the chat itself. */
  thread_id: number;
  kind: string;
  /** A topic slug, or the canonical key of a custom keyword query. */
  target: string;
  /** The query as the user typed it, for custom topics. */
  query: string | null;
  created_by: number | null;
  created_at: string;
}

export interface SourcesTable {
  id: Generated<number>;
  name: string;
  feed_url: string;
  homepage: string | null;
  format: string;
  section_map: string;
  enabled: number;
  poll_interval_s: number;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | null;
  last_error: string | null;
  created_at: string;
  site_url: string | null;
  language: string | null;
  /** JSON array of topic slugs every item of the source gets. */
  default_topics: Generated<string>;
  next_poll_at: string | null;
  last_success_at: string | null;
  /** Failed polls in a row. */
  failures: Generated<number>;
  failing_since: string | null;
  /** When the admins were told the source is failing; cleared when it recovers. */
  alerted_at: string | null;
  websub_hub: string | null;
  websub_topic: string | null;
  websub_secret: string | null;
  websub_lease_until: string | null;
}

export interface StoryGroupsTable {
  id: Generated<number>;
  title: string;
  created_at: string;
}

export interface ArticlesTable {
  id: Generated<number>;
  source_id: number | null;
  url: string;
  canonical_url: string | null;
  title: string;
  byline: string | null;
  published_at: string | null;
  section: string | null;
  lang: string | null;
  image: string | null;
  description: string | null;
  body: string;
  story_group_id: number | null;
  fetched_at: string;
  /** The feed item's guid (or id), unique within its source. */
  guid: string | null;
  /** A hash of the feed item as the feed last showed it: a change means the item was edited. */
  item_hash: string | null;
  /** SHA-256 of the normalised body: the same text under another URL is the same article. */
  content_hash: string | null;
  /** 64-bit SimHash of the text's shingles, as 16 hex digits: near-duplicates across outlets. */
  fingerprint: string | null;
  /** The Brief as JSON, ready to render. */
  brief: string | null;
  /** "page" when the article page was extracted, "feed" when only the feed's text was usable. */
  text_from: Generated<string>;
  /** 1 for a new story subscribers should get; 0 for one archived by a source's first poll. */
  deliver: Generated<number>;
  /** When delivery planned the story (or decided there was nothing to plan); null until then. */
  planned_at: string | null;
  updated_at: string | null;
}

export interface ArticleTopicsTable {
  article_id: number;
  topic_slug: string;
  confidence: number;
  /** "source", "text" or "classifier" (TopicEvidence); null for rows written before 0004. */
  evidence: string | null;
}

export interface ArticleLinksTable {
  article_id: number;
  url: string;
  title: string;
  kind: string;
  block_label: string | null;
  section: string | null;
}

export interface BroadcastsTable {
  id: Generated<number>;
  created_by: number;
  article_id: number | null;
  payload: string;
  status: string;
  total: number;
  sent: number;
  failed: number;
  created_at: string;
  finished_at: string | null;
}

export interface AdminsTable {
  user_id: number;
  added_by: number | null;
  added_at: string;
}

export interface OutboxTable {
  id: Generated<number>;
  chat_id: number;
  thread_id: number;
  kind: string;
  article_id: number | null;
  broadcast_id: number | null;
  payload: string;
  status: string;
  attempts: number;
  not_before: string;
  last_error: string | null;
  message_id: number | null;
  created_at: string;
  sent_at: string | null;
  /** 1 for breaking briefs: claimed before everything else that is due. */
  priority: Generated<number>;
  /** The sender holding the row while it is in flight, and until when (a dead sender's rows come back). */
  claimed_by: string | null;
  claim_expires_at: string | null;
  /** From the story being stored to Telegram confirming the message. */
  latency_ms: number | null;
}

/** Who may do a job alone (poll a source, send) until when. */
export interface LeasesTable {
  name: string;
  holder: string;
  expires_at: string;
}

/** Updates the bot handled, by Telegram's update_id, so that one delivered twice is handled once. */
export interface HandledUpdatesTable {
  update_id: number;
  handled_at: string;
}

/** Replies to people an instance sent, by second (unix seconds): see ReplyLedger. */
export interface ReplyCountsTable {
  holder: string;
  second: number;
  count: number;
}

export interface Database {
  chats: ChatsTable;
  kv_state: KvStateTable;
  audit_log: AuditLogTable;
  topics: TopicsTable;
  subscriptions: SubscriptionsTable;
  sources: SourcesTable;
  story_groups: StoryGroupsTable;
  articles: ArticlesTable;
  article_topics: ArticleTopicsTable;
  article_links: ArticleLinksTable;
  broadcasts: BroadcastsTable;
  admins: AdminsTable;
  outbox: OutboxTable;
  leases: LeasesTable;
  handled_updates: HandledUpdatesTable;
  reply_counts: ReplyCountsTable;
}
