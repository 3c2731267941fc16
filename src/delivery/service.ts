/**
 * Delivery as the bot process runs it: the planner (stories → outbox rows), the sender (outbox
 * rows → Telegram) and the flood budget they share with the bot's replies.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { Api, type Transformer } from "grammy";
import type { DeliveryConfig } from "../config/index.ts";
import { createI18n, translatorFor, type Locale, type Translate } from "../i18n/index.ts";
import type { Logger } from "../logger.ts";
import type { ChatRecord, Store } from "../store/index.ts";
import { BroadcastService } from "./broadcast.ts";
import { Pacer } from "./pacer.ts";
import { Planner } from "./planner.ts";
import { retimeChat } from "./retime.ts";
import { Sender } from "./sender.ts";
import { SharedReplies } from "./shared-replies.ts";
import { realTimers, type Timers } from "../timers.ts";

export interface DeliveryServiceOptions {
  store: Store;
  logger: Logger;
  config: DeliveryConfig;
  botToken: string;
  apiRoot: string;
  defaultLocale: Locale;
  now?: () => Date;
  timers?: Timers;
  /** How often planner and sender look at the database for work another process left (default 1000 ms). */
  pollMs?: number;
}

/** Bot API methods that send a message: the ones Telegram's flood limits count. */
const SENDS = /^(send(?!ChatAction)[A-Z]\w*|copyMessages?|forwardMessages?)$/;

export class DeliveryService {
  readonly planner: Planner;
  readonly sender: Sender;
  readonly pacer: Pacer;
  readonly broadcasts: BroadcastService;
  private readonly now: () => Date;
  private readonly timers: Timers;
  private readonly store: Store;
  private readonly log: Logger;
  /** Other instances' replies in this one's budget; none on SQLite (one process, see SharedReplies). */
  private readonly sharedReplies: SharedReplies | undefined;

  constructor(options: DeliveryServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.timers = options.timers ?? realTimers;
    this.store = options.store;
    const log = options.logger.child({ module: "delivery" });
    this.log = log;
    const i18n = createI18n({ defaultLocale: options.defaultLocale });
    const translators = new Map<Locale, Translate>();
    const translate = (locale: Locale): Translate => {
      let t = translators.get(locale);
      if (t === undefined) {
        t = translatorFor(i18n, locale);
        translators.set(locale, t);
      }
      return t;
    };
    this.pacer = new Pacer(options.config, () => this.now().getTime());
    // Who this process is, for the leases that let one instance at a time send and plan.
    const holder = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
    const api = new Api(options.botToken, { apiRoot: options.apiRoot });
    this.sender = new Sender({
      store: options.store,
      log: log.child({ part: "sender" }),
      now: this.now,
      timers: this.timers,
      // Its own Api, without the bot's auto-retry: a flood wait becomes a not_before, never a sleep.
      api,
      pacer: this.pacer,
      translate,
      defaultLocale: options.defaultLocale,
      holder,
      concurrency: options.config.concurrency,
      paidBroadcast: options.config.paidBroadcast,
      leaseTtlMs: options.config.leaseMs,
      ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
    });
    this.broadcasts = new BroadcastService({
      store: options.store,
      api,
      log: log.child({ part: "broadcast" }),
      now: this.now,
      timers: this.timers,
      translate,
      onStopped: (id) => this.sender.forgetBroadcast(id),
      onPlanned: () => this.sender.nudge(),
    });
    this.planner = new Planner({
      store: options.store,
      log: log.child({ part: "planner" }),
      holder,
      now: this.now,
      timers: this.timers,
      ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
      onPlanned: () => this.sender.nudge(),
    });
    this.sharedReplies = options.store.replies.shared
      ? new SharedReplies({
          ledger: options.store.replies,
          holder,
          budget: this.pacer.global,
          timers: this.timers,
          now: () => this.now().getTime(),
          log: log.child({ part: "shared-replies" }),
          sender: () => this.sender.active,
          delivering: () => this.sender.delivering,
        })
      : undefined;
  }

  start(): void {
    this.planner.start();
    this.sender.start();
    this.broadcasts.start();
    this.sharedReplies?.start();
  }

  /** A story was stored in this process: plan it now rather than at the next poll. */
  nudge(): void {
    this.planner.nudge();
    this.sender.nudge();
  }

  /**
   * A chat's delivery settings changed: its briefs not yet sent move to the times the new settings
   * call for (a digest chat turned instant gets them now; quiet hours hold them).
   */
  async settingsChanged(chat: ChatRecord): Promise<void> {
    try {
      const moved = await retimeChat(this.store, chat.id, chat.settings, this.now());
      if (moved > 0) {
        this.log.info({ chatId: chat.id, moved }, "chat settings changed; its waiting briefs moved");
        this.sender.nudge();
      }
    } catch (error) {
      // The settings are saved; the briefs keep their old times, which is late or early, never lost.
      this.log.error({ chatId: chat.id, err: error }, "moving a chat's waiting briefs failed");
    }
  }

  /**
   * Resolves once planning and sending have nothing under way: what tests wait for after moving
   * their clock, instead of sleeping.
   */
  async settled(): Promise<void> {
    do {
      await this.planner.settled();
      await this.sender.settled();
      await this.broadcasts.settled();
      await this.sharedReplies?.settled();
    } while (this.planner.busy || this.sender.busy || this.broadcasts.busy);
  }

  /** Stops planning, finishes the sends in flight and gives the rest back to the outbox. */
  async stop(): Promise<void> {
    await this.sharedReplies?.stop();
    await this.broadcasts.stop();
    await this.planner.stop();
    await this.sender.stop();
  }

  /**
   * For the bot's own Api: every reply to a person takes from the same global budget as
   * deliveries, ahead of them, so a command is answered at once even mid-broadcast. Sent by an
   * instance that is not the sender, it reaches the sender's budget through the reply ledger.
   */
  replyTransformer(): Transformer {
    return async (prev, method, payload, signal) => {
      if (!SENDS.test(method)) return prev(method, payload, signal);
      // Only when deep in debt (a flood of replies) does a reply wait, and then it takes its share.
      for (let wait = this.pacer.global.takePriority(); wait > 0; wait = this.pacer.global.takePriority()) {
        await new Promise<void>((resolve) => this.timers.setTimeout(resolve, wait));
      }
      this.sharedReplies?.replied();
      try {
        return await prev(method, payload, signal);
      } finally {
        this.pacer.global.answered(true);
      }
    };
  }
}
