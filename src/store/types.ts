/** The records callers of the store see: plain objects, no SQL types. */
import type { Locale } from "../i18n/locales.ts";
import type { Brief } from "../brief/types.ts";
import type { RelatedLink } from "../extract/article.ts";
import type { TopicEvidence } from "../topics/evidence.ts";
import type { Topic } from "../topics/types.ts";

export type ChatType = "private" | "group" | "supergroup" | "channel";
/** `blocked`: the bot may not write there (403); `left`: removed from the group; `migrated`: became a supergroup. */
export type ChatStatus = "active" | "blocked" | "left" | "migrated";

export interface QuietHours {
  /** "HH:MM" in the chat's time zone. */
  from: string;
  to: string;
}

export interface ChatSettings {
  delivery: "instant" | "digest";
  digest: { every: "hourly" | "daily"; at: string };
  timeZone: string;
  quietHours: QuietHours | null;
  breakingThroughQuiet: boolean;
  linkPreviews: boolean;
  images: boolean;
}

export const DEFAULT_CHAT_SETTINGS: ChatSettings = {
  delivery: "instant",
  digest: { every: "daily", at: "08:00" },
  timeZone: "Europe/Kyiv",
  quietHours: null,
  breakingThroughQuiet: true,
  linkPreviews: false,
  images: true,
};

export interface ChatRecord {
  id: number;
  type: ChatType;
  title: string | null;
  username: string | null;
  /** The chat's chosen locale; null until chosen or guessed. */
  locale: Locale | null;
  settings: ChatSettings;
  status: ChatStatus;
  migratedTo: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface SeenChat {
  id: number;
  type: ChatType;
  title?: string | undefined;
  username?: string | undefined;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  chatId: number | null;
  action: string;
  details: Record<string, unknown>;
}

/** A topic as the store keeps it: its definition and whether chats are offered it. */
export interface StoredTopic {
  topic: Topic;
  /** True while the definition is the one shipped in the catalog; an admin's edit makes it false. */
  builtin: boolean;
  enabled: boolean;
  updatedAt: string;
}

/** `topic`: a catalog topic by slug; `keywords`: a custom topic of words the chat chose. */
export type SubscriptionKind = "topic" | "keywords";

/** Where briefs go: a chat, and in forum supergroups one of its topics (threadId 0 = the chat itself). */
export interface SubscriptionScope {
  chatId: number;
  threadId: number;
}

export type SubscriptionTarget =
  | { kind: "topic"; slug: string }
  /** `key` is the canonical query (`parseCustomTopic(...).topic.key`); `query` what the user typed. */
  | { kind: "keywords"; key: string; query: string };

export interface Subscription extends SubscriptionScope {
  id: number;
  kind: SubscriptionKind;
  /** A topic slug, or the canonical key of a custom topic. */
  target: string;
  /** The words as the user typed them (custom topics only). */
  query: string | null;
  createdBy: number | null;
  createdAt: string;
}

/** The feed formats ingestion reads. */
export type FeedFormat = "rss" | "atom" | "rdf" | "json";

/** A news source: a feed the newsroom polls (and, where its hub allows, is pushed by). */
export interface SourceRecord {
  id: number;
  name: string;
  feedUrl: string;
  /** The site's home page, from the feed or the page the feed was found on. */
  siteUrl: string | null;
  language: string | null;
  format: FeedFormat;
  pollIntervalS: number;
  /** Topic slugs every story of the source gets. */
  defaultTopics: string[];
  /** The site's section names (lowercased) mapped to topic slugs. */
  sectionMap: Record<string, string>;
  enabled: boolean;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
  /** Null until the first successful poll: that one archives the feed instead of delivering it. */
  lastSuccessAt: string | null;
  nextPollAt: string | null;
  /** Failed polls in a row, and since when the source has been failing. */
  failures: number;
  failingSince: string | null;
  lastError: string | null;
  alertedAt: string | null;
  websub: WebSubState | null;
  createdAt: string;
}

export interface WebSubState {
  hub: string;
  /** The feed URL as the hub knows it (the `self` link). */
  topic: string;
  secret: string;
  /** When the hub's lease ends; null while the subscription is still being verified. */
  leaseUntil: string | null;
}

export interface NewSource {
  name: string;
  feedUrl: string;
  siteUrl?: string | null;
  language?: string | null;
  format: FeedFormat;
  pollIntervalS: number;
  defaultTopics?: string[];
  sectionMap?: Record<string, string>;
}

/** A topic an article was given, and how sure the assignment was (0-1). */
export interface ArticleTopic {
  slug: string;
  confidence: number;
  /**
   * Where it came from (`topicEvidence(assignment)`). A topic only the classifier gave must say
   * "classifier": the classifier learns from the others. Unknown (null) counts as not the classifier's.
   */
  evidence?: TopicEvidence | null;
}

/** A labelled article of the archive, for teaching the topic classifier. */
export interface TrainingArticle {
  id: number;
  title: string;
  description: string | null;
  body: string;
  /** Its topics that were not the classifier's guess. */
  slugs: string[];
}

/** A stored story: the article, its brief and where it came from. */
export interface StoredArticle {
  id: number;
  sourceId: number | null;
  /** The source's name, for "also reported by …". */
  sourceName: string | null;
  /** The URL the story is known by: the canonical one, tracking parameters stripped. */
  url: string;
  guid: string | null;
  /** The feed item as last seen (a hash): when it changes, the item was edited. */
  itemHash: string | null;
  title: string;
  byline: string | null;
  publishedAt: string | null;
  section: string | null;
  lang: string | null;
  image: string | null;
  description: string | null;
  body: string;
  /** The brief as ingestion built it (title, sentences, source, link, tags). */
  brief: Brief;
  /** "feed" when the page could not be fetched or extracted and the feed's own text was used. */
  textFrom: "page" | "feed";
  contentHash: string | null;
  fingerprint: string | null;
  /** Other outlets' copies of the same story share the group. */
  storyGroupId: number | null;
  /** False for stories archived by a source's first poll: searchable, never delivered. */
  deliver: boolean;
  plannedAt: string | null;
  fetchedAt: string;
  updatedAt: string | null;
  topics: ArticleTopic[];
}

/** What the /related index needs of a stored article: its words and its date. */
export interface IndexableArticle {
  id: number;
  title: string;
  body: string;
  lang: string | null;
  /** When published, or when fetched when the page did not say. */
  date: string;
}

export interface NewArticle {
  sourceId: number | null;
  url: string;
  guid?: string | null;
  itemHash?: string | null;
  title: string;
  byline?: string | null;
  publishedAt?: string | null;
  section?: string | null;
  lang?: string | null;
  image?: string | null;
  description?: string | null;
  body: string;
  brief: Brief;
  textFrom: "page" | "feed";
  contentHash: string | null;
  fingerprint: string | null;
  deliver: boolean;
  topics: ArticleTopic[];
  links: RelatedLink[];
}

/** How a planned delivery goes out: a brief of its own, or one item of the chat's next digest. */
export type DeliveryKind = "brief" | "digest" | "broadcast";

/** An outbox row not yet claimed, as far as its timing goes. */
export interface WaitingDelivery {
  id: number;
  kind: DeliveryKind;
  /** 1: a breaking brief or broadcast. */
  priority: number;
  /** Tried before (a flood wait or a passing error set its time). */
  attempts: number;
  notBefore: Date;
}

/**
 * - pending: waiting for its time (`notBefore`); sending: claimed by a sender;
 * - sent: Telegram confirmed it; failed: refused for good or out of retries;
 * - blocked: the chat blocked or removed the bot; dropped: left unsent because the chat went away.
 */
export type DeliveryStatus = "pending" | "sending" | "sent" | "failed" | "blocked" | "dropped";

/** What the rows of a story carry besides the story itself. */
export interface DeliveryPayload {
  /** Other outlets that reported the same story after it was planned ("also reported by …"). */
  alsoReportedBy?: string[];
  breaking?: boolean;
}

/** One chat (or forum topic) a story is planned for. */
export interface PlannedDelivery {
  chatId: number;
  threadId: number;
  kind: DeliveryKind;
  notBefore: Date;
  priority: number;
  payload: DeliveryPayload;
}

/** A delivery a sender has claimed. */
export interface ClaimedDelivery {
  id: number;
  chatId: number;
  threadId: number;
  kind: DeliveryKind;
  articleId: number | null;
  broadcastId: number | null;
  payload: DeliveryPayload;
  priority: number;
  attempts: number;
  notBefore: string;
}

/** The figures of a story, a broadcast or a period: what reached chats and how fast. */
export interface DeliveryFigures {
  planned: number;
  pending: number;
  sent: number;
  failed: number;
  /** Chats that blocked or removed the bot (the delivery that found out, and the ones dropped with it). */
  blocked: number;
  /** From the story being stored to Telegram confirming, over the sent deliveries (null before any). */
  latencyMs: { average: number; max: number } | null;
}

export type BroadcastStatus = "running" | "done" | "stopped";

/** Who a broadcast goes to: every active chat, the chats following some topics, or the admin alone (a test). */
export type BroadcastAudience = { kind: "all" } | { kind: "topics"; slugs: string[] } | { kind: "test" };

/** What a broadcast sends and how, kept with it so that a restart carries on with the same. */
export interface BroadcastPayload {
  brief: import("../brief/types.ts").Brief;
  audience: BroadcastAudience;
  /** Marked urgent by the admin: digests wait for nobody and quiet hours let it through where the chat allows. */
  urgent: boolean;
  /** The admin's locale, for the status message. */
  locale: "en" | "uk";
  /** The status message edited with the broadcast's figures. */
  status?: { chatId: number; messageId: number; text?: string; editedAt?: number };
}

export interface BroadcastRecord {
  id: number;
  createdBy: number;
  payload: BroadcastPayload;
  status: BroadcastStatus;
  total: number;
  createdAt: string;
  finishedAt: string | null;
}

/** One chat (or forum topic) a broadcast goes to, and when. */
export interface PlannedBroadcastDelivery {
  chatId: number;
  threadId: number;
  notBefore: Date;
  priority: number;
}

/** Chats of one kind and status (/stats). */
export interface ChatCount {
  type: string;
  status: string;
  count: number;
}
