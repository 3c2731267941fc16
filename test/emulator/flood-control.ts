// Telegram's flood limits for sending: about 30 messages/s overall, 1/s in one private chat (with a
// small burst), 20/min in one group or channel. A send over a limit is refused with 429 and
// `retry_after` (whole seconds, at least 1) and does not count.
import type { ChatType } from "./world.ts";

export interface FloodLimits {
  globalPerSecond: number;
  privatePerSecond: number;
  privateBurst: number;
  groupPerMinute: number;
}

export const DEFAULT_FLOOD_LIMITS: FloodLimits = {
  globalPerSecond: 30,
  privatePerSecond: 1,
  privateBurst: 3,
  groupPerMinute: 20,
};

/** Timestamps inside a sliding window, oldest first. */
class SlidingWindow {
  private stamps: number[] = [];
  private head = 0;
  constructor(private readonly windowMs: number, private readonly max: number) {}

  /** Milliseconds until one more event fits (0 when it fits now). */
  waitMs(now: number): number {
    while (this.head < this.stamps.length && (this.stamps[this.head] ?? 0) <= now - this.windowMs) this.head++;
    if (this.head > 512) {
      this.stamps = this.stamps.slice(this.head);
      this.head = 0;
    }
    if (this.stamps.length - this.head < this.max) return 0;
    const oldest = this.stamps[this.head] ?? now;
    return oldest + this.windowMs - now;
  }

  record(now: number): void {
    this.stamps.push(now);
  }
}

/** A token bucket: `burst` sends at once, refilled at `perSecond`. */
class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  constructor(private readonly perSecond: number, private readonly burst: number, now: number) {
    this.tokens = burst;
    this.updatedAt = now;
  }

  waitMs(now: number): number {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond);
    this.updatedAt = now;
    return this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.perSecond) * 1000;
  }

  record(): void {
    this.tokens -= 1;
  }
}

export class FloodControl {
  private readonly global: SlidingWindow;
  private readonly privateChats = new Map<number, TokenBucket>();
  private readonly groups = new Map<number, SlidingWindow>();

  constructor(private readonly limits: FloodLimits | false, private readonly now: () => number = Date.now) {
    this.global = new SlidingWindow(1000, limits === false ? Infinity : limits.globalPerSecond);
  }

  /** Records a send to the chat, or returns the retry_after (seconds) when it would break a limit. */
  admit(chatId: number, chatType: ChatType): number | undefined {
    const limits = this.limits;
    if (limits === false) return undefined;
    const now = this.now();
    let waitMs = this.global.waitMs(now);
    let chatLimit: { record(now: number): void; waitMs(now: number): number };
    if (chatType === "private") {
      let bucket = this.privateChats.get(chatId);
      if (bucket === undefined) {
        bucket = new TokenBucket(limits.privatePerSecond, Math.max(1, limits.privateBurst), now);
        this.privateChats.set(chatId, bucket);
      }
      chatLimit = bucket;
    } else {
      let window = this.groups.get(chatId);
      if (window === undefined) {
        window = new SlidingWindow(60_000, limits.groupPerMinute);
        this.groups.set(chatId, window);
      }
      chatLimit = window;
    }
    waitMs = Math.max(waitMs, chatLimit.waitMs(now));
    if (waitMs > 0) return Math.max(1, Math.ceil(waitMs / 1000));
    this.global.record(now);
    chatLimit.record(now);
    return undefined;
  }
}
