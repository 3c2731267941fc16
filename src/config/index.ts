/**
 * Configuration: read once at start-up from the environment (and `.env`), validated, and
 * passed down as one typed object. Nothing reads `process.env` at import time.
 */
import { existsSync, readFileSync } from "node:fs";
import { parse as parseDotenv } from "dotenv";
import type { z } from "zod";
import type { Locale } from "../i18n/locales.ts";
import { envSchema, fetchEnvSchema, newsroomSchema, type FetchEnv, type NewsroomEnv } from "./schema.ts";

/** How newsbrief fetches from the web: feeds, pages, /related links, WebSub hubs (see src/ingest/http). */
export interface FetchConfig {
  /** Lets URLs reach loopback, private and link-local addresses: for tests and a local demo only. */
  allowPrivateHosts: boolean;
  /** "newsbrief/<version> (+<homepage>)", so site owners can tell who is calling. */
  userAgent: string;
  /** The whole exchange, redirects and body included. */
  timeoutMs: number;
  connectTimeoutMs: number;
  /** The cap on a body, counted after decompression. */
  maxBytes: number;
  maxRedirects: number;
}

/** Polling sources: see `.env.example` for each. */
export interface IngestSettings {
  defaultPollIntervalS: number;
  hostDelayMs: number;
  concurrency: number;
  alertAfterMs: number;
}

/** What every entry needs, the command line included (which has no bot token). */
export interface NewsroomConfig {
  /** The SQLite file, used unless `databaseUrl` is set. */
  databasePath: string;
  /** A PostgreSQL server (postgres://…), for a newsroom that outgrew one machine; null: SQLite. */
  databaseUrl: string | null;
  /** The size of the PostgreSQL connection pool of one instance. */
  databasePoolMax: number;
  adminIds: readonly number[];
  defaultLocale: Locale;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  fetch: FetchConfig;
  ingest: IngestSettings;
}

export interface Config extends NewsroomConfig {
  botToken: string;
  apiRoot: string;
  /** Backoff while the Bot API cannot be reached at start-up. */
  apiRetry: { initialDelayMs: number; maxDelayMs: number };
  mode: { kind: "polling" } | { kind: "webhook"; url: string; secret: string; port: number };
  /** The broad-topic classifier learned from the archive: its retraining schedule (null: off) and minimum per topic. */
  topicModel: { schedule: string | null; minPerTopic: number };
  /** The newest stored articles /related, /search and inline mode hold in memory. */
  relatedIndexArticles: number;
  /** Where /metrics and /healthz are served; null: not served. */
  metricsPort: number | null;
  delivery: DeliveryConfig;
}

/** How fast the sender may go: Telegram's limits, as the operator's account has them. */
export interface DeliveryConfig {
  globalPerSecond: number;
  chatPerSecond: number;
  groupPerMinute: number;
  /** Send with `allow_paid_broadcast` (paid by Telegram Stars; up to 1,000 messages/s). */
  paidBroadcast: boolean;
  /** Most sends in flight at once. */
  concurrency: number;
  /** How long the sender lease lasts without renewal: how soon another process takes over a dead one. */
  leaseMs: number;
}

/** A setting is missing or malformed; the message is one line naming the variable. */
export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`${variable} ${problem}`);
    this.name = "ConfigError";
  }
}

/** The first problem zod found, as a ConfigError naming the variable. */
function configError(error: z.ZodError): ConfigError {
  const issue = error.issues[0];
  return new ConfigError(String(issue?.path[0] ?? "configuration"), issue?.message ?? "is invalid");
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) throw configError(result.error);
  const e = result.data;
  return {
    ...newsroomConfigOf(e),
    botToken: e.BOT_TOKEN,
    apiRoot: e.BOT_API_ROOT.replace(/\/+$/, ""),
    apiRetry: { initialDelayMs: e.BOT_API_RETRY_MIN_MS, maxDelayMs: e.BOT_API_RETRY_MAX_MS },
    relatedIndexArticles: e.RELATED_INDEX_ARTICLES,
    metricsPort: e.METRICS_PORT ?? null,
    mode:
      e.BOT_MODE === "webhook"
        ? { kind: "webhook", url: e.WEBHOOK_URL ?? "", secret: e.WEBHOOK_SECRET ?? "", port: e.PORT }
        : { kind: "polling" },
    topicModel: { schedule: e.TOPIC_RETRAIN_SCHEDULE === "off" ? null : e.TOPIC_RETRAIN_SCHEDULE, minPerTopic: e.TOPIC_MIN_ARTICLES },
    delivery: {
      globalPerSecond: e.SEND_GLOBAL_PER_SECOND,
      chatPerSecond: e.SEND_CHAT_PER_SECOND,
      groupPerMinute: e.SEND_GROUP_PER_MINUTE,
      paidBroadcast: e.SEND_PAID_BROADCAST === "true",
      concurrency: e.SEND_CONCURRENCY,
      leaseMs: e.SEND_LEASE_SECONDS * 1000,
    },
  };
}

/** The settings the command line needs: everything but the bot's own. */
export function parseNewsroomConfig(env: Record<string, string | undefined>): NewsroomConfig {
  const result = newsroomSchema.safeParse(env);
  if (!result.success) throw configError(result.error);
  return newsroomConfigOf(result.data);
}

function newsroomConfigOf(e: NewsroomEnv): NewsroomConfig {
  return {
    databasePath: e.DATABASE_PATH,
    databaseUrl: e.DATABASE_URL ?? null,
    databasePoolMax: e.DATABASE_POOL_MAX,
    adminIds: e.ADMIN_IDS,
    defaultLocale: e.DEFAULT_LOCALE,
    logLevel: e.LOG_LEVEL,
    fetch: fetchConfigOf(e),
    ingest: {
      defaultPollIntervalS: e.POLL_INTERVAL_S,
      hostDelayMs: e.POLL_HOST_DELAY_MS,
      concurrency: e.POLL_CONCURRENCY,
      alertAfterMs: Math.round(e.SOURCE_ALERT_AFTER_HOURS * 3600_000),
    },
  };
}

/** Only the fetch settings: for CLI commands that fetch a page and need no bot token. */
export function parseFetchConfig(env: Record<string, string | undefined>): FetchConfig {
  const result = fetchEnvSchema.safeParse(env);
  if (!result.success) throw configError(result.error);
  return fetchConfigOf(result.data);
}

const MAX_REDIRECTS = 5;
/** Connecting should take well under a second; a host that needs 10 s is down for our purposes. */
const MAX_CONNECT_TIMEOUT_MS = 10_000;

function fetchConfigOf(e: FetchEnv): FetchConfig {
  return {
    allowPrivateHosts: e.FETCH_ALLOW_PRIVATE_HOSTS,
    userAgent: userAgent(),
    timeoutMs: e.FETCH_TIMEOUT_MS,
    connectTimeoutMs: Math.min(MAX_CONNECT_TIMEOUT_MS, e.FETCH_TIMEOUT_MS),
    maxBytes: e.FETCH_MAX_BYTES,
    maxRedirects: MAX_REDIRECTS,
  };
}

interface PackageInfo {
  name?: string;
  version?: string;
  homepage?: string;
  repository?: string | { url?: string };
}

/** "newsbrief/<version> (+<homepage or repository>)", from package.json, read when the config is parsed. */
function userAgent(): string {
  const info = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as PackageInfo;
  const repository = typeof info.repository === "string" ? info.repository : info.repository?.url;
  const home = (info.homepage ?? repository)?.replace(/^git\+/, "").replace(/\.git$/, "");
  const product = `${info.name ?? "newsbrief"}/${info.version ?? "0.0.0"}`;
  return home ? `${product} (+${home})` : product;
}

/**
 * The environment with `.env` underneath it: a variable set in the real environment wins,
 * as with every other twelve-factor tool.
 */
export function readEnvironment(
  processEnv: Record<string, string | undefined>,
  dotenvPath = ".env",
): Record<string, string | undefined> {
  const fromFile = existsSync(dotenvPath) ? parseDotenv(readFileSync(dotenvPath)) : {};
  return { ...fromFile, ...processEnv };
}
