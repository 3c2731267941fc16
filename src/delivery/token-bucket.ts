/**
 * A token bucket on an injected clock: `rate` tokens a second up to `capacity`. Nothing here
 * sleeps; `take` either takes a token or says how long until one is there, and the caller
 * schedules itself. A priority take (a reply to a person) may run the bucket into debt, so it
 * never waits, and the deliveries behind it wait the longer instead.
 */
/** Tokens are fractions: a rounding error must not turn "there now" into "wait 1 ms". */
const EPSILON = 1e-9;
const toMs = (seconds: number): number => Math.max(1, Math.ceil(seconds * 1000 - EPSILON));

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly rate: number,
    private readonly capacity: number,
    private readonly now: () => number,
    /** How far below zero priority takes may go, in tokens (default: one second's worth). */
    private readonly maxDebt = rate,
  ) {
    if (!(rate > 0) || !(capacity >= 1)) throw new RangeError(`a token bucket needs rate > 0 and capacity >= 1 (got ${rate}, ${capacity})`);
    this.tokens = capacity;
    this.updatedAt = now();
  }

  /** Milliseconds until a token is there (0: one is there now). */
  waitMs(): number {
    this.refill();
    return this.tokens >= 1 - EPSILON ? 0 : toMs((1 - this.tokens) / this.rate);
  }

  /** Takes a token if one is there; otherwise returns the milliseconds to wait and takes nothing. */
  take(): number {
    const wait = this.waitMs();
    if (wait === 0) this.tokens -= 1;
    return wait;
  }

  /**
   * Takes a token ahead of everyone (a reply to a person). Goes into debt rather than wait, up to
   * `maxDebt`; beyond that it also returns the wait.
   */
  takePriority(): number {
    this.refill();
    if (this.tokens - 1 >= -this.maxDebt - EPSILON) {
      this.tokens -= 1;
      return 0;
    }
    return toMs((-this.maxDebt + 1 - this.tokens) / this.rate);
  }

  /** Takes `n` tokens spent elsewhere (another instance's replies), into debt down to `maxDebt`. */
  spend(n: number): void {
    this.refill();
    this.tokens = Math.max(-this.maxDebt, this.tokens - n);
  }

  /** Empties the bucket for `ms` (Telegram said to wait): no token until then. */
  pauseFor(ms: number): void {
    this.refill();
    this.tokens = Math.min(this.tokens, 1 - (ms / 1000) * this.rate);
  }

  /** Tokens there now (may be negative while in debt). */
  get available(): number {
    this.refill();
    return this.tokens;
  }

  private refill(): void {
    const now = this.now();
    if (now > this.updatedAt) {
      this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.rate);
      this.updatedAt = now;
    }
  }
}
