/** The records callers of the store see: plain objects, no SQL types. */
import type { Locale } from "../i18n/locales.ts";

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
