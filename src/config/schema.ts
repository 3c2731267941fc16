/** The settings newsbrief reads from the environment, validated into one typed object. */
import { z } from "zod";
import { SUPPORTED_LOCALES } from "../i18n/locales.ts";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** Telegram's token shape: `<bot id>:<secret>`. */
const TOKEN_PATTERN = /^\d+:[A-Za-z0-9_-]+$/;
/** Telegram accepts 1-256 characters A-Z, a-z, 0-9, _ and - as a webhook secret. */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{1,256}$/;

const emptyToUndefined = (value: unknown): unknown => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess(emptyToUndefined, schema.default(fallback as never));

const positive = (unit: string) => z.coerce.number({ error: `expects ${unit}, e.g. 30` }).positive(`expects more than 0 ${unit}`).max(100_000);

export const envSchema = z
  .object({
    BOT_TOKEN: z.preprocess(
      emptyToUndefined,
      z
        .string({ error: "is not set" })
        .trim()
        .regex(TOKEN_PATTERN, "expects a token like 123456789:AAE… from @BotFather"),
    ),
    BOT_API_ROOT: withDefault(z.url({ protocol: /^https?$/, error: "expects an http(s) URL" }), "https://api.telegram.org"),
    DATABASE_PATH: withDefault(z.string().trim().min(1), "./data/newsbrief.db"),
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
    BOT_MODE: withDefault(z.enum(["polling", "webhook"], { error: "expects polling or webhook" }), "polling"),
    WEBHOOK_URL: optional(z.url({ protocol: /^https?$/, error: "expects the public https URL Telegram should call" })),
    WEBHOOK_SECRET: optional(z.string().regex(SECRET_PATTERN, "expects 1-256 characters from A-Z, a-z, 0-9, _ and -")),
    PORT: withDefault(z.coerce.number({ error: "expects a port number" }).int().min(0).max(65535), 8080),
    SEND_GLOBAL_PER_SECOND: withDefault(positive("messages a second"), 30),
    SEND_CHAT_PER_SECOND: withDefault(positive("messages a second"), 1),
    SEND_GROUP_PER_MINUTE: withDefault(positive("messages a minute"), 20),
    SEND_PAID_BROADCAST: withDefault(z.enum(["true", "false"], { error: "expects true or false" }), "false"),
    SEND_CONCURRENCY: withDefault(z.coerce.number({ error: "expects a whole number" }).int("expects a whole number").min(1).max(1000), 16),
    SEND_LEASE_SECONDS: withDefault(z.coerce.number({ error: "expects seconds" }).int("expects whole seconds").min(2).max(600), 10),
  })
  .superRefine((env, ctx) => {
    if (env.BOT_MODE !== "webhook") return;
    if (!env.WEBHOOK_URL) ctx.addIssue({ code: "custom", path: ["WEBHOOK_URL"], message: "is required when BOT_MODE=webhook" });
    if (!env.WEBHOOK_SECRET)
      ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "is required when BOT_MODE=webhook" });
  });

export type Env = z.output<typeof envSchema>;
