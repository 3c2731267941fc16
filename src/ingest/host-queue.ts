/**
 * Politeness: one request at a time per host, with a pause between two requests to the same
 * host, however many sources and pages share it. Hosts do not wait for each other.
 */
import PQueue from "p-queue";

export class HostQueues {
  private readonly queues = new Map<string, PQueue>();

  constructor(private readonly delayMs: number) {}

  /** Runs `task` when the host of `url` is free. */
  run<T>(url: string, task: () => Promise<T>): Promise<T> {
    const host = hostOf(url);
    let queue = this.queues.get(host);
    if (!queue) {
      queue = this.delayMs > 0 ? new PQueue({ concurrency: 1, interval: this.delayMs, intervalCap: 1 }) : new PQueue({ concurrency: 1 });
      // Kept for the life of the process: a queue is a few hundred bytes, and dropping an idle one
      // would forget when the host was last asked and skip the pause.
      this.queues.set(host, queue);
    }
    return queue.add(task);
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}
