/**
 * A clock and timers that move only when the test says: `set` jumps to a time and runs the
 * timers that came due, in time order. What they start (database, HTTP) runs for real.
 */
import type { Timers } from "../../src/timers.ts";

interface Pending {
  id: number;
  at: number;
  callback: () => void;
}

export class ManualClock implements Timers {
  private t: number;
  private pending: Pending[] = [];
  private nextId = 1;

  constructor(start: Date | string) {
    this.t = new Date(start).getTime();
  }

  readonly now = (): Date => new Date(this.t);

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.push({ id, at: this.t + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((p) => p.id !== handle);
  }

  /**
   * Moves to `to` (never back) and runs every timer due by then, earliest first, as a process
   * that was paused runs its late timers: the clock already reads `to`.
   */
  set(to: Date | string): void {
    this.t = Math.max(this.t, new Date(to).getTime());
    for (;;) {
      const due = this.pending.filter((p) => p.at <= this.t).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (due === undefined) break;
      this.pending = this.pending.filter((p) => p !== due);
      due.callback();
    }
  }

  advance(ms: number): void {
    this.set(new Date(this.t + ms));
  }
}
