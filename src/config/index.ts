/**
 * Configuration: read once at start-up from the environment (and `.env`), validated, and
 * passed down as one typed object. Nothing reads `process.env` at import time.
 */
import { existsSync, readFileSync } from "node:fs";
import { parse as parseDotenv } from "dotenv";
import type { Locale } from "../i18n/locales.ts";
import { envSchema } from "./schema.ts";

export interface Config {
  botToken: string;
  apiRoot: string;
  databasePath: string;
  adminIds: readonly number[];
  defaultLocale: Locale;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  mode: { kind: "polling" } | { kind: "webhook"; url: string; secret: string; port: number };
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

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = String(issue?.path[0] ?? "configuration");
    throw new ConfigError(variable, issue?.message ?? "is invalid");
  }
  const e = result.data;
  return {
    botToken: e.BOT_TOKEN,
    apiRoot: e.BOT_API_ROOT.replace(/\/+$/, ""),
    databasePath: e.DATABASE_PATH,
    adminIds: e.ADMIN_IDS,
    defaultLocale: e.DEFAULT_LOCALE,
    logLevel: e.LOG_LEVEL,
    mode:
      e.BOT_MODE === "webhook"
        ? { kind: "webhook", url: e.WEBHOOK_URL ?? "", secret: e.WEBHOOK_SECRET ?? "", port: e.PORT }
        : { kind: "polling" },
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
