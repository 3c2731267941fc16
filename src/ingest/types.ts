/** What the ingestion service is given: the store, the guarded client, a clock, and its settings. */
import type { Logger } from "../logger.ts";
import type { SourceRecord, Store } from "../store/index.ts";
import type { LabelPredictor } from "../topics/index.ts";
import type { HttpClient } from "./http/index.ts";

export interface IngestConfig {
  /** A new source's poll interval, in seconds. */
  defaultPollIntervalS: number;
  /** The pause between two requests to one host. */
  hostDelayMs: number;
  /** Sources polled at the same time. */
  concurrency: number;
  /** Items of one feed read (pages fetched, briefed, stored) at the same time. */
  itemConcurrency: number;
  /** The admins hear of a source once it has failed for this long. */
  alertAfterMs: number;
  /** How often the scheduler looks for due sources. */
  tickMs: number;
}

/** A source the admins should hear about: failing for a while, or working again. */
export type SourceAlert =
  | { kind: "failing"; source: SourceRecord; since: string; error: string }
  | { kind: "recovered"; source: SourceRecord };

export interface IngestDeps {
  store: Store;
  http: HttpClient;
  logger: Logger;
  now: () => Date;
  /** [0, 1); jitter for poll times. */
  random?: () => number;
  /** The current broad-topic classifier, when one has been trained (read per poll, so a retrain takes effect). */
  classifier?: () => LabelPredictor | undefined;
  notifyAdmins?: (alert: SourceAlert) => Promise<void>;
  /** Called after a story meant for subscribers is stored, so delivery can plan it at once. */
  onStoryStored?: (articleId: number) => void;
  /** Hears of every poll this process made, with its items' outcomes (the operator's metrics). */
  onPolled?: (report: PollReport) => void;
}

/** What happened to one feed item. */
export type ItemOutcome =
  | { kind: "stored"; articleId: number; title: string; topics: string[]; deliver: boolean; storyGroupId: number | null; textFrom: "page" | "feed" }
  | { kind: "updated"; articleId: number; title: string }
  | { kind: "unchanged" }
  | { kind: "failed"; error: string };

export interface PollReport {
  source: SourceRecord;
  status: "ok" | "not-modified" | "failed";
  error?: string;
  /** Every item's outcome, in feed order. */
  items: ItemOutcome[];
}
