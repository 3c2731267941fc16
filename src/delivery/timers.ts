import type { Timers } from "../timers.ts";

/** Runs `task` once `ms` from now unless run sooner; a second `schedule` keeps the earlier time. */
export class Wakeup {
  private handle: unknown;
  private at = Infinity;

  constructor(
    private readonly timers: Timers,
    private readonly now: () => number,
    private readonly task: () => void,
  ) {}

  schedule(ms: number): void {
    const at = this.now() + Math.max(0, ms);
    if (this.handle !== undefined && at >= this.at) return;
    this.cancel();
    this.at = at;
    this.handle = this.timers.setTimeout(() => this.fire(), Math.max(0, ms));
  }

  /**
   * Node's timers count from the event loop's cached time, so one can fire a few milliseconds
   * before the clock shows the time it was set for. A task looking for rows due "by now" would
   * then find none and wait a whole poll more: so it runs only once the clock says so.
   */
  private fire(): void {
    const left = this.at - this.now();
    if (left > 0) {
      this.handle = this.timers.setTimeout(() => this.fire(), left);
      return;
    }
    this.handle = undefined;
    this.at = Infinity;
    this.task();
  }

  cancel(): void {
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle);
    this.handle = undefined;
    this.at = Infinity;
  }
}
