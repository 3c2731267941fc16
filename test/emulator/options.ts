import type { FloodLimits } from "./flood-control.ts";

export interface EmulatorOptions {
  /** Default "123456:TEST-TOKEN"; requests with another token get 401 "Unauthorized". */
  botToken?: string;
  /** Default "newsbrief_test_bot". */
  botUsername?: string;
  botFirstName?: string;
  /** Flood limits (defaults 30/s global, 1/s per private chat with a burst of 3, 20/min per group); false disables. */
  flood?: Partial<FloodLimits> | false;
  /**
   * Group privacy mode, on by default as for every new bot: in groups the bot only receives
   * commands, replies to its messages, mentions of it and service messages — unless it is an admin.
   */
  privacyMode?: boolean;
  /** How long a callback or inline query can be answered (default 15 s). */
  queryAnswerTimeoutMs?: number;
  /** Webhook delivery: first retry delay (default 100 ms, doubling), its cap (default 5 s), request timeout (default 10 s). */
  webhook?: { retryBaseMs?: number; retryMaxMs?: number; timeoutMs?: number };
  /** Default timeout of waitForBotMessage and friends (default 3000 ms). */
  defaultWaitMs?: number;
  /**
   * Delay before each answer (default 0). Real Telegram answers in tens of milliseconds; a bot that
   * sends strictly one message after another looks much faster against a zero-latency emulator.
   */
  latencyMs?: number;
  /** Time source for flood control (ms). Tests may pass a fake clock. */
  now?: () => number;
  /** The port to listen on (default: any free one). A test of a bot started before its API passes one. */
  port?: number;
  /**
   * Refuses this share of sends with 429 "retry after N" although no limit was hit, as Telegram
   * does now and then (seeded, so a run repeats).
   */
  random429?: { probability: number; retryAfter?: number; seed?: number };
  /**
   * Keep every call and every bot message (default true). Load benchmarks turn it off: counters and
   * messages per chat are still kept, waitForBotMessage and callsTo then see nothing.
   */
  keepHistory?: boolean;
}

export interface ResolvedOptions {
  botToken: string;
  botUsername: string;
  botFirstName: string;
  flood: FloodLimits | false;
  privacyMode: boolean;
  queryAnswerTimeoutMs: number;
  webhook: { retryBaseMs: number; retryMaxMs: number; timeoutMs: number };
  defaultWaitMs: number;
  latencyMs: number;
  now: () => number;
  port: number;
  random429: { probability: number; retryAfter: number; seed: number } | undefined;
  keepHistory: boolean;
}
