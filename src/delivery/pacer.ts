/**
 * Telegram's flood limits as token buckets: one for everything the bot sends, one per chat
 * (1/s) and one more per group or channel (20/min). Replies to people take from the global
 * bucket ahead of deliveries. A 429 pauses the chat, or everything when Telegram says so.
 */
import type { ChatType } from "../store/index.ts";
import { TokenBucket } from "./token-bucket.ts";

export interface PaceLimits {
  /** Messages a second to all chats together. */
  globalPerSecond: number;
  /** Messages a second to one chat. */
  chatPerSecond: number;
  /** Messages a minute to one group, supergroup or channel. */
  groupPerMinute: number;
}

/**
 * The global bucket holds a small burst (2% of a second's limit, at least 3) and refills at the
 * limit less that burst, so that no window of one second ever carries more than the limit.
 */
const BURST_SHARE = 0.02;
const MIN_BURST = 3;
/** Per-chat buckets idle this long are forgotten (they would be full again anyway). */
const IDLE_FORGET_MS = 120_000;

/**
 * At most `max` events in any `windowMs`: exact where a token bucket would let a full bucket and
 * a minute's refill through in one minute (a group's 20 a minute).
 */
export class SlidingWindowLimit {
  private stamps: number[] = [];

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  waitMs(): number {
    const now = this.now();
    while (this.stamps.length > 0 && this.stamps[0]! <= now - this.windowMs) this.stamps.shift();
    return this.stamps.length < this.max ? 0 : this.stamps[0]! + this.windowMs - now;
  }

  take(): void {
    this.waitMs();
    this.stamps.push(this.now());
  }
}

interface ChatBuckets {
  chat: TokenBucket;
  group: SlidingWindowLimit | undefined;
  lastUsed: number;
}

export class Pacer {
  readonly global: TokenBucket;
  private readonly chats = new Map<number, ChatBuckets>();
  private lastSweep: number;

  constructor(
    readonly limits: PaceLimits,
    private readonly now: () => number,
  ) {
    const burst = Math.max(MIN_BURST, Math.ceil(limits.globalPerSecond * BURST_SHARE));
    this.global = new TokenBucket(Math.max(limits.globalPerSecond - burst, limits.globalPerSecond / 2), burst, now, limits.globalPerSecond);
    this.lastSweep = now();
  }

  /** Milliseconds until the chat may get its next message (0: now), the global budget aside. */
  chatWaitMs(chatId: number, type: ChatType): number {
    const buckets = this.chats.get(chatId);
    if (buckets === undefined) return 0;
    return Math.max(buckets.chat.waitMs(), buckets.group?.waitMs() ?? 0);
  }

  /** Takes the chat's tokens (after `chatWaitMs` said 0 and the global token was taken). */
  takeChat(chatId: number, type: ChatType): void {
    const buckets = this.bucketsOf(chatId, type);
    buckets.chat.take();
    buckets.group?.take();
    buckets.lastUsed = this.now();
    this.sweep();
  }

  /** Telegram asked this chat to wait. */
  pauseChat(chatId: number, type: ChatType, ms: number): void {
    const buckets = this.bucketsOf(chatId, type);
    buckets.chat.pauseFor(ms);
    buckets.lastUsed = this.now() + ms;
  }

  /** Telegram asked the whole bot to wait. */
  pauseAll(ms: number): void {
    this.global.pauseFor(ms);
  }

  /** A send Telegram refused with a per-chat flood wait did not use the global budget. */
  refundGlobal(): void {
    this.global.refund();
  }

  private bucketsOf(chatId: number, type: ChatType): ChatBuckets {
    let buckets = this.chats.get(chatId);
    if (buckets === undefined) {
      buckets = {
        chat: new TokenBucket(this.limits.chatPerSecond, 1, this.now),
        group: type === "private" ? undefined : new SlidingWindowLimit(Math.max(1, Math.floor(this.limits.groupPerMinute)), 60_000, this.now),
        lastUsed: this.now(),
      };
      this.chats.set(chatId, buckets);
    }
    return buckets;
  }

  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < IDLE_FORGET_MS) return;
    this.lastSweep = now;
    // A group's minute budget takes up to a minute to refill: forget only buckets idle for longer.
    for (const [chatId, buckets] of this.chats) if (now - buckets.lastUsed > IDLE_FORGET_MS) this.chats.delete(chatId);
  }
}
