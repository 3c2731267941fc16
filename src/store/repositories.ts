/**
 * What the rest of newsbrief may ask of storage. Every method is async so that a PostgreSQL
 * implementation can stand in for SQLite without touching a caller.
 */
import type { Locale } from "../i18n/locales.ts";
import type { AuditEntry, ChatRecord, ChatSettings, ChatStatus, SeenChat } from "./types.ts";

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

export interface Store {
  readonly chats: ChatRepository;
  readonly state: StateRepository;
  readonly audit: AuditLog;
  /** Finishes pending writes and closes the database. */
  close(): Promise<void>;
}
