// Load counters for tests and benchmarks: throughput, refusals and concurrency.
export interface EmulatorStats {
  /** HTTP requests answered (all methods). */
  requests: number;
  /** Messages the bot sent successfully (send*, copyMessage, forwardMessage). */
  messagesSent: number;
  /** Average messages per second between the first and the last sent message. */
  messagesPerSecond: number;
  /**
   * Seconds between the first and the last sent message during which some message still to
   * come was allowed: some chat that got a message later was not under a 429's retry_after.
   * The rest is time no sender could have used (every remaining chat told to wait), such as
   * the last retries after random 429s. It assumes every message was ready from the first send,
   * as in a broadcast.
   */
  allowedSeconds: number;
  /** Messages sent per allowed second: how much of the limit the bot used when it could. */
  messagesPerAllowedSecond: number;
  /** Most messages sent within one calendar second. */
  peakMessagesPerSecond: number;
  /** 429 answers (flood control and injected). */
  tooManyRequests: number;
  /** 403 answers (blocked users, kicked bot, injected). */
  forbidden: number;
  /** Other 4xx/5xx answers. */
  otherErrors: number;
  /** Requests being handled right now, long polls excluded. */
  inFlight: number;
  /** Most requests in flight at once, long polls excluded. */
  maxInFlight: number;
  /** Updates handed to the bot (getUpdates results and successful webhook posts). */
  updatesDelivered: number;
  /** TCP connections clients opened (a client that keeps connections alive opens few). */
  connections: number;
}

export class LoadStats {
  private counters = LoadStats.zero();
  private firstSendAt: number | undefined;
  private lastSendAt: number | undefined;
  private currentSecond = -1;
  private currentSecondCount = 0;
  /** Each chat's last successful message. */
  private lastSentTo = new Map<number, number>();
  /** Each chat's retry_after waits: [from, until) in ms. */
  private waits = new Map<number, Array<[number, number]>>();

  private static zero(): Omit<EmulatorStats, "messagesPerSecond" | "peakMessagesPerSecond" | "allowedSeconds" | "messagesPerAllowedSecond"> & { peak: number } {
    return { requests: 0, messagesSent: 0, tooManyRequests: 0, forbidden: 0, otherErrors: 0, inFlight: 0, maxInFlight: 0, updatesDelivered: 0, connections: 0, peak: 0 };
  }

  requestStarted(countsAsInFlight: boolean): void {
    if (!countsAsInFlight) return;
    this.counters.inFlight++;
    this.counters.maxInFlight = Math.max(this.counters.maxInFlight, this.counters.inFlight);
  }

  requestFinished(countsAsInFlight: boolean, errorCode: number | undefined): void {
    this.counters.requests++;
    if (countsAsInFlight) this.counters.inFlight--;
    if (errorCode === 429) this.counters.tooManyRequests++;
    else if (errorCode === 403) this.counters.forbidden++;
    else if (errorCode !== undefined) this.counters.otherErrors++;
  }

  messageSent(chatId: number, now = Date.now()): void {
    this.lastSentTo.set(chatId, now);
    this.counters.messagesSent++;
    this.firstSendAt ??= now;
    this.lastSendAt = now;
    const second = Math.floor(now / 1000);
    if (second !== this.currentSecond) {
      this.currentSecond = second;
      this.currentSecondCount = 0;
    }
    this.currentSecondCount++;
    this.counters.peak = Math.max(this.counters.peak, this.currentSecondCount);
  }

  /** A send to the chat was refused with 429 and retry_after. */
  refused(chatId: number, retryAfterS: number, now = Date.now()): void {
    const waits = this.waits.get(chatId) ?? [];
    waits.push([now, now + retryAfterS * 1000]);
    this.waits.set(chatId, waits);
  }

  connectionOpened(): void {
    this.counters.connections++;
  }

  updatesDelivered(count: number): void {
    this.counters.updatesDelivered += count;
  }

  snapshot(): EmulatorStats {
    const { peak, ...rest } = this.counters;
    const spanSeconds = this.firstSendAt === undefined || this.lastSendAt === undefined ? 0 : (this.lastSendAt - this.firstSendAt) / 1000;
    const allowedSeconds = this.allowedMs() / 1000;
    return {
      ...rest,
      messagesPerSecond: spanSeconds > 0 ? Math.round(this.counters.messagesSent / spanSeconds) : this.counters.messagesSent,
      allowedSeconds,
      messagesPerAllowedSecond: allowedSeconds > 0 ? Math.round(this.counters.messagesSent / allowedSeconds) : this.counters.messagesSent,
      peakMessagesPerSecond: peak,
    };
  }

  /** The measure of the moments in [first, last] when some chat had a message to come and no wait. */
  private allowedMs(): number {
    const first = this.firstSendAt;
    const last = this.lastSendAt;
    if (first === undefined || last === undefined) return 0;
    // Chats never told to wait were free from the first send until their last message.
    let freeUntil = first;
    for (const [chatId, at] of this.lastSentTo) if (!this.waits.has(chatId)) freeUntil = Math.max(freeUntil, at);
    // The others were free outside their waits; only what lies beyond `freeUntil` adds anything.
    const free: Array<[number, number]> = [];
    for (const [chatId, waits] of this.waits) {
      const end = this.lastSentTo.get(chatId);
      if (end === undefined) continue;
      let from = first;
      for (const [waitFrom, waitUntil] of [...waits].sort((a, b) => a[0] - b[0])) {
        free.push([from, Math.min(waitFrom, end)]);
        from = Math.max(from, waitUntil);
      }
      free.push([from, end]);
    }
    let total = freeUntil - first;
    let reached = freeUntil;
    for (const [from, until] of free.sort((a, b) => a[0] - b[0])) {
      const start = Math.max(from, reached);
      const stop = Math.min(until, last);
      if (stop > start) {
        total += stop - start;
        reached = stop;
      }
    }
    return total;
  }

  reset(): void {
    const inFlight = this.counters.inFlight;
    this.counters = LoadStats.zero();
    this.counters.inFlight = inFlight;
    this.firstSendAt = undefined;
    this.lastSendAt = undefined;
    this.lastSentTo = new Map();
    this.waits = new Map();
    this.currentSecond = -1;
    this.currentSecondCount = 0;
  }
}
