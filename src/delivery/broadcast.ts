/**
 * Admins' broadcasts: a breaking brief pushed to an audience (every chat, the followers of some
 * topics, or the admin alone as a test). The rules live here, the bot only talks: who receives
 * it and when, the broadcast row and its outbox rows (sent by the ordinary sender, ahead of
 * everything else), the figures, the one status message kept up to date, and stopping.
 *
 * The broadcast and its rows are in the database, so a restart carries on: the sender claims the
 * rows left, and the watcher here finds the running broadcast and goes on editing its status message.
 */
import { GrammyError, type Api } from "grammy";
import type { Brief } from "../brief/types.ts";
import type { Translate } from "../i18n/locales.ts";
import type { Logger } from "../logger.ts";
import type { BroadcastAudience, BroadcastPayload, BroadcastRecord, ChatRecord, DeliveryFigures, PlannedBroadcastDelivery, Store } from "../store/index.ts";
import { nextDigestAt, quietUntil } from "./schedule.ts";
import type { Timers } from "../timers.ts";
import { Wakeup } from "./timers.ts";

/** Broadcast rows go out before breaking briefs (1) and everything else (0). */
export const BROADCAST_PRIORITY = 2;
/** Telegram lets a bot edit one message about once a second; a status every 3 s is well inside that. */
const PROGRESS_EVERY_MS = 3000;

export interface BroadcastProgress {
  sent: number;
  failed: number;
  blocked: number;
  remaining: number;
  /** Estimated time left in seconds (null until something was sent). */
  etaS: number | null;
}

export interface NewBroadcast {
  adminId: number;
  /** Where the admin asked: a test send goes there, and so does the status message. */
  adminChatId: number;
  brief: Brief;
  audience: BroadcastAudience;
  urgent: boolean;
  locale: "en" | "uk";
}

export interface BroadcastServiceOptions {
  store: Store;
  api: Api;
  log: Logger;
  now: () => Date;
  timers: Timers;
  translate: (locale: "en" | "uk") => Translate;
  /** A broadcast's rows were stopped: the sender must not send the ones it holds. */
  onStopped: (id: number) => void;
  /** New rows are due: the sender looks at once. */
  onPlanned: () => void;
  progressEveryMs?: number;
}

export class BroadcastService {
  private readonly watch: Wakeup;
  private readonly everyMs: number;
  private stopped = true;
  private ticking: Promise<void> | undefined;

  constructor(private readonly options: BroadcastServiceOptions) {
    this.everyMs = options.progressEveryMs ?? PROGRESS_EVERY_MS;
    this.watch = new Wakeup(options.timers, () => options.now().getTime(), () => this.tick());
  }

  /** Starts watching running broadcasts (those a previous run left too). */
  start(): void {
    this.stopped = false;
    this.watch.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.watch.cancel();
    await this.ticking;
  }

  /** Resolves once no status update is under way (tests wait for it after moving the clock). */
  async settled(): Promise<void> {
    while (this.ticking) await this.ticking;
  }

  get busy(): boolean {
    return this.ticking !== undefined;
  }

  /** Who would receive it, and when: one row per chat (or forum topic), however many topics it follows. */
  async recipients(audience: BroadcastAudience, adminChatId: number, urgent: boolean): Promise<PlannedBroadcastDelivery[]> {
    const now = this.options.now();
    const targets = await this.audience(audience, adminChatId);
    // Chats mostly share a handful of settings: each distinct one is timed once (croner and Intl are not free).
    const times = new Map<string, Date>();
    return targets.map(({ chat, threadId }) => {
      const key = chat === undefined ? "" : JSON.stringify(chat.settings);
      let notBefore = times.get(key);
      if (notBefore === undefined) {
        notBefore = chat === undefined ? now : this.when(chat, urgent, now);
        times.set(key, notBefore);
      }
      return { chatId: chat?.id ?? adminChatId, threadId, notBefore, priority: BROADCAST_PRIORITY };
    });
  }

  /** How many chats (and forum topics) it would reach: what the admin confirms. */
  async count(audience: BroadcastAudience, adminChatId: number): Promise<number> {
    return (await this.audience(audience, adminChatId)).length;
  }

  /** The active chats (and forum topics) of an audience; a test is the admin's chat alone (chat undefined). */
  private async audience(audience: BroadcastAudience, adminChatId: number): Promise<Array<{ chat: ChatRecord | undefined; threadId: number }>> {
    const { store } = this.options;
    if (audience.kind === "test") return [{ chat: undefined, threadId: 0 }];
    const scopes = new Map<string, { chatId: number; threadId: number }>();
    if (audience.kind === "all") {
      for (const chatId of await store.broadcasts.activeChatIds()) scopes.set(`${chatId}:0`, { chatId, threadId: 0 });
    } else {
      for (const slug of audience.slugs) {
        for (const sub of await store.subscriptions.forTopic(slug)) scopes.set(`${sub.chatId}:${sub.threadId}`, { chatId: sub.chatId, threadId: sub.threadId });
      }
    }
    const chats = await store.chats.getMany([...scopes.values()].map((s) => s.chatId));
    const targets: Array<{ chat: ChatRecord; threadId: number }> = [];
    for (const scope of scopes.values()) {
      const chat = chats.get(scope.chatId);
      if (chat !== undefined && chat.status === "active") targets.push({ chat, threadId: scope.threadId });
    }
    return targets;
  }

  /**
   * When it may reach a chat. Urgent: at once, through digests, and through quiet hours where the
   * chat lets breaking news through. Otherwise the chat's rhythm holds: its next digest, the end of its quiet hours.
   */
  private when(chat: ChatRecord, urgent: boolean, now: Date): Date {
    const settings = chat.settings;
    try {
      if (urgent) return (settings.breakingThroughQuiet ? undefined : quietUntil(settings, now)) ?? now;
      const at = settings.delivery === "digest" ? nextDigestAt(settings, now) : now;
      return quietUntil(settings, at) ?? at;
    } catch (error) {
      // A chat whose stored schedule cannot be read gets it now rather than never.
      this.options.log.warn({ err: error, chatId: chat.id }, "chat schedule unreadable; broadcast goes now");
      return now;
    }
  }

  /** Creates the broadcast and its rows, posts the status message, and lets the sender go. */
  async launch(request: NewBroadcast): Promise<{ broadcast: BroadcastRecord; total: number }> {
    const { store, api, log } = this.options;
    const deliveries = await this.recipients(request.audience, request.adminChatId, request.urgent);
    const payload: BroadcastPayload = { brief: request.brief, audience: request.audience, urgent: request.urgent, locale: request.locale };
    const broadcast = await store.broadcasts.create({ createdBy: request.adminId, payload, at: this.options.now() }, deliveries);
    log.info({ broadcastId: broadcast.id, total: deliveries.length, audience: request.audience, urgent: request.urgent }, "broadcast created");
    await store.audit.record({ actorId: request.adminId, chatId: request.adminChatId, action: "broadcast.start", details: { broadcastId: broadcast.id, total: deliveries.length, audience: request.audience, urgent: request.urgent, title: request.brief.title } });
    const text = this.progressText(broadcast, { sent: 0, failed: 0, blocked: 0, remaining: deliveries.length, etaS: null });
    try {
      const message = await api.sendMessage(request.adminChatId, text);
      broadcast.payload = { ...payload, status: { chatId: request.adminChatId, messageId: message.message_id, text, editedAt: this.options.now().getTime() } };
      await store.broadcasts.updatePayload(broadcast.id, broadcast.payload);
    } catch (error) {
      // The broadcast goes out all the same; only its figures are not shown.
      log.warn({ err: error, broadcastId: broadcast.id }, "could not post the broadcast's status message");
    }
    this.options.onPlanned();
    if (!this.stopped) this.watch.schedule(this.everyMs);
    return { broadcast, total: deliveries.length };
  }

  /**
   * Stops the admin's running broadcasts (or one of them): the rows not yet sent are dropped, the
   * figures are final. Returns the broadcasts stopped.
   */
  async stopBroadcasts(adminId: number, id?: number): Promise<Array<{ id: number; progress: BroadcastProgress }>> {
    const { store } = this.options;
    const stopped: Array<{ id: number; progress: BroadcastProgress }> = [];
    for (const broadcast of await store.broadcasts.running()) {
      if (id !== undefined ? broadcast.id !== id : broadcast.createdBy !== adminId) continue;
      const dropped = await store.broadcasts.dropUnsent(broadcast.id, "stopped by an admin");
      this.options.onStopped(broadcast.id);
      const progress = await this.finish(broadcast, "stopped", undefined, dropped);
      await store.audit.record({ actorId: adminId, chatId: broadcast.payload.status?.chatId ?? null, action: "broadcast.stop", details: { broadcastId: broadcast.id, dropped } });
      stopped.push({ id: broadcast.id, progress });
    }
    return stopped;
  }

  async progress(id: number): Promise<BroadcastProgress | undefined> {
    const broadcast = await this.options.store.broadcasts.get(id);
    return broadcast && this.progressOf(broadcast, await this.options.store.outbox.figures({ broadcastId: id }));
  }

  private progressOf(broadcast: BroadcastRecord, figures: DeliveryFigures): BroadcastProgress {
    const done = figures.sent + figures.failed + figures.blocked;
    const elapsedS = Math.max(0.001, (this.options.now().getTime() - Date.parse(broadcast.createdAt)) / 1000);
    const etaS = done > 0 && figures.pending > 0 ? Math.ceil(figures.pending / (done / elapsedS)) : done > 0 ? 0 : null;
    return { sent: figures.sent, failed: figures.failed, blocked: figures.blocked, remaining: figures.pending, etaS };
  }

  private tick(): void {
    if (this.stopped || this.ticking) return;
    this.ticking = this.update()
      .catch((error: unknown) => this.options.log.error({ err: error }, "broadcast status update failed"))
      .finally(() => {
        this.ticking = undefined;
      });
  }

  /** Every running broadcast: its figures into its status message; a finished one gets its final figures. */
  private async update(): Promise<void> {
    const running = await this.options.store.broadcasts.running();
    for (const broadcast of running) {
      const figures = await this.options.store.outbox.figures({ broadcastId: broadcast.id });
      if (figures.pending === 0) {
        await this.finish(broadcast, "done", figures);
        continue;
      }
      await this.showStatus(broadcast, this.progressText(broadcast, this.progressOf(broadcast, figures)));
    }
    if (running.length > 0 && !this.stopped) this.watch.schedule(this.everyMs);
  }

  private async finish(broadcast: BroadcastRecord, status: "done" | "stopped", known?: DeliveryFigures, dropped = 0): Promise<BroadcastProgress> {
    const counted = known ?? (await this.options.store.outbox.figures({ broadcastId: broadcast.id }));
    // The outbox counts dropped rows with the blocked chats; the ones the stop dropped are neither.
    const figures = { ...counted, blocked: Math.max(0, counted.blocked - dropped) };
    await this.options.store.broadcasts.finish(broadcast.id, status, figures, this.options.now());
    const progress = this.progressOf(broadcast, figures);
    const t = this.options.translate(broadcast.payload.locale);
    const text = t(status === "done" ? "broadcast-done" : "broadcast-stopped", { id: broadcast.id, sent: progress.sent, failed: progress.failed, blocked: progress.blocked, dropped });
    await this.showStatus(broadcast, text);
    this.options.log.info({ broadcastId: broadcast.id, status, ...progress }, "broadcast finished");
    return progress;
  }

  private progressText(broadcast: BroadcastRecord, progress: BroadcastProgress): string {
    const t = this.options.translate(broadcast.payload.locale);
    return t("broadcast-progress", {
      id: broadcast.id,
      sent: progress.sent,
      failed: progress.failed,
      blocked: progress.blocked,
      remaining: progress.remaining,
      eta: progress.etaS === null ? "—" : formatDuration(progress.etaS),
    });
  }

  /** Edits the status message when its text changed (never "message is not modified"). */
  private async showStatus(broadcast: BroadcastRecord, text: string): Promise<void> {
    const status = broadcast.payload.status;
    if (status === undefined || status.text === text) return;
    try {
      await this.options.api.editMessageText(status.chatId, status.messageId, text);
    } catch (error) {
      if (!(error instanceof GrammyError && /not modified/i.test(error.description))) {
        this.options.log.warn({ err: error, broadcastId: broadcast.id }, "could not edit the broadcast's status message");
        return;
      }
    }
    broadcast.payload = { ...broadcast.payload, status: { ...status, text, editedAt: this.options.now().getTime() } };
    await this.options.store.broadcasts.updatePayload(broadcast.id, broadcast.payload);
  }
}

/** "1 h 2 min", "3 min 5 s", "12 s". */
export function formatDuration(totalS: number): string {
  const s = Math.max(0, Math.round(totalS));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min ${s % 60} s`;
  return `${s} s`;
}
