/**
 * Telegram's 429 does not say whether the limit was the chat's or the bot's. When most answers
 * of the last second were 429s, for many chats, it is the bot's: everything pauses. A 429 here
 * and there is the chat's alone.
 */
const WINDOW_MS = 1000;
const MIN_FLOODS = 5;
const SHARE = 0.5;

export class FloodDetector {
  private events: Array<{ at: number; flood: boolean }> = [];
  private head = 0;
  private floods = 0;

  constructor(private readonly now: () => number) {}

  success(): void {
    this.push(false);
  }

  /** Records a 429; true when the bot as a whole is flooding. */
  flood(): boolean {
    this.push(true);
    const total = this.events.length - this.head;
    return this.floods >= MIN_FLOODS && this.floods >= total * SHARE;
  }

  private push(flood: boolean): void {
    const now = this.now();
    this.events.push({ at: now, flood });
    if (flood) this.floods++;
    for (let e = this.events[this.head]; e !== undefined && e.at <= now - WINDOW_MS; e = this.events[this.head]) {
      if (e.flood) this.floods--;
      this.head++;
    }
    if (this.head > 4096) {
      this.events = this.events.slice(this.head);
      this.head = 0;
    }
  }
}
