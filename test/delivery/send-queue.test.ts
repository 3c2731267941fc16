import { describe, expect, it } from "vitest";
import { Pacer } from "../../src/delivery/pacer.ts";
import { SendQueue, type SendJob } from "../../src/delivery/send-queue.ts";

function setup(limits = { globalPerSecond: 1000, chatPerSecond: 1, groupPerMinute: 20 }) {
  let t = 0;
  const now = () => t;
  const pacer = new Pacer(limits, now);
  const queue = new SendQueue(pacer, now);
  let id = 1;
  const job = (chatId: number, priority = 0, chatType: SendJob["chatType"] = "private"): SendJob => ({ chatId, threadId: 0, chatType, priority, rows: [{ id: id++ } as SendJob["rows"][number]] });
  /** Takes every job ready now, each answered and finished at once. */
  const drain = () => {
    const out: number[] = [];
    for (let next = queue.next(); "job" in next; next = queue.next()) {
      out.push(next.job.rows[0]!.id);
      pacer.global.answered(true);
      queue.done(next.job.chatId);
    }
    return out;
  };
  return { queue, job, drain, advance: (ms: number) => (t += ms), pacer };
}

describe("the send queue", () => {
  it("sends a chat's jobs in order, one a second, while other chats go on", () => {
    const { queue, job, drain, advance } = setup();
    queue.add(job(1)); // 1
    queue.add(job(1)); // 2
    queue.add(job(2)); // 3
    expect(drain()).toEqual([1, 3]);
    expect(queue.next()).toEqual({ waitMs: 1000 });
    advance(1000);
    expect(drain()).toEqual([2]);
    expect(queue.next()).toEqual({ idle: true });
  });

  it("puts breaking jobs first, across chats and within one", () => {
    const { queue, job, drain, advance } = setup();
    queue.add(job(1)); // 1
    queue.add(job(2)); // 2
    queue.add(job(2, 1)); // 3
    queue.add(job(3, 1)); // 4
    expect(drain()).toEqual([3, 4, 1]);
    advance(1000);
    expect(drain()).toEqual([2]);
  });

  it("holds a chat while its job is in flight", () => {
    const { queue, job, advance } = setup();
    queue.add(job(1));
    queue.add(job(1));
    const first = queue.next();
    expect("job" in first).toBe(true);
    advance(5000);
    expect(queue.next()).toEqual({ idle: true });
    queue.done(1);
    expect("job" in queue.next()).toBe(true);
  });

  it("keeps a group to twenty a minute", () => {
    const { queue, job, drain, advance } = setup({ globalPerSecond: 1000, chatPerSecond: 10, groupPerMinute: 20 });
    for (let i = 0; i < 25; i++) queue.add(job(-5, 0, "group"));
    let sent = 0;
    for (let ms = 0; ms < 60_000; ms += 100) {
      sent += drain().length;
      advance(100);
    }
    expect(sent).toBeGreaterThanOrEqual(20);
    expect(sent).toBeLessThanOrEqual(21);
  });

  it("waits for the global budget and says how long", () => {
    const { queue, job, drain } = setup({ globalPerSecond: 50, chatPerSecond: 1, groupPerMinute: 20 });
    for (let chat = 1; chat <= 10; chat++) queue.add(job(chat));
    // A tenth of a second's worth at once, then one every 20 ms.
    expect(drain()).toHaveLength(5);
    expect(queue.next()).toEqual({ waitMs: 20 });
  });

  it("gives back every job of a chat that is gone", () => {
    const { queue, job } = setup();
    queue.add(job(1));
    queue.add(job(1));
    queue.add(job(2));
    expect(queue.removeChat(1).map((j) => j.rows[0]!.id)).toEqual([1, 2]);
    expect(queue.size).toBe(1);
  });
});

describe("the overall budget", () => {
  it("never lets a second carry more than the limit, and loses nothing to a stalled event loop", () => {
    const { queue, job, drain, advance } = setup({ globalPerSecond: 100, chatPerSecond: 1, groupPerMinute: 20 });
    for (let chat = 1; chat <= 400; chat++) queue.add(job(chat));
    const sentAt: number[] = [];
    let t = 0;
    // The loop runs every 40 ms (a busy process): a bucket of 10 alone would lose budget.
    for (; t < 3000; t += 40) {
      for (const _ of drain()) sentAt.push(t);
      advance(40);
    }
    for (const start of sentAt) expect(sentAt.filter((s) => s >= start && s < start + 1000).length).toBeLessThanOrEqual(100);
    expect(sentAt.length).toBeGreaterThanOrEqual(3 * 98 - 10);
  });

  it("lets replies go first, and makes deliveries wait for them", () => {
    const { queue, job, drain, pacer } = setup({ globalPerSecond: 10, chatPerSecond: 1, groupPerMinute: 20 });
    for (let i = 0; i < 5; i++) {
      expect(pacer.global.takePriority()).toBe(0);
      pacer.global.answered(true);
    }
    for (let chat = 1; chat <= 20; chat++) queue.add(job(chat));
    expect(drain()).toHaveLength(0);
  });
});
