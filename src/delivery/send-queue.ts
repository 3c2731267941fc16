/**
 * The sender's in-memory schedule of claimed work: a queue per chat (so a chat gets its messages
 * in order, one at a time), chats ready to send in two tiers (breaking first), and chats that
 * must wait for their own flood budget in a heap by time. `next` never sleeps: it hands out the
 * next job whose chat and global budgets allow it, or says how long until one will.
 */
import type { ChatType, ClaimedDelivery } from "../store/index.ts";
import type { Pacer } from "./pacer.ts";

export interface SendJob {
  chatId: number;
  threadId: number;
  chatType: ChatType;
  priority: number;
  /** One row for a brief; a digest's rows together. */
  rows: ClaimedDelivery[];
}

interface ChatState<J extends SendJob> {
  jobs: J[];
  type: ChatType;
  busy: boolean;
  /** Which queue entry is current; older entries of the chat are stale and skipped. */
  ticket: number;
}

interface Entry {
  chatId: number;
  ticket: number;
}

class Deque {
  private items: Entry[] = [];
  private head = 0;
  push(entry: Entry): void {
    this.items.push(entry);
  }
  peek(): Entry | undefined {
    return this.items[this.head];
  }
  shift(): void {
    this.head++;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}

/** A binary min-heap of entries by time. */
class TimeHeap {
  private readonly items: Array<Entry & { at: number }> = [];
  get top(): (Entry & { at: number }) | undefined {
    return this.items[0];
  }
  push(item: Entry & { at: number }): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent]!.at <= a[i]!.at) break;
      [a[parent], a[i]] = [a[i]!, a[parent]!];
      i = parent;
    }
  }
  pop(): (Entry & { at: number }) | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = i;
        if (l < a.length && a[l]!.at < a[smallest]!.at) smallest = l;
        if (r < a.length && a[r]!.at < a[smallest]!.at) smallest = r;
        if (smallest === i) break;
        [a[smallest], a[i]] = [a[i]!, a[smallest]!];
        i = smallest;
      }
    }
    return top;
  }
}

export type Next<J extends SendJob = SendJob> = { job: J } | { waitMs: number } | { idle: true };

export class SendQueue<J extends SendJob = SendJob> {
  private readonly chats = new Map<number, ChatState<J>>();
  private readonly ready = [new Deque(), new Deque()]; // [breaking, the rest]
  private readonly waiting = new TimeHeap();
  private nextTicket = 1;
  private jobs = 0;

  constructor(
    private readonly pacer: Pacer,
    private readonly now: () => number,
  ) {}

  /** Jobs held (waiting or ready), not counting those being sent. */
  get size(): number {
    return this.jobs;
  }

  add(job: J): void {
    let state = this.chats.get(job.chatId);
    if (state === undefined) {
      state = { jobs: [], type: job.chatType, busy: false, ticket: 0 };
      this.chats.set(job.chatId, state);
    }
    // Breaking jobs go before the chat's other jobs, after its earlier breaking ones.
    const at = job.priority > 0 ? state.jobs.findIndex((j) => j.priority === 0) : -1;
    if (at === -1) state.jobs.push(job);
    else state.jobs.splice(at, 0, job);
    this.jobs++;
    if (!state.busy && (state.ticket === 0 || (job.priority > 0 && at === 0))) this.enqueue(job.chatId, state);
  }

  /** Puts a job back at the front of its chat (the rest of a digest, a retry as plain text). */
  addFirst(job: J): void {
    const state = this.chats.get(job.chatId);
    if (state === undefined) return this.add(job);
    state.jobs.unshift(job);
    this.jobs++;
  }

  next(): Next<J> {
    const now = this.now();
    for (let top = this.waiting.top; top !== undefined && top.at <= now; top = this.waiting.top) {
      this.waiting.pop();
      const state = this.chats.get(top.chatId);
      if (state !== undefined && state.ticket === top.ticket) this.toReady(top.chatId, state);
    }
    for (const deque of this.ready) {
      for (let entry = deque.peek(); entry !== undefined; entry = deque.peek()) {
        const state = this.chats.get(entry.chatId);
        if (state === undefined || state.ticket !== entry.ticket || state.busy || state.jobs.length === 0) {
          deque.shift();
          continue;
        }
        const chatWait = this.pacer.chatWaitMs(entry.chatId, state.type);
        if (chatWait > 0) {
          deque.shift();
          this.waiting.push({ ...entry, at: now + chatWait });
          continue;
        }
        const globalWait = this.pacer.global.take();
        if (globalWait > 0) return { waitMs: Math.min(globalWait, this.untilWaiting(now)) };
        deque.shift();
        this.pacer.takeChat(entry.chatId, state.type);
        const job = state.jobs.shift()!;
        this.jobs--;
        state.busy = true;
        state.ticket = 0;
        return { job };
      }
    }
    const until = this.untilWaiting(now);
    return Number.isFinite(until) ? { waitMs: until } : { idle: true };
  }

  /** The chat's job finished: its next one (if any) waits for the chat's budget. */
  done(chatId: number): void {
    const state = this.chats.get(chatId);
    if (state === undefined) return;
    state.busy = false;
    if (state.jobs.length === 0) this.chats.delete(chatId);
    else this.enqueue(chatId, state);
  }

  /** Takes every job of a chat out (it blocked the bot, moved, or must wait long). */
  removeChat(chatId: number): J[] {
    const state = this.chats.get(chatId);
    if (state === undefined) return [];
    const jobs = state.jobs;
    this.jobs -= jobs.length;
    state.jobs = [];
    state.ticket = 0;
    if (!state.busy) this.chats.delete(chatId);
    return jobs;
  }

  /** Every job held, taken out (the sender lost its lease or stops). */
  clear(): J[] {
    const all: J[] = [];
    for (const chatId of [...this.chats.keys()]) all.push(...this.removeChat(chatId));
    return all;
  }

  private enqueue(chatId: number, state: ChatState<J>): void {
    const wait = this.pacer.chatWaitMs(chatId, state.type);
    state.ticket = this.nextTicket++;
    if (wait > 0) this.waiting.push({ chatId, ticket: state.ticket, at: this.now() + wait });
    else this.toReady(chatId, state);
  }

  private toReady(chatId: number, state: ChatState<J>): void {
    const tier = (state.jobs[0]?.priority ?? 0) > 0 ? 0 : 1;
    this.ready[tier]!.push({ chatId, ticket: state.ticket });
  }

  private untilWaiting(now: number): number {
    const top = this.waiting.top;
    return top === undefined ? Infinity : Math.max(1, top.at - now);
  }
}
