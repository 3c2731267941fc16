import { describe, expect, it } from "vitest";
import { TokenBucket } from "../../src/delivery/token-bucket.ts";

function clock(start = 0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("TokenBucket", () => {
  it("gives its capacity at once, then tokens at its rate", () => {
    const c = clock();
    const bucket = new TokenBucket(10, 3, c.now);
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([0, 0, 0]);
    expect(bucket.take()).toBe(100);
    c.advance(99);
    expect(bucket.take()).toBe(1);
    c.advance(1);
    expect(bucket.take()).toBe(0);
    expect(bucket.take()).toBe(100);
  });

  it("never holds more than its capacity however long it rests", () => {
    const c = clock();
    const bucket = new TokenBucket(1, 2, c.now);
    c.advance(60_000);
    expect(bucket.available).toBe(2);
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([0, 0, 1000]);
  });

  it("paces exactly to its rate over a long run", () => {
    const c = clock();
    const bucket = new TokenBucket(30, 30, c.now);
    let taken = 0;
    // 10 seconds of asking every millisecond: 30 at once, then 30 a second.
    for (let ms = 0; ms < 10_000; ms++) {
      if (bucket.take() === 0) taken++;
      c.advance(1);
    }
    expect(taken).toBe(30 + 300 - 1);
  });

  it("lets priority takes through at once by going into debt, so the others wait longer", () => {
    const c = clock();
    const bucket = new TokenBucket(10, 1, c.now, 2);
    expect(bucket.take()).toBe(0);
    expect(bucket.takePriority()).toBe(0);
    expect(bucket.takePriority()).toBe(0);
    expect(bucket.available).toBe(-2);
    // Debt is capped: a third priority take waits until the debt is back under the cap.
    expect(bucket.takePriority()).toBe(100);
    expect(bucket.take()).toBe(300);
  });

  it("pauses for a flood wait, and not beyond it", () => {
    const c = clock();
    const bucket = new TokenBucket(1, 1, c.now);
    bucket.pauseFor(5_000);
    expect(bucket.waitMs()).toBe(5_000);
    c.advance(5_000);
    expect(bucket.take()).toBe(0);
  });

  it("refuses a rate or capacity that could never give a token", () => {
    expect(() => new TokenBucket(0, 1, () => 0)).toThrow(RangeError);
    expect(() => new TokenBucket(1, 0, () => 0)).toThrow(RangeError);
  });
});
