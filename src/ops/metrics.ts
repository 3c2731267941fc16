/**
 * The operator's Prometheus metrics (prom-client). Counters this process adds to as it works
 * (updates, handler errors); gauges read from the database at each scrape, so that they agree
 * across the processes sharing it (deliveries by outcome, the outbox queue, sources); Node's own
 * metrics, event-loop lag among them.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { PollReport } from "../ingest/types.ts";
import type { Store } from "../store/index.ts";

export interface MetricsDeps {
  store: Store;
  now: () => Date;
  /** Whether this process holds the sender lease (one sender per database). */
  senderActive: () => boolean;
}

/** Deliveries of the last day by outcome: a window, so the figure is one query however old the bot. */
const DELIVERY_WINDOW_MS = 24 * 3600 * 1000;

export class Metrics {
  readonly registry = new Registry();
  private readonly updates = new Counter({ name: "newsbrief_updates_handled_total", help: "Telegram updates handled, by type", labelNames: ["type"], registers: [this.registry] });
  private readonly updateSeconds = new Histogram({
    name: "newsbrief_update_duration_seconds",
    help: "Time to handle one update",
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly handlerErrors = new Counter({ name: "newsbrief_handler_errors_total", help: "Updates whose handler failed", registers: [this.registry] });
  private readonly polls = new Counter({ name: "newsbrief_source_polls_total", help: "Source polls by this process, by status (ok, not-modified, failed)", labelNames: ["status"], registers: [this.registry] });
  private readonly stories = new Counter({
    name: "newsbrief_stories_stored_total",
    help: "New stories stored, by where their text came from (page: extracted; feed: the feed's text, e.g. when the page could not be read)",
    labelNames: ["text_from"],
    registers: [this.registry],
  });
  private readonly itemFailures = new Counter({ name: "newsbrief_item_failures_total", help: "Feed items that could not be read into a story", registers: [this.registry] });

  constructor(deps: MetricsDeps) {
    collectDefaultMetrics({ register: this.registry, prefix: "" });
    const { store, now } = deps;
    new Gauge({
      name: "newsbrief_deliveries_last_day",
      help: "Deliveries planned in the last 24 hours, by outcome (pending, sent, failed, blocked)",
      labelNames: ["outcome"],
      registers: [this.registry],
      async collect() {
        const figures = await store.outbox.figures({ since: new Date(now().getTime() - DELIVERY_WINDOW_MS) });
        for (const outcome of ["pending", "sent", "failed", "blocked"] as const) this.set({ outcome }, figures[outcome]);
      },
    });
    new Gauge({
      name: "newsbrief_outbox_queue_length",
      help: "Deliveries planned and not yet sent (all chats)",
      registers: [this.registry],
      async collect() {
        this.set(await store.outbox.unsent());
      },
    });
    new Gauge({
      name: "newsbrief_outbox_oldest_due_age_seconds",
      help: "How long the oldest delivery that is due has waited to be sent (0 when none waits)",
      registers: [this.registry],
      async collect() {
        const oldest = await store.outbox.oldestDue(now());
        this.set(oldest ? Math.max(0, (now().getTime() - oldest.getTime()) / 1000) : 0);
      },
    });
    new Gauge({
      name: "newsbrief_sender_active",
      help: "1 when this process holds the sender lease and sends deliveries",
      registers: [this.registry],
      collect() {
        this.set(deps.senderActive() ? 1 : 0);
      },
    });
    const sources = new Gauge({ name: "newsbrief_sources", help: "Enabled sources, and those failing now", labelNames: ["state"], registers: [this.registry] });
    new Gauge({
      name: "newsbrief_last_successful_poll_timestamp_seconds",
      help: "When a source was last read successfully (any source)",
      registers: [this.registry],
      async collect() {
        const all = (await store.sources.list()).filter((source) => source.enabled);
        sources.set({ state: "enabled" }, all.length);
        sources.set({ state: "failing" }, all.filter((source) => source.failures > 0).length);
        const newest = Math.max(0, ...all.map((source) => (source.lastSuccessAt ? Date.parse(source.lastSuccessAt) : 0)));
        this.set(newest / 1000);
      },
    });
  }

  /** What ingestion calls after each poll. */
  readonly polled = (report: PollReport): void => {
    this.polls.inc({ status: report.status });
    for (const item of report.items) {
      if (item.kind === "stored") this.stories.inc({ text_from: item.textFrom });
      else if (item.kind === "failed") this.itemFailures.inc();
    }
  };

  /** What the bot calls for each update (an UpdateObserver). */
  readonly observer = {
    handled: (type: string, seconds: number) => {
      this.updates.inc({ type });
      this.updateSeconds.observe(seconds);
    },
    failed: () => this.handlerErrors.inc(),
  };
}
