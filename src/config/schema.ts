/** The settings newsbrief reads from the environment, validated into one typed object. */
import { Cron } from "croner";
import { z } from "zod";
import { SUPPORTED_LOCALES } from "../i18n/locales.ts";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** A cron pattern croner accepts ("30 3 * * *"), or "off". */
function isSchedule(value: string): boolean {
  if (value === "off") return true;
  try {
    new Cron(value, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

/** Telegram's token shape: `<bot id>:<secret>`. */
const TOKEN_PATTERN = /^\d+:[A-Za-z0-9_-]+$/;
/** Telegram accepts 1-256 characters A-Z, a-z, 0-9, _ and - as a webhook secret. */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{1,256}$/;

const emptyToUndefined = (value: unknown): unknown => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess(emptyToUndefined, schema.default(fallback as never));

const BOOLEAN_WORDS: Record<string, boolean> = { true: true, false: false, yes: true, no: false, "1": true, "0": false };

/**
 * The settings of the outbound HTTP client, on their own so that CLI commands that fetch a page
 * (and have no bot token) can validate just these.
 */
export const fetchEnvShape = {
  FETCH_ALLOW_PRIVATE_HOSTS: withDefault(
    z
      .string()
      .trim()
      .toLowerCase()
      .refine((value) => value in BOOLEAN_WORDS, "expects true or false")
      .transform((value) => BOOLEAN_WORDS[value] as boolean),
    // zod 4 returns a default as the output, unparsed: the boolean itself.
    false as never,
  ),
  FETCH_TIMEOUT_MS: withDefault(
    z.coerce.number({ error: "expects a time in milliseconds, e.g. 15000" }).int("expects a whole number of milliseconds").min(100, "expects at least 100 ms").max(600_000, "expects at most 600000 ms (10 minutes)"),
    15_000,
  ),
  FETCH_MAX_BYTES: withDefault(
    z.coerce.number({ error: "expects a size in bytes, e.g. 5242880" }).int("expects a whole number of bytes").min(1024, "expects at least 1024 bytes").max(1024 ** 3, "expects at most 1073741824 bytes (1 GB)"),
    5 * 1024 * 1024,
  ),
};

export const fetchEnvSchema = z.object(fetchEnvShape);

const count = (min: number, max: number, fallback: number, what: string) =>
  withDefault(z.coerce.number({ error: `expects ${what}` }).int(`expects ${what}`).min(min, `expects at least ${min}`).max(max, `expects at most ${max}`), fallback);

/** What every entry needs, the CLI included: the database, the newsroom's admins, ingestion. */
export const newsroomShape = {
  ...fetchEnvShape,
  DATABASE_PATH: withDefault(z.string().trim().min(1), "./data/newsbrief.db"),
  // Wins over DATABASE_PATH when set. zod's URL check reads the scheme; pg reads the rest (host, socket, ssl, options).
  DATABASE_URL: optional(
    z.url({ protocol: /^postgres(ql)?$/, error: "expects a PostgreSQL URL like postgres://user:password@host:5432/database" }),
  ),
  DATABASE_POOL_MAX: count(1, 1000, 10, "how many PostgreSQL connections one instance may open, e.g. 10"),
  ADMIN_IDS: z.preprocess(
    (value) => value ?? "",
    z
      .string()
      .trim()
      .regex(/^(\d+(\s*,\s*\d+)*)?$/, "expects Telegram user ids separated by commas, e.g. 12345,67890")
      .transform((value) => (value === "" ? [] : value.split(",").map((id) => Number(id.trim())))),
  ),
  DEFAULT_LOCALE: withDefault(z.enum(SUPPORTED_LOCALES, { error: `expects one of ${SUPPORTED_LOCALES.join(", ")}` }), "en"),
  LOG_LEVEL: withDefault(z.enum(LOG_LEVELS, { error: `expects one of ${LOG_LEVELS.join(", ")}` }), "info"),
  POLL_INTERVAL_S: count(60, 86_400, 300, "seconds between two polls of a source, e.g. 300"),
  POLL_HOST_DELAY_MS: count(0, 60_000, 1000, "milliseconds between two requests to one site, e.g. 1000"),
  POLL_CONCURRENCY: count(1, 64, 4, "how many sources to poll at once, e.g. 4"),
  SOURCE_ALERT_AFTER_HOURS: withDefault(z.coerce.number({ error: "expects hours, e.g. 3" }).min(0).max(24 * 30), 3),
};

export const newsroomSchema = z.object(newsroomShape);
const positive = (unit: string) => z.coerce.number({ error: `expects ${unit}, e.g. 30` }).positive(`expects more than 0 ${unit}`).max(100_000);

export const envSchema = z
  .object({
    ...newsroomShape,
    BOT_TOKEN: z.preprocess(
      emptyToUndefined,
      z
        .string({ error: "is not set" })
        .trim()
        .regex(TOKEN_PATTERN, "expects a token like 123456789:AAE… from @BotFather"),
    ),
    BOT_API_ROOT: withDefault(z.url({ protocol: /^https?$/, error: "expects an http(s) URL" }), "https://api.telegram.org"),
    BOT_API_RETRY_MIN_MS: withDefault(z.coerce.number({ error: "expects milliseconds" }).int().min(1).max(3_600_000), 1000),
    BOT_API_RETRY_MAX_MS: withDefault(z.coerce.number({ error: "expects milliseconds" }).int().min(1).max(3_600_000), 60_000),
    BOT_MODE: withDefault(z.enum(["polling", "webhook"], { error: "expects polling or webhook" }), "polling"),
    WEBHOOK_URL: optional(z.url({ protocol: /^https?$/, error: "expects the public https URL Telegram should call" })),
    WEBHOOK_SECRET: optional(z.string().regex(SECRET_PATTERN, "expects 1-256 characters from A-Z, a-z, 0-9, _ and -")),
    TOPIC_RETRAIN_SCHEDULE: withDefault(
      z.string().trim().refine(isSchedule, 'expects a cron pattern such as "30 3 * * *" (daily at 03:30), or off'),
      "30 3 * * *",
    ),
    TOPIC_MIN_ARTICLES: withDefault(z.coerce.number({ error: "expects a whole number" }).int().min(2, "expects at least 2").max(100_000), 20),
    PORT: withDefault(z.coerce.number({ error: "expects a port number" }).int().min(0).max(65535), 8080),
    // Off unless set: /metrics (Prometheus) and /healthz on this port.
    METRICS_PORT: optional(z.coerce.number({ error: "expects a port number, e.g. 9464" }).int().min(0).max(65535)),
    RELATED_INDEX_ARTICLES: withDefault(z.coerce.number({ error: "expects a number of articles" }).int().min(1000, "expects at least 1000").max(1_000_000, "expects at most 1000000"), 100_000),
    SEND_GLOBAL_PER_SECOND: withDefault(positive("messages a second"), 30),
    SEND_CHAT_PER_SECOND: withDefault(positive("messages a second"), 1),
    SEND_GROUP_PER_MINUTE: withDefault(positive("messages a minute"), 20),
    SEND_PAID_BROADCAST: withDefault(z.enum(["true", "false"], { error: "expects true or false" }), "false"),
    SEND_CONCURRENCY: withDefault(z.coerce.number({ error: "expects a whole number" }).int("expects a whole number").min(1).max(1000), 16),
    SEND_LEASE_SECONDS: withDefault(z.coerce.number({ error: "expects seconds" }).int("expects whole seconds").min(2).max(600), 10),
  })
  .superRefine((env, ctx) => {
    if (env.BOT_API_RETRY_MAX_MS < env.BOT_API_RETRY_MIN_MS) {
      ctx.addIssue({ code: "custom", path: ["BOT_API_RETRY_MAX_MS"], message: "must not be less than BOT_API_RETRY_MIN_MS" });
    }
    if (env.BOT_MODE !== "webhook") return;
    if (!env.WEBHOOK_URL) ctx.addIssue({ code: "custom", path: ["WEBHOOK_URL"], message: "is required when BOT_MODE=webhook" });
    if (!env.WEBHOOK_SECRET)
      ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "is required when BOT_MODE=webhook" });
  });

export type Env = z.output<typeof envSchema>;
export type FetchEnv = z.output<typeof fetchEnvSchema>;
export type NewsroomEnv = z.output<typeof newsroomSchema>;
