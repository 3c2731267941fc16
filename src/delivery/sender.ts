/**
 * The sender: claims due outbox rows and sends them as fast as Telegram's limits allow, with a
 * bounded number in flight and never a sleep per message. One sender per database at a time
 * (the "sender" lease, renewed while it works); rows a dead sender left claimed come back when
 * the next one takes the lease.
 *
 * Each send ends one way: confirmed (the row says "sent" before its slot frees), told to wait
 * (429: the chat, or all chats, wait; the row goes back with its not_before), the chat is gone
 * (403, chat not found: the chat is marked inactive and its waiting rows dropped), the group moved
 * (the chat and its rows follow, the message goes to the new id), malformed (resent once as
 * plain text), photo refused (sent as text), a passing failure (retried with backoff), or
 * refused for good. None of them holds up the other chats.
 *
 * Several instances: the lease, not the claim, is how they share Telegram's global limit. Only
 * its holder claims and sends, so the pacer's budget (30 messages/s, or 1,000/s paid) is the whole
 * bot's, not each instance's (the other instances' replies reach it through SharedReplies); the
 * others stand by and take the lease when its holder dies and stops renewing it (its claimed
 * rows then come back, see `releaseClaims`). One sender is enough:
 * it does about 4,000 messages/s into the emulator (npm run bench:delivery), far above what
 * Telegram lets a bot send, so spreading sending over instances would only add a shared token
 * bucket in the database to keep them under the same limit. The claim itself is still safe with
 * two claimers (FOR UPDATE SKIP LOCKED on PostgreSQL) for the moment a lease changes hands.
 */
import type { Api } from "grammy";
import type { Logger } from "../logger.ts";
import type { Translate } from "../i18n/locales.ts";
import type { Brief } from "../brief/types.ts";
import type { ChatRecord, ClaimedDelivery, Store, StoredArticle } from "../store/index.ts";
import { backoffMs, classifyFailure, type SendFailure } from "./failures.ts";
import { FloodDetector } from "./flood-detector.ts";
import { briefMessage, digestPages, plainText, type Outgoing, type StoryToSend } from "./messages.ts";
import type { Pacer } from "./pacer.ts";
import { SendQueue, type SendJob } from "./send-queue.ts";
import { SentWriter } from "./sent-writer.ts";
import type { Timers } from "../timers.ts";
import { Wakeup } from "./timers.ts";

export interface SenderOptions {
  store: Store;
  log: Logger;
  now: () => Date;
  timers: Timers;
  /** A grammY Api of its own, without auto-retry: the sender decides when to try again. */
  api: Api;
  pacer: Pacer;
  translate: (locale: "en" | "uk") => Translate;
  defaultLocale: "en" | "uk";
  /** Who this process is, for the lease and the claims. */
  holder: string;
  /** Most sends in flight at once. */
  concurrency: number;
  /** Send with `allow_paid_broadcast` (Telegram's paid tier, up to 1,000 messages/s). */
  paidBroadcast: boolean;
  /** The sender lease: how long it lasts unless renewed (renewed at a third of it). */
  leaseTtlMs?: number;
  /** How often to look for rows that came due (default 1000 ms). */
  pollMs?: number;
  /** Passing failures are retried this many times (default 8), then the row fails. */
  maxAttempts?: number;
}

/** A job with what it needs to be sent: the chat, and for a digest its pages once rendered. */
interface Job extends SendJob {
  chat: ChatRecord;
  /** Resend as plain text (the HTML was refused). */
  plain?: boolean;
  /** Send as a message even when the brief has an image (the photo was refused). */
  noPhoto?: boolean;
  /** A digest's pages still to send, each with its rows. */
  pages?: Array<{ outgoing: Outgoing; rows: ClaimedDelivery[] }>;
}

const LEASE_NAME = "sender";
/** Rows claimed stay ours this long; the lease, not this, keeps other senders away meanwhile. */
const CLAIM_MS = 10 * 60_000;
/** Cached stories and rendered briefs, so 100,000 sends of one story render it a handful of times. */
const CACHE_LIMIT = 2000;

export class Sender {
  private readonly queue: SendQueue<Job>;
  private readonly writer: SentWriter;
  private readonly floods: FloodDetector;
  private readonly pump: Wakeup;
  private readonly lease: Wakeup;
  private readonly poll: Wakeup;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly stories = new Map<number, StoredArticle | null>();
  /** Briefs of running broadcasts (null: stopped or gone, its rows are not sent). */
  private readonly broadcasts = new Map<number, Brief | null>();
  private readonly rendered = new Map<string, Outgoing>();
  private holding = false;
  private stopped = true;
  private claiming: Promise<void> | undefined;
  private renewing: Promise<void> | undefined;
  private dueMaybe = true;
  private readonly leaseTtlMs: number;
  private readonly pollMs: number;
  private readonly maxAttempts: number;
  private readonly buffer: number;

  constructor(private readonly options: SenderOptions) {
    const nowMs = () => options.now().getTime();
    this.queue = new SendQueue<Job>(options.pacer, nowMs);
    this.writer = new SentWriter(options.store.outbox);
    this.floods = new FloodDetector(nowMs);
    this.pump = new Wakeup(options.timers, nowMs, () => this.run());
    this.lease = new Wakeup(options.timers, nowMs, () => this.renewLease());
    this.poll = new Wakeup(options.timers, nowMs, () => this.nudge());
    this.leaseTtlMs = options.leaseTtlMs ?? 10_000;
    this.pollMs = options.pollMs ?? 1000;
    this.maxAttempts = options.maxAttempts ?? 8;
    // Enough claimed work for about two seconds at full speed, in claims small enough (half the
    // buffer) that one never stalls the event loop for long: a stall is budget the bucket loses.
    this.buffer = Math.min(2000, Math.max(100, Math.ceil(options.pacer.limits.globalPerSecond * 2)));
  }

  start(): void {
    this.stopped = false;
    this.renewLease();
  }

  /** New rows may be due (the planner planned some): look at once. */
  nudge(): void {
    this.dueMaybe = true;
    this.run();
  }

  /** Whether this process holds the sender lease now. */
  get active(): boolean {
    return this.holding;
  }

  /** Whether this process holds the lease and has deliveries queued or in flight. */
  get delivering(): boolean {
    return this.holding && (this.queue.size > 0 || this.inFlight.size > 0);
  }

  get busy(): boolean {
    return this.renewing !== undefined || this.claiming !== undefined || this.inFlight.size > 0;
  }

  /** Resolves once no claim and no send is under way (tests move their clock between such moments). */
  async settled(): Promise<void> {
    while (this.busy) {
      await this.renewing;
      await this.claiming;
      await Promise.allSettled([...this.inFlight]);
    }
    await this.writer.drain();
  }

  /**
   * Stops claiming, lets the sends in flight finish and be recorded, gives the rows still held
   * back to the outbox, and releases the lease, so that another process may go on at once.
   */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.pump.cancel();
    this.lease.cancel();
    this.poll.cancel();
    await this.renewing;
    await this.claiming;
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    await this.writer.drain();
    await this.giveBack(this.queue.clear());
    if (this.holding) await this.options.store.leases.release(LEASE_NAME, this.options.holder);
    this.holding = false;
  }

  private renewLease(): void {
    this.renewing ??= this.takeOrRenewLease().finally(() => {
      this.renewing = undefined;
    });
  }

  private async takeOrRenewLease(): Promise<void> {
    if (this.stopped) return;
    const { store, holder, log } = this.options;
    try {
      const had = this.holding;
      this.holding = await store.leases.acquire(LEASE_NAME, holder, this.leaseTtlMs, this.options.now());
      if (this.holding && !had) {
        // We alone send now: whatever another sender left claimed, it will never finish.
        const released = await store.outbox.releaseClaims(holder, this.options.now());
        log.info({ holder, released }, "sender lease taken");
        this.nudge();
      } else if (this.holding) {
        // Claims that ran out (rows this sender dropped when it briefly lost the lease) come back.
        const expired = await store.outbox.releaseClaims(holder, this.options.now());
        if (expired > 0) {
          log.warn({ expired }, "claims ran out; their rows are due again");
          this.nudge();
        }
      } else if (had) {
        log.warn({ holder }, "sender lease lost; another process sends now");
        this.queue.clear();
      }
    } catch (error) {
      log.error({ err: error }, "sender lease renewal failed");
    }
    if (!this.stopped) this.lease.schedule(this.holding ? this.leaseTtlMs / 3 : this.leaseTtlMs / 2);
  }

  /** Hands out jobs while budgets and slots allow; schedules itself for when they will. */
  private run(): void {
    if (this.stopped || !this.holding) return;
    if (this.dueMaybe && this.claiming === undefined && this.queue.size < this.buffer / 2) this.claiming = this.claim();
    while (this.inFlight.size < this.options.concurrency) {
      const next = this.queue.next();
      if ("job" in next) {
        this.dispatch(next.job);
        continue;
      }
      if ("waitMs" in next) this.pump.schedule(next.waitMs);
      break;
    }
  }

  private async claim(): Promise<void> {
    const { store, log, holder } = this.options;
    // A nudge while this claim runs sets it again, so the claim after this one sees the new rows.
    this.dueMaybe = false;
    try {
      const now = this.options.now();
      const rows = await store.outbox.claim(holder, now, new Date(now.getTime() + CLAIM_MS), this.buffer - this.queue.size);
      if (rows.length === 0) {
        // Look again when the next row comes due (a flood wait ending, a digest's time), or at
        // the next poll for rows other processes may add, whichever is first.
        const next = await store.outbox.nextDue(now);
        this.poll.schedule(next === null ? this.pollMs : Math.min(this.pollMs, next.getTime() - now.getTime()));
      } else {
        this.dueMaybe = true;
        // A broadcast may have been stopped by another process: each claim reads their state afresh.
        if (rows.some((r) => r.broadcastId !== null)) this.broadcasts.clear();
        await this.enqueue(rows);
      }
    } catch (error) {
      log.error({ err: error }, "claiming deliveries failed; trying again");
      this.poll.schedule(this.pollMs);
    } finally {
      this.claiming = undefined;
    }
    this.run();
  }

  private async enqueue(rows: ClaimedDelivery[]): Promise<void> {
    const chats = await this.options.store.chats.getMany(rows.map((r) => r.chatId));
    const digests = new Map<string, Job>();
    for (const row of rows) {
      let chat = chats.get(row.chatId);
      if (chat?.status === "migrated" && chat.migratedTo !== null) chat = await this.followMigration(chat.id, chat.migratedTo, chats);
      if (chat === undefined || chat.status !== "active") {
        await this.options.store.outbox.finish([row.id], "blocked", `chat ${chat?.status ?? "unknown"}`);
        continue;
      }
      if (row.kind === "digest") {
        const key = `${row.chatId}:${row.threadId}`;
        const job = digests.get(key);
        if (job) job.rows.push(row);
        else digests.set(key, this.job(chat, row));
        continue;
      }
      this.queue.add(this.job(chat, row));
    }
    for (const job of digests.values()) this.queue.add(job);
  }

  /** The bot saw the group become a supergroup before the sender did: the rows follow it. */
  private async followMigration(fromId: number, toId: number, chats: Map<number, ChatRecord>): Promise<ChatRecord | undefined> {
    await this.options.store.outbox.moveChat(fromId, toId);
    const chat = chats.get(toId) ?? (await this.options.store.chats.get(toId));
    if (chat !== undefined) chats.set(toId, chat);
    return chat;
  }

  private job(chat: ChatRecord, row: ClaimedDelivery): Job {
    return { chat, chatId: chat.id, threadId: row.threadId, chatType: chat.type, priority: row.priority, rows: [row] };
  }

  private dispatch(job: Job): void {
    // The send counts in the global budget until its answer (see GlobalBudget); exactly once.
    let open = true;
    const answered = (sent: boolean) => {
      if (open) this.options.pacer.global.answered(sent);
      open = false;
    };
    const sending: Promise<void> = this.send(job, answered)
      .catch((error: unknown) => this.options.log.error({ err: error, chatId: job.chatId }, "delivery bookkeeping failed"))
      .finally(() => {
        answered(false);
        this.inFlight.delete(sending);
        this.queue.done(job.chatId);
        this.run();
      });
    this.inFlight.add(sending);
  }

  private async send(job: Job, answered: (sent: boolean) => void): Promise<void> {
    const prepared = await this.prepare(job);
    if (prepared === undefined) return;
    const { outgoing, rows } = prepared;
    let messageId: number;
    try {
      messageId = await this.call(job, outgoing).finally(() => answered(true));
    } catch (error) {
      await this.failed(job, rows, outgoing, classifyFailure(error, outgoing.method));
      return;
    }
    this.floods.success();
    const sentAt = this.options.now();
    await this.writer.record(
      rows.map((row) => {
        const story = row.articleId === null ? undefined : this.stories.get(row.articleId);
        const latencyMs = story ? Math.max(0, sentAt.getTime() - Date.parse(story.fetchedAt)) : null;
        return { id: row.id, messageId, sentAt, latencyMs };
      }),
    );
    if (job.pages && job.pages.length > 1) {
      // The digest's next page follows once the chat's budget allows.
      this.queue.addFirst({ ...job, pages: job.pages.slice(1), rows: job.pages.slice(1).flatMap((p) => p.rows) });
    }
  }

  /** The message to send and the rows it delivers; undefined when there is nothing to send. */
  private async prepare(job: Job): Promise<{ outgoing: Outgoing; rows: ClaimedDelivery[] } | undefined> {
    if (job.pages) return { outgoing: job.pages[0]!.outgoing, rows: job.pages[0]!.rows };
    const stories: Array<{ row: ClaimedDelivery; story: StoryToSend }> = [];
    const missing: number[] = [];
    for (const row of job.rows) {
      if (row.broadcastId !== null) {
        // A stopped broadcast's rows were dropped in the outbox already: nothing to send or record.
        const brief = await this.broadcastBrief(row.broadcastId);
        if (brief !== null) stories.push({ row, story: { articleId: null, brief, payload: row.payload } });
        continue;
      }
      const article = row.articleId === null ? null : await this.story(row.articleId);
      if (article === null) missing.push(row.id);
      else stories.push({ row, story: { articleId: article.id, brief: article.brief, payload: row.payload } });
    }
    if (missing.length > 0) await this.options.store.outbox.finish(missing, "failed", "the story or broadcast is gone");
    if (stories.length === 0) return undefined;
    const locale = job.chat.locale ?? this.options.defaultLocale;
    const context = { t: this.options.translate(locale), locale, now: this.options.now(), settings: job.chat.settings };
    if (job.rows[0]?.kind === "digest") {
      const pages = digestPages(
        stories.map((s) => s.story),
        context,
      ).map((page) => ({ outgoing: page.message as Outgoing, rows: page.items.map((i) => stories[i]!.row) }));
      job.pages = pages;
      job.rows = pages.flatMap((p) => p.rows);
      return { outgoing: pages[0]!.outgoing, rows: pages[0]!.rows };
    }
    const { row, story } = stories[0]!;
    const photo = !job.noPhoto;
    const key = [story.articleId ?? `b${row.broadcastId}`, locale, job.chat.settings.images, job.chat.settings.linkPreviews, photo, JSON.stringify(row.payload), Math.floor(context.now.getTime() / 60_000)].join("|");
    let outgoing = this.rendered.get(key);
    if (outgoing === undefined) {
      outgoing = briefMessage(story, context, { photo });
      if (this.rendered.size >= CACHE_LIMIT) this.rendered.clear();
      this.rendered.set(key, outgoing);
    }
    return { outgoing, rows: [row] };
  }

  /** A broadcast's brief while it runs; a stopped broadcast's claimed rows are not sent. */
  private async broadcastBrief(id: number): Promise<Brief | null> {
    let brief = this.broadcasts.get(id);
    if (brief === undefined) {
      const broadcast = await this.options.store.broadcasts.get(id);
      brief = broadcast?.status === "running" ? broadcast.payload.brief : null;
      if (this.broadcasts.size >= CACHE_LIMIT) this.broadcasts.delete(this.broadcasts.keys().next().value as number);
      this.broadcasts.set(id, brief);
    }
    return brief;
  }

  /** A broadcast was stopped: rows of it already claimed are not sent. */
  forgetBroadcast(id: number): void {
    this.broadcasts.set(id, null);
  }

  private async story(id: number): Promise<StoredArticle | null> {
    let story = this.stories.get(id);
    if (story === undefined) {
      story = (await this.options.store.articles.get(id)) ?? null;
      if (this.stories.size >= CACHE_LIMIT) this.stories.delete(this.stories.keys().next().value as number);
      this.stories.set(id, story);
    }
    return story;
  }

  /** One Bot API call; resolves with the message id Telegram gave. */
  private async call(job: Job, outgoing: Outgoing): Promise<number> {
    const { api, paidBroadcast } = this.options;
    const common = {
      ...(job.threadId !== 0 ? { message_thread_id: job.threadId } : {}),
      ...(outgoing.keyboard.length > 0 ? { reply_markup: { inline_keyboard: outgoing.keyboard } } : {}),
      ...(paidBroadcast ? { allow_paid_broadcast: true } : {}),
    };
    if (outgoing.method === "sendPhoto") {
      const sent = await api.sendPhoto(job.chatId, outgoing.photo, {
        ...common,
        ...(job.plain ? { caption: plainText(outgoing.html) } : { caption: outgoing.html, parse_mode: "HTML" }),
      });
      return sent.message_id;
    }
    const sent = await api.sendMessage(job.chatId, job.plain ? plainText(outgoing.html) : outgoing.html, {
      ...common,
      ...(job.plain ? {} : { parse_mode: "HTML" }),
      link_preview_options: outgoing.linkPreview,
    });
    return sent.message_id;
  }

  private async failed(job: Job, rows: ClaimedDelivery[], outgoing: Outgoing, failure: SendFailure): Promise<void> {
    const { store, log, pacer } = this.options;
    const ids = rows.map((r) => r.id);
    const now = this.options.now();
    const storyIds = [...new Set(rows.map((r) => r.articleId))];
    switch (failure.kind) {
      case "flood": {
        const ms = failure.retryAfterS * 1000;
        // The refused send keeps its share of the overall budget: a 429 is a sign of going too fast.
        const everyone = this.floods.flood();
        if (everyone) pacer.pauseAll(ms);
        pacer.pauseChat(job.chatId, job.chatType, ms);
        const until = new Date(now.getTime() + ms);
        // The chat's other claimed work waits in the outbox too, so a restart keeps the wait.
        const held = this.queue.removeChat(job.chatId).flatMap((j) => j.rows.map((r) => r.id));
        await store.outbox.reschedule([...ids, ...held], until, failure.description);
        // Look again the moment the wait ends, not at the next poll.
        this.poll.schedule(ms);
        log.debug({ chatId: job.chatId, retryAfterS: failure.retryAfterS, everyone }, "flood wait");
        return;
      }
      case "gone": {
        await store.chats.setStatus(job.chatId, job.chatType === "private" ? "blocked" : "left");
        await store.outbox.finish(ids, "blocked", failure.description);
        this.queue.removeChat(job.chatId);
        const dropped = await store.outbox.dropChat(job.chatId, failure.description);
        log.info({ chatId: job.chatId, reason: failure.description, dropped }, "chat unreachable; marked inactive");
        return;
      }
      case "migrated": {
        await store.chats.migrate(job.chatId, failure.toChatId);
        await store.outbox.moveChat(job.chatId, failure.toChatId);
        const chat = await store.chats.get(failure.toChatId);
        const moved = [job, ...this.queue.removeChat(job.chatId)];
        log.info({ chatId: job.chatId, to: failure.toChatId }, "group moved to a supergroup; deliveries follow it");
        if (chat === undefined) return;
        for (const m of moved) {
          const rowsMoved = m.rows.map((r) => ({ ...r, chatId: chat.id }));
          this.queue.add({ ...m, chat, chatId: chat.id, chatType: chat.type, rows: rowsMoved, ...(m.pages ? { pages: m.pages.map((p) => ({ ...p, rows: p.rows.map((r) => ({ ...r, chatId: chat.id })) })) } : {}) });
        }
        return;
      }
      case "malformed": {
        log.error({ chatId: job.chatId, articleIds: storyIds, error: failure.description, plain: job.plain === true }, "Telegram refused a brief as malformed");
        if (job.plain) {
          await store.outbox.finish(ids, "failed", failure.description);
          return;
        }
        this.queue.addFirst({ ...job, plain: true });
        return;
      }
      case "photo-refused": {
        log.warn({ chatId: job.chatId, articleIds: storyIds, error: failure.description }, "photo refused; sending the brief as text");
        this.queue.addFirst({ ...job, noPhoto: true });
        return;
      }
      case "transient": {
        const attempts = Math.max(...rows.map((r) => r.attempts));
        if (attempts >= this.maxAttempts) {
          await store.outbox.finish(ids, "failed", failure.description);
          log.warn({ chatId: job.chatId, articleIds: storyIds, error: failure.description, attempts }, "delivery failed after retries");
          return;
        }
        const waitMs = backoffMs(attempts);
        await store.outbox.reschedule(ids, new Date(now.getTime() + waitMs), failure.description);
        this.poll.schedule(waitMs);
        log.debug({ chatId: job.chatId, error: failure.description, attempts }, "passing failure; retrying later");
        return;
      }
      case "refused": {
        await store.outbox.finish(ids, "failed", failure.description);
        log.warn({ chatId: job.chatId, articleIds: storyIds, error: failure.description, method: outgoing.method }, "Telegram refused a delivery");
        return;
      }
    }
  }

  /** Rows held in memory go back to pending as they were (stop, or a lost lease). */
  private async giveBack(jobs: SendJob[]): Promise<void> {
    const ids = jobs.flatMap((job) => job.rows.map((r) => r.id));
    if (ids.length > 0) await this.options.store.outbox.reschedule(ids, this.options.now(), null);
  }
}
