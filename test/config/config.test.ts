import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, parseFetchConfig, parseNewsroomConfig, readEnvironment } from "../../src/config/index.ts";

const TOKEN = "123456:ABC-def_ghi";
const VERSION = (JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "package.json"), "utf8")) as { version: string }).version;

function errorOf(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("reads the sender's limits and refuses ones that cannot work", () => {
    const config = parseConfig({ BOT_TOKEN: TOKEN, SEND_GLOBAL_PER_SECOND: "1000", SEND_PAID_BROADCAST: "true", SEND_CHAT_PER_SECOND: "0.5", SEND_CONCURRENCY: "64", SEND_LEASE_SECONDS: "5" });
    expect(config.delivery).toEqual({ globalPerSecond: 1000, chatPerSecond: 0.5, groupPerMinute: 20, paidBroadcast: true, concurrency: 64, leaseMs: 5000 });
    expect(errorOf({ BOT_TOKEN: TOKEN, SEND_GLOBAL_PER_SECOND: "0" })).toBe("SEND_GLOBAL_PER_SECOND expects more than 0 messages a second");
    expect(errorOf({ BOT_TOKEN: TOKEN, SEND_GLOBAL_PER_SECOND: "fast" })).toBe("SEND_GLOBAL_PER_SECOND expects messages a second, e.g. 30");
    expect(errorOf({ BOT_TOKEN: TOKEN, SEND_PAID_BROADCAST: "yes" })).toBe("SEND_PAID_BROADCAST expects true or false");
    expect(errorOf({ BOT_TOKEN: TOKEN, SEND_CONCURRENCY: "2.5" })).toBe("SEND_CONCURRENCY expects a whole number");
  });

  it("fills every default from a token alone", () => {
    expect(parseConfig({ BOT_TOKEN: TOKEN })).toEqual({
      botToken: TOKEN,
      apiRoot: "https://api.telegram.org",
      apiRetry: { initialDelayMs: 1000, maxDelayMs: 60_000 },
      databasePath: "./data/newsbrief.db",
      databaseUrl: null,
      databasePoolMax: 10,
      adminIds: [],
      defaultLocale: "en",
      logLevel: "info",
      mode: { kind: "polling" },
      fetch: {
        allowPrivateHosts: false,
        userAgent: expect.stringMatching(new RegExp(`^newsbrief/${VERSION.replace(/\./g, "\\.")}( \\(\\+https?://\\S+\\))?$`)),
        timeoutMs: 15_000,
        connectTimeoutMs: 10_000,
        maxBytes: 5 * 1024 * 1024,
        maxRedirects: 5,
      },
      ingest: { defaultPollIntervalS: 300, hostDelayMs: 1000, concurrency: 4, alertAfterMs: 3 * 3600_000 },
      topicModel: { schedule: "30 3 * * *", minPerTopic: 20 },
      relatedIndexArticles: 100_000,
      metricsPort: null,
      delivery: { globalPerSecond: 30, chatPerSecond: 1, groupPerMinute: 20, paidBroadcast: false, concurrency: 16, leaseMs: 10_000 },
    });
  });

  it("reads the size of the /related index and refuses nonsense", () => {
    expect(parseConfig({ BOT_TOKEN: TOKEN, RELATED_INDEX_ARTICLES: "5000" }).relatedIndexArticles).toBe(5000);
    expect(parseConfig({ BOT_TOKEN: TOKEN, METRICS_PORT: "9464" }).metricsPort).toBe(9464);
    expect(() => parseConfig({ BOT_TOKEN: TOKEN, METRICS_PORT: "metrics" })).toThrow(/METRICS_PORT/);
    expect(() => parseConfig({ BOT_TOKEN: TOKEN, RELATED_INDEX_ARTICLES: "lots" })).toThrow(/RELATED_INDEX_ARTICLES/);
    expect(() => parseConfig({ BOT_TOKEN: TOKEN, RELATED_INDEX_ARTICLES: "10" })).toThrow(/at least 1000/);
  });

  it("reads every setting", () => {
    const config = parseConfig({
      BOT_TOKEN: TOKEN,
      BOT_API_ROOT: "http://127.0.0.1:8081/",
      DATABASE_PATH: "/var/lib/newsbrief/db.sqlite",
      DATABASE_URL: "postgres://newsbrief:secret@db.internal:5432/newsroom",
      DATABASE_POOL_MAX: "20",
      ADMIN_IDS: "42, 7",
      DEFAULT_LOCALE: "uk",
      LOG_LEVEL: "debug",
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://news.example.org/telegram",
      WEBHOOK_SECRET: "s3cr3t_-",
      PORT: "3000",
      FETCH_ALLOW_PRIVATE_HOSTS: "true",
      FETCH_TIMEOUT_MS: "2500",
      FETCH_MAX_BYTES: "1048576",
      POLL_INTERVAL_S: "600",
      POLL_HOST_DELAY_MS: "0",
      POLL_CONCURRENCY: "8",
      SOURCE_ALERT_AFTER_HOURS: "0.5",
      BOT_API_RETRY_MIN_MS: "50",
      BOT_API_RETRY_MAX_MS: "2000",
    });
    expect(config).toMatchObject({
      apiRoot: "http://127.0.0.1:8081",
      apiRetry: { initialDelayMs: 50, maxDelayMs: 2000 },
      databasePath: "/var/lib/newsbrief/db.sqlite",
      databaseUrl: "postgres://newsbrief:secret@db.internal:5432/newsroom",
      databasePoolMax: 20,
      adminIds: [42, 7],
      defaultLocale: "uk",
      logLevel: "debug",
      mode: { kind: "webhook", url: "https://news.example.org/telegram", secret: "s3cr3t_-", port: 3000 },
      fetch: { allowPrivateHosts: true, timeoutMs: 2500, connectTimeoutMs: 2500, maxBytes: 1_048_576, maxRedirects: 5 },
      ingest: { defaultPollIntervalS: 600, hostDelayMs: 0, concurrency: 8, alertAfterMs: 1_800_000 },
    });
  });

  it("turns the topic retraining off", () => {
    expect(parseConfig({ BOT_TOKEN: TOKEN, TOPIC_RETRAIN_SCHEDULE: "off", TOPIC_MIN_ARTICLES: "50" }).topicModel).toEqual({ schedule: null, minPerTopic: 50 });
  });

  it("treats empty values as unset", () => {
    expect(parseConfig({ BOT_TOKEN: TOKEN, ADMIN_IDS: "", LOG_LEVEL: " ", PORT: "" }).logLevel).toBe("info");
  });

  it.each([
    [{}, "BOT_TOKEN is not set"],
    [{ BOT_TOKEN: "not-a-token" }, "BOT_TOKEN expects a token like 123456789:AAE… from @BotFather"],
    [{ BOT_TOKEN: TOKEN, ADMIN_IDS: "alice" }, "ADMIN_IDS expects Telegram user ids separated by commas, e.g. 12345,67890"],
    [{ BOT_TOKEN: TOKEN, DEFAULT_LOCALE: "fr" }, "DEFAULT_LOCALE expects one of en, uk"],
    [{ BOT_TOKEN: TOKEN, LOG_LEVEL: "loud" }, "LOG_LEVEL expects one of fatal, error, warn, info, debug, trace, silent"],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "push" }, "BOT_MODE expects polling or webhook"],
    [{ BOT_TOKEN: TOKEN, BOT_API_ROOT: "ftp://x" }, "BOT_API_ROOT expects an http(s) URL"],
    [{ BOT_TOKEN: TOKEN, PORT: "http" }, "PORT expects a port number"],
    [{ BOT_TOKEN: TOKEN, POLL_INTERVAL_S: "10" }, "POLL_INTERVAL_S expects at least 60"],
    [{ BOT_TOKEN: TOKEN, POLL_CONCURRENCY: "many" }, "POLL_CONCURRENCY expects how many sources to poll at once, e.g. 4"],
    [{ BOT_TOKEN: TOKEN, TOPIC_RETRAIN_SCHEDULE: "daily" }, 'TOPIC_RETRAIN_SCHEDULE expects a cron pattern such as "30 3 * * *" (daily at 03:30), or off'],
    [{ BOT_TOKEN: TOKEN, TOPIC_MIN_ARTICLES: "1" }, "TOPIC_MIN_ARTICLES expects at least 2"],
    [{ BOT_TOKEN: TOKEN, BOT_API_RETRY_MIN_MS: "soon" }, "BOT_API_RETRY_MIN_MS expects milliseconds"],
    [{ BOT_TOKEN: TOKEN, BOT_API_RETRY_MIN_MS: "5000", BOT_API_RETRY_MAX_MS: "100" }, "BOT_API_RETRY_MAX_MS must not be less than BOT_API_RETRY_MIN_MS"],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "webhook" }, "WEBHOOK_URL is required when BOT_MODE=webhook"],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://x.org/h" }, "WEBHOOK_SECRET is required when BOT_MODE=webhook"],
    [{ BOT_TOKEN: TOKEN, WEBHOOK_SECRET: "has space" }, "WEBHOOK_SECRET expects 1-256 characters from A-Z, a-z, 0-9, _ and -"],
    [{ BOT_TOKEN: TOKEN, FETCH_ALLOW_PRIVATE_HOSTS: "maybe" }, "FETCH_ALLOW_PRIVATE_HOSTS expects true or false"],
    [{ BOT_TOKEN: TOKEN, FETCH_TIMEOUT_MS: "soon" }, "FETCH_TIMEOUT_MS expects a time in milliseconds, e.g. 15000"],
    [{ BOT_TOKEN: TOKEN, FETCH_TIMEOUT_MS: "10" }, "FETCH_TIMEOUT_MS expects at least 100 ms"],
    [{ BOT_TOKEN: TOKEN, FETCH_MAX_BYTES: "5MB" }, "FETCH_MAX_BYTES expects a size in bytes, e.g. 5242880"],
    [{ BOT_TOKEN: TOKEN, FETCH_MAX_BYTES: "1.5" }, "FETCH_MAX_BYTES expects a whole number of bytes"],
    [{ BOT_TOKEN: TOKEN, DATABASE_URL: "mysql://root@127.0.0.1/news" }, "DATABASE_URL expects a PostgreSQL URL like postgres://user:password@host:5432/database"],
    [{ BOT_TOKEN: TOKEN, DATABASE_URL: "./data/newsbrief.db" }, "DATABASE_URL expects a PostgreSQL URL like postgres://user:password@host:5432/database"],
    [{ BOT_TOKEN: TOKEN, DATABASE_POOL_MAX: "0" }, "DATABASE_POOL_MAX expects at least 1"],
  ])("rejects %j with one line naming the variable", (env, message) => {
    const text = errorOf(env as Record<string, string>);
    expect(text).toBe(message);
    expect(text).not.toContain("\n");
  });
});

describe("parseFetchConfig", () => {
  it("needs no bot token and fills the defaults", () => {
    expect(parseFetchConfig({})).toMatchObject({ allowPrivateHosts: false, timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 });
  });

  it.each([
    ["true", true],
    ["TRUE", true],
    ["1", true],
    ["yes", true],
    ["false", false],
    ["0", false],
    ["", false],
  ])("reads FETCH_ALLOW_PRIVATE_HOSTS=%j as %s", (value, allowed) => {
    expect(parseFetchConfig({ FETCH_ALLOW_PRIVATE_HOSTS: value }).allowPrivateHosts).toBe(allowed);
  });

  it("keeps the connect timeout within the total one", () => {
    expect(parseFetchConfig({ FETCH_TIMEOUT_MS: "60000" })).toMatchObject({ timeoutMs: 60_000, connectTimeoutMs: 10_000 });
    expect(parseFetchConfig({ FETCH_TIMEOUT_MS: "3000" })).toMatchObject({ timeoutMs: 3000, connectTimeoutMs: 3000 });
  });

  it("names the variable that is wrong, and ignores the bot's settings", () => {
    expect(() => parseFetchConfig({ BOT_TOKEN: "not-a-token", FETCH_MAX_BYTES: "-1" })).toThrow(new ConfigError("FETCH_MAX_BYTES", "expects at least 1024 bytes"));
  });
});

describe("readEnvironment", () => {
  it("puts .env under the real environment", () => {
    const dir = mkdtempSync(join(tmpdir(), "newsbrief-env-"));
    const file = join(dir, ".env");
    writeFileSync(file, "BOT_TOKEN=1:fromfile\nLOG_LEVEL=debug\n# comment\n");
    expect(readEnvironment({ LOG_LEVEL: "warn" }, file)).toMatchObject({ BOT_TOKEN: "1:fromfile", LOG_LEVEL: "warn" });
  });

  it("works without a .env file", () => {
    expect(readEnvironment({ A: "1" }, "/nonexistent/.env")).toEqual({ A: "1" });
  });
});

describe("parseNewsroomConfig", () => {
  it("needs no bot token: the command line reads the database, fetch and polling settings alone", () => {
    expect(parseNewsroomConfig({ DATABASE_PATH: "/tmp/x.db", POLL_HOST_DELAY_MS: "0" })).toMatchObject({
      databasePath: "/tmp/x.db",
      fetch: { allowPrivateHosts: false },
      ingest: { hostDelayMs: 0, defaultPollIntervalS: 300 },
    });
    expect(() => parseNewsroomConfig({ POLL_INTERVAL_S: "abc" })).toThrow(ConfigError);
  });
});
