/**
 * Other instances' replies in the sender's budget. Only the instance holding the sender lease
 * sends deliveries, but any instance replies to the people whose updates the balancer gave it:
 * replies the sender never saw would let the instances together exceed Telegram's overall limit
 * mid-broadcast. So each instance counts its replies and, every TICK_MS, adds them to the
 * store's ReplyLedger; the sender, at the same pace, charges the other instances' new counts of
 * the last second or two to its GlobalBudget as sends that just left.
 *
 * The sender hears of a reply up to LATE_MS after it went out (written at the writer's next tick,
 * read at the sender's next one). Charged then, each is held in the window LATE_MS longer than a
 * second: the replies heard of in that extra time stand in for the ones made meanwhile and not
 * heard of yet. So the instances together keep to the limit as long as the others' replies come
 * at a rate, not in one sudden burst of more than the sender has left of its second.
 *
 * What it costs: on SQLite nothing (one process: the service does not create this at all). On
 * PostgreSQL an instance writes only when it replied and is not the sender (the sender's own
 * replies are in its budget already), and the sender reads only while it has deliveries to pace,
 * so one instance alone, or an idle sender, never touches the ledger.
 */
import type { Logger } from "../logger.ts";
import type { ReplyLedger } from "../store/index.ts";
import type { GlobalBudget } from "./pacer.ts";
import type { Timers } from "../timers.ts";
import { Wakeup } from "./timers.ts";

export interface SharedRepliesOptions {
  ledger: ReplyLedger;
  /** This instance, as in its leases. */
  holder: string;
  budget: GlobalBudget;
  timers: Timers;
  now: () => number;
  log: Logger;
  /** Whether this instance holds the sender lease now. */
  sender: () => boolean;
  /** Whether it has deliveries queued or in flight: the only time others' replies matter to it. */
  delivering: () => boolean;
}

/** How often counts are written and read. */
const TICK_MS = 200;
/** How late the sender may hear of a reply: a tick to be written, a tick to be read. */
const LATE_MS = 2 * TICK_MS;
/** Counts older than this are no one's concern (the sender reads the last two seconds). */
const KEEP_S = 60;

export class SharedReplies {
  private readonly tick: Wakeup;
  /** Replies of this instance not yet in the ledger. */
  private unwritten = 0;
  /** Per second: the other instances' replies already charged to the budget. */
  private readonly charged = new Map<number, number>();
  private prunedAt = Number.NEGATIVE_INFINITY;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(private readonly options: SharedRepliesOptions) {
    this.tick = new Wakeup(options.timers, options.now, () => this.onTick());
  }

  start(): void {
    this.stopped = false;
    this.tick.schedule(TICK_MS);
  }

  /** This instance sent a reply. */
  replied(): void {
    this.unwritten++;
  }

  async settled(): Promise<void> {
    await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.tick.cancel();
    await this.running;
  }

  private onTick(): void {
    if (this.stopped) return;
    this.tick.schedule(TICK_MS);
    // A slow database skips ticks rather than queueing them.
    this.running ??= this.exchange().finally(() => {
      this.running = undefined;
    });
  }

  private async exchange(): Promise<void> {
    const { sender, delivering, log } = this.options;
    const second = Math.floor(this.options.now() / 1000);
    try {
      if (sender()) {
        this.unwritten = 0;
        if (delivering()) await this.charge(second);
      } else if (this.unwritten > 0) {
        await this.write(second);
      }
    } catch (error) {
      // Sending and replying go on; the budget just misses these counts.
      log.error({ err: error }, "the reply ledger failed");
    }
  }

  private async write(second: number): Promise<void> {
    const { ledger, holder } = this.options;
    const n = this.unwritten;
    this.unwritten = 0;
    await ledger.add(holder, second, n).catch((error: unknown) => {
      this.unwritten += n;
      throw error;
    });
    if (second - this.prunedAt < KEEP_S) return;
    this.prunedAt = second;
    await ledger.prune(second - KEEP_S);
  }

  /** Charges what the others replied in this second and the last that was not charged yet. */
  private async charge(second: number): Promise<void> {
    const counts = await this.options.ledger.othersSince(this.options.holder, second - 1);
    for (const { second: at, count } of counts) {
      const fresh = count - (this.charged.get(at) ?? 0);
      if (fresh > 0) this.options.budget.spentElsewhere(fresh, LATE_MS);
      this.charged.set(at, count);
    }
    for (const at of this.charged.keys()) if (at < second - 1) this.charged.delete(at);
  }
}
