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

/** The global bucket's burst: a tenth of a second's limit, at least 3. */
const BURST_SHARE = 0.1;
const MIN_BURST = 3;
const WINDOW_SHARE = 0.97;
/** Per-chat buckets idle this long are forgotten (they would be full again anyway). */
const IDLE_FORGET_MS = 120_000;

/**
 * At most `max` events in any `windowMs`: exact where a token bucket would let a full bucket and
 * a window's refill through in one window (a group's 20 a minute; the bot's 30 a second).
 */
export class SlidingWindowLimit {
  private stamps: number[] = [];
  private head = 0;

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  waitMs(): number {
    const now = this.now();
    while (this.head < this.stamps.length && this.stamps[this.head]! <= now - this.windowMs) this.head++;
    if (this.head > 1024 && this.head * 2 > this.stamps.length) {
      this.stamps = this.stamps.slice(this.head);
      this.head = 0;
    }
    const count = this.stamps.length - this.head;
    // Forced events (replies) can overfill the window: then wait until enough have left it.
    return count < this.max ? 0 : this.stamps[this.stamps.length - this.max]! + this.windowMs - now;
  }

  /** Records an event (callers ask `waitMs` first; replies record regardless). */
  take(): void {
    this.waitMs();
    this.stamps.push(this.now());
  }
}

/**
 * The bot's overall budget: a sliding window makes sure no second ever carries more than the
 * limit, and a token bucket (refilling at the limit, holding a tenth of a second's worth) spreads
 * the sends over the second instead of firing them all at its start. A stalled event loop loses
 * no budget the window still has room for.
 */
export class GlobalBudget {
  private readonly bucket: TokenBucket;
  private readonly window: SlidingWindowLimit;

  constructor(perSecond: number, now: () => number) {
    this.bucket = new TokenBucket(perSecond, Math.max(MIN_BURST, Math.ceil(perSecond * BURST_SHARE)), now, perSecond);
    // 3% under the limit: Telegram counts arrivals, and network jitter can bunch ours together.
    this.window = new SlidingWindowLimit(Math.max(1, Math.floor(perSecond * WINDOW_SHARE)), 1000, now);
  }

  /** Takes a send's share if there is one now; else the milliseconds to wait (and takes nothing). */
  take(): number {
    const wait = Math.max(this.bucket.waitMs(), this.window.waitMs());
    if (wait > 0) return wait;
    this.bucket.take();
    this.window.take();
    return 0;
  }

  /** A reply to a person: goes now (the deliveries behind it wait the longer), unless far in debt. */
  takePriority(): number {
    const wait = this.bucket.takePriority();
    if (wait === 0) this.window.take();
    return wait;
  }

  pauseFor(ms: number): void {
    this.bucket.pauseFor(ms);
  }
}

interface ChatBuckets {
  chat: TokenBucket;
  group: SlidingWindowLimit | undefined;
  lastUsed: number;
}

export class Pacer {
  readonly global: GlobalBudget;
  private readonly chats = new Map<number, ChatBuckets>();
  private lastSweep: number;

  constructor(
    readonly limits: PaceLimits,
    private readonly now: () => number,
  ) {
    this.global = new GlobalBudget(limits.globalPerSecond, now);
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
