// Per-key (usually per-chat) logs of what the bot produced, with waiters resolved on arrival. Each entry can satisfy
// one wait only ("consumed"), so two consecutive waits see two different messages. Everything is
// indexed by chat: an arrival only looks at that chat's waiters, never at all events.

interface Waiter<T> {
  predicate: (item: T) => boolean;
  resolve: (item: T) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface ChatLog<T> {
  entries: { item: T; consumed: boolean }[];
  /** Everything before this index is consumed, so repeated waits do not rescan old entries. */
  firstUnconsumed: number;
  waiters: Waiter<T>[];
}

export class ArrivalLog<K, T> {
  private readonly chats = new Map<K, ChatLog<T>>();

  constructor(private readonly describeTimeout: (key: K, timeoutMs: number, entries: readonly { item: T; consumed: boolean }[]) => string) {}

  private log(chatId: K): ChatLog<T> {
    let log = this.chats.get(chatId);
    if (log === undefined) {
      log = { entries: [], firstUnconsumed: 0, waiters: [] };
      this.chats.set(chatId, log);
    }
    return log;
  }

  add(chatId: K, item: T): void {
    const log = this.log(chatId);
    const entry = { item, consumed: false };
    log.entries.push(entry);
    for (let i = 0; i < log.waiters.length; i++) {
      const waiter = log.waiters[i];
      if (waiter === undefined) continue;
      let matches: boolean;
      try {
        matches = waiter.predicate(item);
      } catch (error) {
        log.waiters.splice(i--, 1);
        clearTimeout(waiter.timer);
        waiter.reject(error instanceof Error ? error : new Error(String(error)));
        continue;
      }
      if (matches) {
        entry.consumed = true;
        log.waiters.splice(i, 1);
        clearTimeout(waiter.timer);
        this.advance(log);
        waiter.resolve(item);
        return;
      }
    }
  }

  wait(chatId: K, predicate: (item: T) => boolean, timeoutMs: number): Promise<T> {
    const log = this.log(chatId);
    for (let i = log.firstUnconsumed; i < log.entries.length; i++) {
      const entry = log.entries[i];
      if (entry === undefined || entry.consumed) continue;
      try {
        if (!predicate(entry.item)) continue;
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      entry.consumed = true;
      this.advance(log);
      return Promise.resolve(entry.item);
    }
    // Build the error now so its stack points at the test's wait, not at a timer.
    const timeoutError = new Error("waiting");
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          const index = log.waiters.indexOf(waiter);
          if (index >= 0) log.waiters.splice(index, 1);
          timeoutError.message = this.describeTimeout(chatId, timeoutMs, log.entries);
          reject(timeoutError);
        }, timeoutMs),
      };
      log.waiters.push(waiter);
    });
  }

  all(chatId: K): T[] {
    return (this.chats.get(chatId)?.entries ?? []).map((e) => e.item);
  }

  /** Rejects every pending wait (the emulator is closing). */
  rejectAll(reason: string): void {
    for (const log of this.chats.values()) {
      for (const waiter of log.waiters.splice(0)) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error(reason));
      }
    }
  }

  private advance(log: ChatLog<T>): void {
    while (log.firstUnconsumed < log.entries.length && log.entries[log.firstUnconsumed]?.consumed === true) log.firstUnconsumed++;
  }
}
