/**
 * When to poll a source next: its interval (or the feed's TTL, when longer) after a good poll;
 * after failures, exponential backoff with jitter, never sooner than the server's Retry-After.
 * Jitter spreads sources added together so they do not all poll in the same second.
 */

/** A feed's TTL may lengthen the interval up to this; a feed asking for a week is still read daily. */
const MAX_TTL_MS = 24 * 3600_000;
/** Backoff stops growing here: a dead source is still tried a few times a day. */
const MAX_BACKOFF_MS = 6 * 3600_000;

export interface PollTiming {
  now: Date;
  intervalS: number;
  /** A number in [0, 1); injected so tests are deterministic. */
  random: () => number;
}

export function nextPollAfterSuccess(timing: PollTiming, ttlMinutes?: number): Date {
  const ttlMs = ttlMinutes && ttlMinutes > 0 ? Math.min(ttlMinutes * 60_000, MAX_TTL_MS) : 0;
  const base = Math.max(timing.intervalS * 1000, ttlMs);
  // ±10%: enough to spread sources out, too little to matter to a reader.
  const jitter = base * 0.1 * (timing.random() * 2 - 1);
  return new Date(timing.now.getTime() + Math.round(base + jitter));
}

/** `failures` counts this failure too (1 after the first). */
export function nextPollAfterFailure(timing: PollTiming, failures: number, retryAfterMs?: number): Date {
  const exponential = Math.min(timing.intervalS * 1000 * 2 ** Math.max(0, failures - 1), MAX_BACKOFF_MS);
  // "Equal jitter": at least half the backoff, so a failing source never hammers the host.
  const backoff = exponential / 2 + (exponential / 2) * timing.random();
  const wait = Math.max(backoff, retryAfterMs ?? 0);
  return new Date(timing.now.getTime() + Math.round(wait));
}
