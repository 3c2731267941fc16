/** The context every handler sees: grammY's, plus translations, the chat's record and a logger. */
import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context, SessionFlavor } from "grammy";
import type { Locale } from "../i18n/locales.ts";
import type { HttpClient } from "../ingest/http/index.ts";
import type { IngestService } from "../ingest/service.ts";
import type { BroadcastService } from "../delivery/broadcast.ts";
import type { DeliveryService } from "../delivery/service.ts";
import type { AdminService } from "../admins/service.ts";
import type { SourcePreview } from "../ingest/sources.ts";
import type { Logger } from "../logger.ts";
import type { ChatRecord, Store } from "../store/index.ts";
import type { ArchiveIndex } from "../archive/archive-index.ts";
import type { FetchArticle } from "../archive/fetch-article.ts";
import type { RelatedLink } from "../extract/index.ts";

/** What a question the bot asked waits for: words to follow, or a time zone to type. */
export type PromptKind = "words" | "timezone";

/** A question (a ForceReply message) waiting for its answer; see `subscriptions/prompts.ts`. */
export interface PendingPrompt {
  kind: PromptKind;
  /** The question's message: the answer replies to it. */
  messageId: number;
  /** Who was asked; only their answer counts. */
  userId: number;
  /** The chat and forum topic the answer applies to (a channel, when asked from a private chat). */
  chatId: number;
  threadId: number;
  /** When it was asked (ms since the epoch). */
  at: number;
}

/** A feed /addsource found and showed, waiting for the admin's Add or Cancel. */
export interface PendingSource {
  /** Carried by the preview's buttons: a press on an older preview does not add this one. */
  token: string;
  /** When it was shown (ms since the epoch); a preview left for long is stale. */
  at: number;
  preview: SourcePreview;
}

/** Per-chat state kept between updates (and restarts). */
export interface SessionData {
  /** The page of /topics the chat last looked at, so "back" returns there. */
  topicsPage?: number;
  /** Questions waiting for an answer in this chat. */
  prompts?: PendingPrompt[];
  /** Channels set up from this private chat with /channel, most recent last. */
  channels?: number[];
  /** The source /addsource is showing (newsbrief admins only). */
  pendingSource?: PendingSource;
  /** The latest /related and /search queries whose answers can still be paged, newest last. */
  queries?: SavedQuery[];
}

/** A page the user linked that the archive does not hold: what /related compared, kept for paging. */
export interface SavedPage {
  url: string;
  title: string;
  text: string;
  published?: string;
  links: RelatedLink[];
}

export type SavedQuery =
  | { id: number; kind: "search" | "words"; words: string }
  | { id: number; kind: "page"; page: SavedPage };

export interface BotDeps {
  store: Store;
  logger: Logger;
  /** The archive as /related, /search and inline mode search it. */
  archiveIndex: ArchiveIndex;
  /** Fetches and extracts a page a user linked (the guarded HTTP client in production). */
  fetchArticle: FetchArticle;
  /** The clock, injectable so tests can move time. */
  now: () => Date;
  /** The guarded client every outbound request goes through (SSRF guard, limits). */
  http: HttpClient;
  /** Polls sources; the bot asks it for a first poll when an admin adds one. */
  ingest: IngestService;
  /** Admins' broadcasts (/breaking, /stopbroadcast): audience, rows, figures. */
  broadcasts: BroadcastService;
  /** Delivery's part in a settings change: the chat's waiting briefs move to its new times. */
  deliveries: Pick<DeliveryService, "settingsChanged">;
  /** newsbrief's admins: ADMIN_IDS and those added with /admins. */
  admins: AdminService;
}

export interface BotConfig {
  /** Telegram user ids allowed to run admin commands everywhere. */
  adminIds: readonly number[];
  defaultLocale: Locale;
  /** A new source's poll interval, in seconds (POLL_INTERVAL_S). */
  defaultPollIntervalS: number;
}

export interface Extras {
  /** A logger bound to this update (update id, chat id). */
  log: Logger;
  deps: BotDeps;
  config: BotConfig;
  /** The stored chat this update belongs to, when it has one. */
  chatRecord: ChatRecord | undefined;
  /** The locale replies go out in. */
  locale: Locale;
}

/** What every context has, inside conversations too. */
export type CoreContext = Context & Extras & I18nFlavor;
export type BotContext = ConversationFlavor<CoreContext & SessionFlavor<SessionData>>;
/** The context inside a conversation: the same plugins run there, but no session. */
export type ConversationContext = CoreContext;
