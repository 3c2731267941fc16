import { describe, expect, it } from "vitest";
import { GlobalBudget } from "../../src/delivery/pacer.ts";

/** A deterministic stream of numbers in [0, 1). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("the overall budget against Telegram's clock", () => {
  it("never lets Telegram see more than the limit in a second, whatever the network's delays", () => {
    let t = 0;
    const budget = new GlobalBudget(100, () => t);
    const random = seeded(7);
    const arrivals: number[] = [];
    // Answers due, by the millisecond they come back.
    const answers = new Map<number, number>();
    for (; t < 10_000; t++) {
      for (let n = answers.get(t) ?? 0; n > 0; n--) budget.answered(true);
      answers.delete(t);
      while (budget.take() === 0) {
        // Each request takes 0–80 ms to reach Telegram and as long again for its answer to return.
        const arrival = t + Math.floor(random() * 80);
        const answer = arrival + Math.floor(random() * 80);
        arrivals.push(arrival);
        answers.set(answer, (answers.get(answer) ?? 0) + 1);
      }
    }
    arrivals.sort((a, b) => a - b);
    // Telegram's window: the sends that arrived in the second up to each arrival.
    let from = 0;
    for (let i = 0; i < arrivals.length; i++) {
      while (arrivals[from]! <= arrivals[i]! - 1000) from++;
      expect(i - from + 1).toBeLessThanOrEqual(100);
    }
    // The price of not knowing when a send arrives is its round trip (80 ms on average here).
    expect(arrivals.length).toBeGreaterThan(0.9 * 100 * 10);
  });

  it("counts a send from when it leaves until a second after its answer", () => {
    let t = 0;
    const budget = new GlobalBudget(3, () => t);
    for (let i = 0; i < 3; i++) expect(budget.take()).toBe(0);
    // All three in flight: nothing to wait for but an answer.
    expect(budget.take()).toBeGreaterThan(0);
    t = 50;
    budget.answered(true);
    t = 1000;
    budget.answered(true);
    budget.answered(true);
    expect(budget.take()).toBe(1050 - 1000);
    t = 1050;
    expect(budget.take()).toBe(0);
  });

  it("stops counting a send that never left", () => {
    let t = 0;
    const budget = new GlobalBudget(3, () => t);
    for (let i = 0; i < 3; i++) expect(budget.take()).toBe(0);
    budget.answered(false);
    t = 400; // the token bucket's refill, not the window, is what waits now
    expect(budget.take()).toBe(0);
  });

  it("charges another instance's replies as sends that left now: in debt to the bucket, and in the window for a second", () => {
    let t = 0;
    const budget = new GlobalBudget(10, () => t);
    // A full bucket holds 3: five replies elsewhere leave it 2 in debt, 3 tokens (300 ms) from a send.
    budget.spentElsewhere(5);
    expect(budget.take()).toBe(300);
    t = 300;
    expect(budget.take()).toBe(0);
    t = 2000;
    // Ten fill the window until a second from now, longer than the bucket's 800 ms of debt.
    budget.spentElsewhere(10);
    expect(budget.take()).toBe(1000);
    t = 2999;
    expect(budget.take()).toBe(1);
    t = 3000;
    expect(budget.take()).toBe(0);
  });

  it("holds replies heard of late in the window that much longer", () => {
    let t = 0;
    const budget = new GlobalBudget(10, () => t);
    budget.spentElsewhere(10, 400);
    t = 1000;
    expect(budget.take()).toBe(400);
    t = 1400;
    expect(budget.take()).toBe(0);
  });

  it("lets deliveries through at once beside a few replies elsewhere, and the bucket's debt has a floor", () => {
    let t = 0;
    const budget = new GlobalBudget(10, () => t);
    budget.spentElsewhere(2);
    expect(budget.take()).toBe(0);
    expect(budget.take()).toBe(100);
    t = 1000;
    // A flood of replies elsewhere: at most a second's worth of debt, and a window full for a second.
    budget.spentElsewhere(100);
    t = 2100;
    expect(budget.take()).toBe(0);
  });
});
