// Load counters for tests and benchmarks: throughput, refusals and concurrency.
export interface EmulatorStats {
  /** HTTP requests answered (all methods). */
  requests: number;
  /** Messages the bot sent successfully (send*, copyMessage, forwardMessage). */
  messagesSent: number;
  /** Average messages per second between the first and the last sent message. */
  messagesPerSecond: number;
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

  private static zero(): Omit<EmulatorStats, "messagesPerSecond" | "peakMessagesPerSecond"> & { peak: number } {
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

  messageSent(now = Date.now()): void {
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

  connectionOpened(): void {
    this.counters.connections++;
  }

  updatesDelivered(count: number): void {
    this.counters.updatesDelivered += count;
  }

  snapshot(): EmulatorStats {
    const { peak, ...rest } = this.counters;
    const spanSeconds = this.firstSendAt === undefined || this.lastSendAt === undefined ? 0 : (this.lastSendAt - this.firstSendAt) / 1000;
    return {
      ...rest,
      messagesPerSecond: spanSeconds > 0 ? Math.round(this.counters.messagesSent / spanSeconds) : this.counters.messagesSent,
      peakMessagesPerSecond: peak,
    };
  }

  reset(): void {
    const inFlight = this.counters.inFlight;
    this.counters = LoadStats.zero();
    this.counters.inFlight = inFlight;
    this.firstSendAt = undefined;
    this.lastSendAt = undefined;
    this.currentSecond = -1;
    this.currentSecondCount = 0;
  }
}
