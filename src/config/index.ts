/**
 * Configuration: read once at start-up from the environment (and `.env`), validated, and
 * passed down as one typed object. Nothing reads `process.env` at import time.
 */
import { existsSync, readFileSync } from "node:fs";
import { parse as parseDotenv } from "dotenv";
import type { z } from "zod";
import type { Locale } from "../i18n/locales.ts";
import { envSchema, newsroomSchema, type NewsroomEnv } from "./schema.ts";

/** Polling sources: see `.env.example` for each. */
export interface IngestSettings {
  defaultPollIntervalS: number;
  hostDelayMs: number;
  concurrency: number;
  alertAfterMs: number;
}

/** What every entry needs, the command line included (which has no bot token). */
export interface NewsroomConfig {
  databasePath: string;
  adminIds: readonly number[];
  defaultLocale: Locale;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  ingest: IngestSettings;
}

export interface Config extends NewsroomConfig {
  botToken: string;
  apiRoot: string;
  mode: { kind: "polling" } | { kind: "webhook"; url: string; secret: string; port: number };
}

/** A setting is missing or malformed; the message is one line naming the variable. */
export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`${variable} ${problem}`);
    this.name = "ConfigError";
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const e = validate(envSchema, env);
  return {
    ...newsroom(e),
    botToken: e.BOT_TOKEN,
    apiRoot: e.BOT_API_ROOT.replace(/\/+$/, ""),
    mode:
      e.BOT_MODE === "webhook"
        ? { kind: "webhook", url: e.WEBHOOK_URL ?? "", secret: e.WEBHOOK_SECRET ?? "", port: e.PORT }
        : { kind: "polling" },
  };
}

/** The settings the command line needs: everything but the bot's own. */
export function parseNewsroomConfig(env: Record<string, string | undefined>): NewsroomConfig {
  return newsroom(validate(newsroomSchema, env));
}

function validate<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.output<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = String(issue?.path[0] ?? "configuration");
    throw new ConfigError(variable, issue?.message ?? "is invalid");
  }
  return result.data;
}

function newsroom(e: NewsroomEnv): NewsroomConfig {
  return {
    databasePath: e.DATABASE_PATH,
    adminIds: e.ADMIN_IDS,
    defaultLocale: e.DEFAULT_LOCALE,
    logLevel: e.LOG_LEVEL,
    ingest: {
      defaultPollIntervalS: e.POLL_INTERVAL_S,
      hostDelayMs: e.POLL_HOST_DELAY_MS,
      concurrency: e.POLL_CONCURRENCY,
      alertAfterMs: Math.round(e.SOURCE_ALERT_AFTER_HOURS * 3600_000),
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
