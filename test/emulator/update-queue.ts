// Pending updates and real long polling: getUpdates is held until an update arrives or its
// timeout passes, updates are confirmed by `offset`, and a newer poll ends the older one with
// 409 — the behaviours grammY's polling loop and bot.stop() rely on.
import type { Update } from "grammy/types";
import { conflict } from "./api-error.ts";

export type UpdateKind = Exclude<keyof Update, "update_id">;

/** Telegram's default when allowed_updates is empty or never set. */
const EXCLUDED_BY_DEFAULT: ReadonlySet<string> = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

interface HeldPoll {
  limit: number;
  finish: (updates: Update[]) => void;
  fail: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class UpdateQueue {
  private items: Update[] = [];
  private head = 0;
  private nextUpdateId = 100_000_001;
  private allowed: ReadonlySet<string> | undefined;
  private held: HeldPoll | undefined;
  private readonly listeners = new Set<() => void>();

  /** Adds an update unless allowed_updates filters it out; returns it when queued. */
  push<K extends UpdateKind>(kind: K, payload: NonNullable<Update[K]>): Update | undefined {
    if (!this.isAllowed(kind)) return undefined;
    const update = { update_id: this.nextUpdateId++, [kind]: payload } as Update;
    this.items.push(update);
    this.wakeHeldPoll();
    for (const listener of this.listeners) listener();
    return update;
  }

  isAllowed(kind: string): boolean {
    return this.allowed === undefined ? !EXCLUDED_BY_DEFAULT.has(kind) : this.allowed.has(kind);
  }

  setAllowedUpdates(kinds: string[] | undefined): void {
    if (kinds === undefined) return; // omitted: keep the previous setting, as Telegram does
    this.allowed = kinds.length === 0 ? undefined : new Set(kinds);
  }

  allowedUpdates(): string[] | undefined {
    return this.allowed === undefined ? undefined : [...this.allowed];
  }

  get pendingCount(): number {
    return this.items.length - this.head;
  }

  peek(): Update | undefined {
    return this.items[this.head];
  }

  /** Forgets every update with update_id < offset; a negative offset keeps only the last -offset. */
  confirm(offset: number): void {
    if (offset < 0) {
      this.head = Math.max(this.head, this.items.length + offset);
    } else {
      while (this.head < this.items.length && (this.items[this.head]?.update_id ?? Infinity) < offset) this.head++;
    }
    this.compact();
  }

  dropPending(): void {
    this.head = this.items.length;
    this.compact();
  }

  take(limit: number): Update[] {
    return this.items.slice(this.head, this.head + limit);
  }

  /** Notifies webhook delivery of new updates. */
  onPush(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Answers a getUpdates call: immediately when updates are pending or timeout is 0, otherwise when
   * one arrives or the timeout passes. An older held poll is ended with 409 first.
   */
  poll(limit: number, timeoutSeconds: number, onClientGone: (cleanup: () => void) => void): Promise<Update[]> {
    this.endHeldPoll(conflict("terminated by other getUpdates request; make sure that only one bot instance is running"));
    if (this.pendingCount > 0 || timeoutSeconds <= 0) return Promise.resolve(this.take(limit));
    return new Promise<Update[]>((resolve, reject) => {
      const held: HeldPoll = {
        limit,
        finish: (updates) => {
          clearTimeout(held.timer);
          if (this.held === held) this.held = undefined;
          resolve(updates);
        },
        fail: (error) => {
          clearTimeout(held.timer);
          if (this.held === held) this.held = undefined;
          reject(error);
        },
        timer: setTimeout(() => held.finish(this.take(limit)), timeoutSeconds * 1000),
      };
      this.held = held;
      // A client that aborts its poll (grammY's bot.stop()) must not count as a running poller.
      onClientGone(() => {
        if (this.held === held) {
          clearTimeout(held.timer);
          this.held = undefined;
        }
      });
    });
  }

  get hasHeldPoll(): boolean {
    return this.held !== undefined;
  }

  /** Ends a held poll: with an error, or (on shutdown) with an empty batch. */
  endHeldPoll(error?: Error): void {
    const held = this.held;
    if (held === undefined) return;
    if (error === undefined) held.finish([]);
    else held.fail(error);
  }

  private wakeHeldPoll(): void {
    const held = this.held;
    // Deliver on the next tick so that updates pushed together travel in one batch.
    if (held !== undefined) setImmediate(() => this.held === held && held.finish(this.take(held.limit)));
  }

  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}
