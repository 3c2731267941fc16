import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, readEnvironment } from "../../src/config/index.ts";

const TOKEN = "123456:ABC-def_ghi";

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
      databasePath: "./data/newsbrief.db",
      adminIds: [],
      defaultLocale: "en",
      logLevel: "info",
      mode: { kind: "polling" },
      delivery: { globalPerSecond: 30, chatPerSecond: 1, groupPerMinute: 20, paidBroadcast: false, concurrency: 16, leaseMs: 10_000 },
    });
  });

  it("reads every setting", () => {
    const config = parseConfig({
      BOT_TOKEN: TOKEN,
      BOT_API_ROOT: "http://127.0.0.1:8081/",
      DATABASE_PATH: "/var/lib/newsbrief/db.sqlite",
      ADMIN_IDS: "42, 7",
      DEFAULT_LOCALE: "uk",
      LOG_LEVEL: "debug",
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://news.example.org/telegram",
      WEBHOOK_SECRET: "s3cr3t_-",
      PORT: "3000",
    });
    expect(config).toMatchObject({
      apiRoot: "http://127.0.0.1:8081",
      databasePath: "/var/lib/newsbrief/db.sqlite",
      adminIds: [42, 7],
      defaultLocale: "uk",
      logLevel: "debug",
      mode: { kind: "webhook", url: "https://news.example.org/telegram", secret: "s3cr3t_-", port: 3000 },
    });
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
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "webhook" }, "WEBHOOK_URL is required when BOT_MODE=webhook"],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://x.org/h" }, "WEBHOOK_SECRET is required when BOT_MODE=webhook"],
    [{ BOT_TOKEN: TOKEN, WEBHOOK_SECRET: "has space" }, "WEBHOOK_SECRET expects 1-256 characters from A-Z, a-z, 0-9, _ and -"],
  ])("rejects %j with one line naming the variable", (env, message) => {
    const text = errorOf(env as Record<string, string>);
    expect(text).toBe(message);
    expect(text).not.toContain("\n");
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
