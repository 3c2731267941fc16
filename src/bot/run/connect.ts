/**
 * The bot's first call, getMe, made patiently: a Bot API that cannot be reached yet (no network,
 * DNS failure, a wrong BOT_API_ROOT, a server still starting) is said at once, then retried with
 * capped, jittered backoff until it answers or start-up is cancelled. An answer that is an error
 * (401: a wrong token) is final and thrown at once.
 *
 * grammY's own `bot.init()` retries network errors forever without a word, so start-up does not
 * use it: the bot info found here is handed to the bot instead.
 */
import { GrammyError, HttpError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Logger } from "../../logger.ts";

export interface RetryPolicy {
  /** Delay before the first retry; it doubles after each failure. */
  initialDelayMs: number;
  /** The delay never grows past this. */
  maxDelayMs: number;
}

/** While the API stays unreachable for the same reason, repeat the warning at most this often. */
const REPEAT_WARNING_MS = 60_000;

/** Start-up was cancelled (SIGTERM, Ctrl-C) while the Bot API was still unreachable. */
export class ConnectCancelled extends Error {
  constructor() {
    super("start-up cancelled while waiting for the Bot API");
    this.name = "ConnectCancelled";
  }
}

/**
 * The wait before retry number `attempt` (0-based): exponential, capped, with "equal jitter"
 * (half fixed, half random) so that many bots restarted together do not retry in step.
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export interface ConnectOptions {
  apiRoot: string;
  retry: RetryPolicy;
  log: Logger;
  signal?: AbortSignal;
  /** Clock and randomness, injectable for tests. */
  now?: () => number;
  random?: () => number;
}

/** Calls `getMe` until the Bot API answers; throws its answer if that is an error. */
export async function connectToBotApi(getMe: (signal?: AbortSignal) => Promise<UserFromGetMe>, options: ConnectOptions): Promise<UserFromGetMe> {
  const { apiRoot, retry, log, signal } = options;
  const now = options.now ?? Date.now;
  let lastWarning: { reason: string; at: number } | undefined;
  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw new ConnectCancelled();
    try {
      const me = await getMe(signal);
      if (attempt > 0) log.info({ apiRoot, attempts: attempt + 1 }, "the Bot API is reachable again");
      return me;
    } catch (error) {
      if (signal?.aborted) throw new ConnectCancelled();
      if (error instanceof GrammyError || !(error instanceof HttpError)) throw error;
      const reason = describeNetworkError(error);
      const delayMs = retryDelayMs(attempt, retry, options.random);
      const fields = { apiRoot, reason, attempt: attempt + 1, retryInMs: delayMs };
      // Said at once, then again only when the reason changes or a minute has passed: a log line
      // per retry would flood the log of a bot left waiting overnight.
      if (!lastWarning || lastWarning.reason !== reason || now() - lastWarning.at >= REPEAT_WARNING_MS) {
        log.warn(fields, `cannot reach the Bot API at ${apiRoot} (BOT_API_ROOT): ${reason}; retrying`);
        lastWarning = { reason, at: now() };
      } else {
        log.debug(fields, "the Bot API is still unreachable");
      }
      await sleep(delayMs, signal);
    }
  }
}

/**
 * "connect ECONNREFUSED 127.0.0.1:9" rather than grammY's "Network request for 'getMe' failed!",
 * and never the request URL, which holds the bot token.
 */
export function describeNetworkError(error: HttpError): string {
  const inner = error.error instanceof Error ? error.error.message : String(error.error ?? "");
  const reason = /, reason: (.+)$/s.exec(inner)?.[1] ?? inner;
  return (reason || error.message).replace(/\/bot[^/\s]+\//g, "/bot<token>/").trim();
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ConnectCancelled());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new ConnectCancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
