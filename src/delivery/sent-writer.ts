/**
 * Records confirmed sends in batches: every confirmation waiting while one transaction commits
 * goes into the next. A send counts as finished (its slot is free) only once its row says
 * "sent", so a crash can repeat at most the messages in flight.
 */
import type { OutboxRepository } from "../store/index.ts";

type SentResult = Parameters<OutboxRepository["markSent"]>[0][number];

export class SentWriter {
  private waiting: Array<{ results: SentResult[]; done: () => void; failed: (error: unknown) => void }> = [];
  private flushing: Promise<void> | undefined;

  constructor(private readonly outbox: Pick<OutboxRepository, "markSent">) {}

  record(results: SentResult[]): Promise<void> {
    return new Promise((done, failed) => {
      this.waiting.push({ results, done, failed });
      this.flushing ??= this.flush();
    });
  }

  /** Resolves when everything recorded so far is written. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flush(): Promise<void> {
    // Let the confirmations arriving in this turn of the event loop join the batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        await this.outbox.markSent(batch.flatMap((entry) => entry.results));
        for (const entry of batch) entry.done();
      } catch (error) {
        for (const entry of batch) entry.failed(error);
      }
    }
    this.flushing = undefined;
  }
}
