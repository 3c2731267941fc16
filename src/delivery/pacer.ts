/**
 * Telegram's flood limits as token buckets: one for everything the bot sends, one per chat
 * (1/s) and one more per group or channel (20/min). Replies to people take from the global
 * bucket ahead of deliveries, other instances' replies too (see SharedReplies). A 429 pauses
 * the chat, or everything when Telegram says so.
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
/** Per-chat buckets idle this long are forgotten (they would be full again anyway). */
const IDLE_FORGET_MS = 120_000;
/** All of the window is in flight: look again this soon (each answer wakes the sender anyway). */
const ANSWER_WAIT_MS = 20;

/**
 * At most `max` events in any `windowMs`: exact where a token bucket would let a full bucket and
 * a window's refill through in one window (a group's 20 a minute; the bot's 30 a second).
 */
export class SlidingWindowLimit {
  private stamps: number[] = [];
  private head = 0;
  /** Events begun and not yet ended: they count until they end, and a window after. */
  private open = 0;

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
    const count = this.stamps.length - this.head + this.open;
    if (count < this.max) return 0;
    // Forced events (replies) can overfill the window: then wait until enough have left it.
    const room = this.max - this.open;
    return room < 1 ? ANSWER_WAIT_MS : this.stamps[this.stamps.length - room]! + this.windowMs - now;
  }

  /** Records an event now (callers ask `waitMs` first; replies record regardless). */
  take(): void {
    this.waitMs();
    this.insert(this.now(), 1);
  }

  /** Records `n` events that count from now until a window and `extraMs` from now. */
  hold(n: number, extraMs: number): void {
    this.waitMs();
    this.insert(this.now() + extraMs, n);
  }

  /** An event whose moment is not known yet: it counts from now until `end`, and a window after. */
  begin(): void {
    this.open++;
  }

  /** The event begun has ended; `happened: false` when it never took place (it stops counting). */
  end(happened: boolean): void {
    this.open = Math.max(0, this.open - 1);
    if (happened) this.insert(this.now(), 1);
  }

  /** Stamps stay in time order (`waitMs` reads them so), though `hold` puts later ones at the end. */
  private insert(at: number, n: number): void {
    let i = this.stamps.length;
    while (i > this.head && this.stamps[i - 1]! > at) i--;
    if (i === this.stamps.length) for (let k = 0; k < n; k++) this.stamps.push(at);
    else this.stamps.splice(i, 0, ...Array<number>(n).fill(at));
  }
}

/**
 * The bot's overall budget: a sliding window makes sure no second ever carries more than the
 * limit, and a token bucket (refilling at the limit, holding a tenth of a second's worth) spreads
 * the sends over the second instead of firing them all at its start. A stalled event loop loses
 * no budget the window still has room for.
 *
 * Telegram counts a message when it arrives, some time between our request leaving and its
 * answer coming back. So a send counts in the window from the moment it leaves until a second
 * after its answer: whatever the network's delays, no second at Telegram can hold more than the
 * limit, and the window can be the whole limit (a safety margin for jitter would be a guess).
 * Every send the budget allows must be `answered` once.
 */
export class GlobalBudget {
  private readonly bucket: TokenBucket;
  private readonly window: SlidingWindowLimit;

  constructor(perSecond: number, now: () => number) {
    this.bucket = new TokenBucket(perSecond, Math.max(MIN_BURST, Math.ceil(perSecond * BURST_SHARE)), now, perSecond);
    this.window = new SlidingWindowLimit(Math.max(1, Math.floor(perSecond)), 1000, now);
  }

  /** Takes a send's share if there is one now; else the milliseconds to wait (and takes nothing). */
  take(): number {
    const wait = Math.max(this.bucket.waitMs(), this.window.waitMs());
    if (wait > 0) return wait;
    this.bucket.take();
    this.window.begin();
    return 0;
  }

  /** A reply to a person: goes now (the deliveries behind it wait the longer), unless far in debt. */
  takePriority(): number {
    const wait = this.bucket.takePriority();
    if (wait === 0) this.window.begin();
    return wait;
  }

  /**
   * `n` sends another instance made (its replies to people), heard of now and up to `lateMs`
   * after they left: they put the bucket into debt, so the deliveries behind them wait the
   * longer, as for this instance's own replies, and count in the window from now until a second
   * and `lateMs` from now. The longer hold keeps room for the replies made meanwhile and not
   * heard of yet: with the news always that late, what was heard in the last `lateMs` more
   * stands in for them.
   */
  spentElsewhere(n: number, lateMs = 0): void {
    this.bucket.spend(n);
    this.window.hold(n, lateMs);
  }

  /**
   * The send a `take` or `takePriority` allowed got its answer (`sent: true`, whatever the answer
   * was), or was never made (`sent: false`).
   */
  answered(sent: boolean): void {
    this.window.end(sent);
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
