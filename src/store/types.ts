/** The records callers of the store see: plain objects, no SQL types. */
import type { Locale } from "../i18n/locales.ts";
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
