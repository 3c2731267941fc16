import { describe, expect, it } from "vitest";
import { Wakeup } from "../../src/delivery/timers.ts";
import type { Timers } from "../../src/timers.ts";

describe("a wake-up", () => {
  it("runs its task only once the clock shows the time asked for, even when the timer fires early", () => {
    let now = 1000;
    const armed: Array<{ callback: () => void; ms: number }> = [];
    const timers: Timers = { setTimeout: (callback, ms) => armed.push({ callback, ms }), clearTimeout: () => undefined };
    let runs = 0;
    const wakeup = new Wakeup(timers, () => now, () => runs++);
    wakeup.schedule(500);
    // Node counts from the loop's cached time: the timer fires while the clock shows 1497.
    now = 1497;
    armed.shift()!.callback();
    expect(runs).toBe(0);
    expect(armed.map((a) => a.ms)).toEqual([3]);
    now = 1500;
    armed.shift()!.callback();
    expect(runs).toBe(1);
  });

  it("keeps the earlier of two times", () => {
    let now = 0;
    const armed: Array<() => void> = [];
    const timers: Timers = { setTimeout: (callback) => armed.push(callback), clearTimeout: () => undefined };
    let runs = 0;
    const wakeup = new Wakeup(timers, () => now, () => runs++);
    wakeup.schedule(100);
    wakeup.schedule(200);
    expect(armed).toHaveLength(1);
    now = 100;
    armed[0]!();
    expect(runs).toBe(1);
  });
});
