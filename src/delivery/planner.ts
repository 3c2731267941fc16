/**
 * The planner: turns stories that ingestion stored (in this process or another one on the same
 * database) into outbox rows, one per chat and forum topic that follows them, each at its time.
 * It polls for unplanned stories every `pollMs` and can be nudged to look at once.
 *
 * A second outlet's copy of a story already planned sends nothing new: the rows not yet sent
 * learn "also reported by …". Rows and the story's planned mark are written in one
 * transaction, so a crash mid-plan replans the story, and the unique key keeps each row once.
 * Several instances on one database plan in turn: the "planner" lease lets one of them at a time
 * read a story's recipients (the others would read them again only to insert nothing), and
 * lapses to another when its holder dies.
 */
import type { Logger } from "../logger.ts";
import type { ChatRecord, PlannedDelivery, Store, StoredArticle } from "../store/index.ts";
import { KeywordIndex, recipientsOf } from "../subscriptions/recipients.ts";
import { isBreaking } from "./breaking.ts";
import { deliveryTime } from "./schedule.ts";
import type { Timers } from "../timers.ts";
import { Wakeup } from "./timers.ts";

export interface PlannerOptions {
  store: Store;
  log: Logger;
  /** Who this process is, for the planner lease. */
  holder: string;
  /** How long the planner lease lasts unless renewed (each round renews it; default 30 s). */
  leaseTtlMs?: number;
  now: () => Date;
  timers: Timers;
  /** How often to look for stories stored by other processes (default 1000 ms). */
  pollMs?: number;
  /** Stories per round (default 50). */
  batch?: number;
  /** Called after rows were planned, so the sender looks for due rows at once. */
  onPlanned?: (rows: number) => void;
}

const LEASE_NAME = "planner";

export class Planner {
  private readonly wakeup: Wakeup;
  private running: Promise<void> | undefined;
  private again = false;
  private started = false;
  private stopping = false;
  private readonly pollMs: number;
  private readonly batch: number;
  private readonly leaseTtlMs: number;
  private holding = false;

  constructor(private readonly options: PlannerOptions) {
    this.pollMs = options.pollMs ?? 1000;
    this.batch = options.batch ?? 50;
    this.leaseTtlMs = options.leaseTtlMs ?? 30_000;
    this.wakeup = new Wakeup(options.timers, () => options.now().getTime(), () => this.nudge());
  }

  start(): void {
    this.started = true;
    this.nudge();
  }

  /** Look for unplanned stories now (ingestion in this process calls it after storing one). */
  nudge(): void {
    if (!this.started || this.stopping) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = undefined;
      if (this.stopping) return;
      if (this.again) {
        this.again = false;
        this.nudge();
      } else {
        this.wakeup.schedule(this.pollMs);
      }
    });
  }

  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Resolves once no planning round is under way. */
  async settled(): Promise<void> {
    while (this.running !== undefined) await this.running;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeup.cancel();
    await this.running;
    // Another instance may plan at once rather than when the lease lapses.
    if (this.holding) await this.options.store.leases.release(LEASE_NAME, this.options.holder).catch(() => undefined);
  }

  private async loop(): Promise<void> {
    try {
      while (!this.stopping && (await this.planRound()) === this.batch);
    } catch (error) {
      this.options.log.error({ err: error }, "planning failed; trying again");
    }
  }

  /** Plans one round of stories; returns how many stories it looked at. */
  async planRound(): Promise<number> {
    const { store, holder, log } = this.options;
    const held = await store.leases.acquire(LEASE_NAME, holder, this.leaseTtlMs, this.options.now());
    if (held !== this.holding) log.info({ holder }, held ? "planner lease taken" : "planner lease held by another process; it plans");
    this.holding = held;
    if (!held) return 0;
    const stories = await store.articles.unplanned(this.batch);
    if (stories.length === 0) return 0;
    const keywords = await KeywordIndex.load(store.subscriptions);
    let rows = 0;
    for (const story of stories) {
      if (this.stopping) break;
      rows += await this.planStory(story, keywords);
    }
    if (rows > 0) this.options.onPlanned?.(rows);
    return stories.length;
  }

  private async planStory(story: StoredArticle, keywords: KeywordIndex): Promise<number> {
    const { store, log } = this.options;
    const now = this.options.now();
    if (!story.deliver) {
      await store.articles.markPlanned([story.id], now);
      return 0;
    }
    // Another outlet's copy of a story already planned: the chats that have it learn of this
    // outlet too; only chats the story has not reached yet (its topics differ) get a brief.
    const reached = story.storyGroupId === null ? undefined : await this.joinEarlierCopy(story, story.storyGroupId);

    const recipients = (await recipientsOf(story, store.subscriptions, keywords)).filter((r) => !reached?.has(`${r.chatId}:${r.threadId}`));
    const chats = await store.chats.getMany(recipients.map((r) => r.chatId));
    const breaking = isBreaking(story.title);
    const deliveries: PlannedDelivery[] = [];
    for (const recipient of recipients) {
      const chat = chats.get(recipient.chatId);
      if (chat === undefined || chat.status !== "active") continue;
      const time = this.timeFor(chat, breaking, now);
      deliveries.push({ ...recipient, ...time, payload: breaking ? { breaking: true } : {} });
    }
    const inserted = await store.outbox.plan(story.id, deliveries, now);
    log.info({ articleId: story.id, recipients: deliveries.length, inserted, breaking }, "story planned");
    return inserted;
  }

  private timeFor(chat: ChatRecord, breaking: boolean, now: Date) {
    try {
      return deliveryTime(chat.settings, { breaking }, now);
    } catch (error) {
      // A time zone the runtime does not know must not keep the chat's briefs from it.
      this.options.log.warn({ chatId: chat.id, err: error }, "chat settings unusable for timing; sending now");
      return { kind: "brief" as const, notBefore: now, priority: breaking ? 1 : 0 };
    }
  }

  /**
   * When another copy of the story was planned already, the rows of that copy not yet sent name
   * this outlet too. Returns the chats and threads the story has reached (or will), or undefined
   * when no copy was planned before.
   */
  private async joinEarlierCopy(story: StoredArticle, groupId: number): Promise<Set<string> | undefined> {
    const { store, log } = this.options;
    const group = await store.articles.inStoryGroup(groupId);
    const planned = group.filter((other) => other.id !== story.id && other.deliver && other.plannedAt !== null);
    if (planned.length === 0) return undefined;
    const known = [...planned, story].sort((a, b) => a.id - b.id);
    const payloads = new Map<number, { alsoReportedBy: string[] }>();
    for (const first of planned) {
      const others = known.filter((other) => other.id !== first.id).map((other) => other.sourceName ?? "");
      const names = [...new Set(others.filter((name) => name !== "" && name !== first.sourceName))];
      payloads.set(first.id, { alsoReportedBy: names });
    }
    const updated = await store.outbox.joinStory(payloads);
    log.info({ articleId: story.id, storyGroupId: groupId, updated }, "another outlet's copy of a planned story");
    const scopes = await store.outbox.scopesOf(planned.map((p) => p.id));
    return new Set(scopes.map((s) => `${s.chatId}:${s.threadId}`));
  }
}
