import { GrammyError, HttpError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ConnectCancelled, connectToBotApi, describeNetworkError, retryDelayMs } from "../../src/bot/run/connect.ts";
import { createLogger } from "../../src/logger.ts";

const ME: UserFromGetMe = {
  id: 123456,
  is_bot: true,
  first_name: "News",
  username: "news_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
} as UserFromGetMe;

function refused(): HttpError {
  const cause = new Error("request to http://127.0.0.1:9/bot123456:SECRET/getMe failed, reason: connect ECONNREFUSED 127.0.0.1:9");
  return new HttpError("Network request for 'getMe' failed!", cause);
}

function logLines() {
  const lines: { level: number; msg: string; reason?: string }[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line) as (typeof lines)[number]);
      done();
    },
  });
  return { lines, log: createLogger({ level: "debug", pretty: false, destination }) };
}

/** Tiny delays: the schedule itself is checked through retryDelayMs. */
const RETRY = { initialDelayMs: 1, maxDelayMs: 2 };

describe("retryDelayMs", () => {
  const policy = { initialDelayMs: 1000, maxDelayMs: 60_000 };
  it("doubles from the first delay, capped, with up to half of each delay random", () => {
    expect([0, 1, 2, 3].map((n) => retryDelayMs(n, policy, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect([0, 1, 2, 3].map((n) => retryDelayMs(n, policy, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect(retryDelayMs(10, policy, () => 1)).toBe(60_000);
    expect(retryDelayMs(10_000, policy, () => 0.5)).toBe(45_000);
  });
});

describe("connectToBotApi", () => {
  it("warns at once with the API root and the reason, never the token, then retries until the API answers", async () => {
    const { lines, log } = logLines();
    let calls = 0;
    const me = await connectToBotApi(
      async () => {
        if (++calls < 4) throw refused();
        return ME;
      },
      { apiRoot: "http://127.0.0.1:9", retry: RETRY, log, now: () => 0 },
    );
    expect(me).toBe(ME);
    expect(calls).toBe(4);
    const warnings = lines.filter((l) => l.level === 40);
    expect(warnings.map((l) => l.msg)).toEqual(["cannot reach the Bot API at http://127.0.0.1:9 (BOT_API_ROOT): connect ECONNREFUSED 127.0.0.1:9; retrying"]);
    expect(lines.filter((l) => l.msg === "the Bot API is still unreachable")).toHaveLength(2);
    expect(lines.at(-1)?.msg).toBe("the Bot API is reachable again");
    expect(JSON.stringify(lines)).not.toContain("SECRET");
  });

  it("warns again when the reason changes or a minute has passed", async () => {
    const { lines, log } = logLines();
    let clock = 0;
    const errors = [refused(), refused(), new HttpError("x", new Error("request to http://h/bot1:S/getMe failed, reason: getaddrinfo ENOTFOUND h")), refused()];
    let calls = 0;
    await connectToBotApi(
      async () => {
        const error = errors[calls++];
        clock += 30_000;
        if (error) throw error;
        return ME;
      },
      { apiRoot: "http://h", retry: RETRY, log, now: () => clock },
    );
    expect(lines.filter((l) => l.level === 40).map((l) => l.reason)).toEqual([
      "connect ECONNREFUSED 127.0.0.1:9",
      "getaddrinfo ENOTFOUND h",
      "connect ECONNREFUSED 127.0.0.1:9",
    ]);
  });

  it("throws an error answer such as 401 at once, without retrying", async () => {
    const { log } = logLines();
    let calls = 0;
    const unauthorized = new GrammyError("Call to 'getMe' failed!", { ok: false, error_code: 401, description: "Unauthorized" }, "getMe", {});
    await expect(
      connectToBotApi(
        async () => {
          calls++;
          throw unauthorized;
        },
        { apiRoot: "http://h", retry: RETRY, log },
      ),
    ).rejects.toBe(unauthorized);
    expect(calls).toBe(1);
  });

  it("gives up with ConnectCancelled when start-up is cancelled while waiting", async () => {
    const { log } = logLines();
    const controller = new AbortController();
    const waiting = connectToBotApi(
      async () => {
        throw refused();
      },
      { apiRoot: "http://h", retry: { initialDelayMs: 3_600_000, maxDelayMs: 3_600_000 }, log, signal: controller.signal },
    );
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(ConnectCancelled);
  });

  it("describes a network failure by its reason, with the token hidden when no reason is given", () => {
    expect(describeNetworkError(refused())).toBe("connect ECONNREFUSED 127.0.0.1:9");
    expect(describeNetworkError(new HttpError("m", new Error("fetch to http://h/bot1:SECRET/getMe failed")))).toBe("fetch to http://h/bot<token>/getMe failed");
  });
});
