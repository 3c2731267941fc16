/**
 * The broad-topic classifier, learned from the newsroom's own archive: articles a source's section
 * or the catalog labelled teach it (see src/topics/learn-from-archive.ts), so stories from sources
 * without sections still get a broad topic. Trained on demand (`newsbrief topics train
 * --from-archive`) and on a schedule in the running bot, in a worker thread; the model is kept in
 * the database (kv_state), so every process that shares the database uses the same one.
 */
import { hostname } from "node:os";
import { Worker } from "node:worker_threads";
import { Cron } from "croner";
import type { Logger } from "../logger.ts";
import type { ArticleTopic, Store } from "../store/index.ts";
import {
  archiveTrainingSet,
  assignTopics,
  TopicClassifier,
  topicEvidence,
  type ClassifierJSON,
  type CompiledCatalog,
  type LabeledText,
  type Topic,
  type TopicInput,
} from "../topics/index.ts";

const STATE = { namespace: "topic-model", key: "broad" } as const;
/** Processes sharing a database train one at a time; a holder that dies lets go after the TTL. */
const LEASE = { name: "topic-model-training", ttlMs: 60 * 60_000 } as const;
/**
 * The newest this many labelled articles are learned from: a bound on the training's time and
 * memory (measured here: 2,500 BBC-length articles train in 42 s with 712 MB peak RSS; 1,587 AG
 * News headlines in 7 s).
 */
export const MAX_TRAINING_ARTICLES = 3000;

export interface TopicModelSettings {
  /** Labelled articles a broad topic (and "no broad topic") needs before it is learned. */
  minPerTopic: number;
  /** When to retrain (a cron pattern, in the server's time zone); null: never on its own. */
  schedule: string | null;
}

interface SavedModel {
  trainedAt: string;
  articles: number;
  topics: string[];
  model: ClassifierJSON;
}

export type TrainOutcome =
  | { trained: true; articles: number; topics: string[]; counts: Record<string, number>; seconds: number }
  | { trained: false; reason: string; counts: Record<string, number> };

export interface TopicModelDeps {
  store: Store;
  log: Logger;
  now: () => Date;
}

export class TopicModel {
  private current: TopicClassifier | undefined;
  private training: Promise<TrainOutcome> | undefined;
  private worker: Worker | undefined;
  private job: Cron | undefined;
  private stopped = false;
  private readonly holder = `${hostname()}:${process.pid}`;

  constructor(
    private readonly deps: TopicModelDeps,
    private readonly settings: TopicModelSettings,
  ) {}

  /** The classifier for `assignTopics`, once one was trained (or loaded). */
  get classifier(): TopicClassifier | undefined {
    return this.current;
  }

  /** Loads the model saved by the last training; false when there is none (or it cannot be read). */
  async load(): Promise<boolean> {
    const saved = (await this.deps.store.state.read(STATE.namespace, STATE.key)) as SavedModel | undefined;
    if (!saved) return false;
    try {
      this.current = TopicClassifier.fromJSON(saved.model);
      this.deps.log.info({ trainedAt: saved.trainedAt, articles: saved.articles, topics: saved.topics }, "topic model loaded");
      return true;
    } catch (error) {
      this.deps.log.warn({ err: error }, "the saved topic model cannot be read; it will be trained again");
      return false;
    }
  }

  /**
   * The topics of an article as the store keeps them, each saying where it came from.
   * `topics`: the enabled topics (`store.topics.listEnabled()`), compiled once per batch by the caller.
   */
  topicsFor(article: TopicInput, topics: readonly Topic[] | CompiledCatalog): ArticleTopic[] {
    return assignTopics(article, topics, this.current ? { classifier: this.current } : {}).map((assignment) => ({
      slug: assignment.slug,
      confidence: assignment.confidence,
      evidence: topicEvidence(assignment),
    }));
  }

  /**
   * Learns from the archive and, when it has enough labelled articles, saves the model and uses it.
   * Calls while a training runs share it.
   */
  train(): Promise<TrainOutcome> {
    this.training ??= this.trainOnce().finally(() => {
      this.training = undefined;
    });
    return this.training;
  }

  /** Retrains on the schedule; trains at once when there is no model yet. */
  start(): void {
    const { schedule } = this.settings;
    if (schedule) {
      this.job = new Cron(schedule, { protect: true }, () => this.retrain());
      this.deps.log.info({ schedule, next: this.job.nextRun()?.toISOString() }, "topic model retraining scheduled");
    }
    if (!this.current) void this.retrain();
  }

  /** Stops the schedule and any training in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.job?.stop();
    await this.worker?.terminate();
    await this.training?.catch(() => undefined);
  }

  /**
   * What the schedule runs: trains and logs the outcome. When another process sharing the database
   * is training, loads the model it saved last instead of training the same archive again.
   */
  async retrain(): Promise<void> {
    const { store, log, now } = this.deps;
    if (!(await store.leases.acquire(LEASE.name, this.holder, LEASE.ttlMs, now()))) {
      log.info("another process is training the topic model; using the one it saved");
      await this.load();
      return;
    }
    try {
      const outcome = await this.train();
      if (outcome.trained) log.info(outcome, describeOutcome(outcome));
      else log.info({ counts: outcome.counts }, describeOutcome(outcome));
    } catch (error) {
      if (!this.stopped) log.error({ err: error }, "topic model training failed");
    } finally {
      await store.leases.release(LEASE.name, this.holder).catch(() => undefined);
    }
  }

  private async trainOnce(): Promise<TrainOutcome> {
    const started = performance.now();
    const [articles, topics] = await Promise.all([
      this.deps.store.articles.trainingExamples(MAX_TRAINING_ARTICLES),
      this.deps.store.topics.listEnabled(),
    ]);
    const set = archiveTrainingSet(articles, topics, this.settings.minPerTopic);
    if (!("examples" in set)) return { trained: false, reason: set.reason, counts: set.counts };
    const model = await this.trainInWorker(set.examples);
    const classifier = TopicClassifier.fromJSON(model);
    const saved: SavedModel = { trainedAt: this.deps.now().toISOString(), articles: set.examples.length, topics: set.topics, model };
    await this.deps.store.state.write(STATE.namespace, STATE.key, saved);
    this.current = classifier;
    return { trained: true, articles: set.examples.length, topics: set.topics, counts: set.counts, seconds: (performance.now() - started) / 1000 };
  }

  private trainInWorker(examples: LabeledText[]): Promise<ClassifierJSON> {
    if (this.stopped) return Promise.reject(new Error("the topic model is stopped"));
    const entry = new URL("./topic-model-worker.ts", import.meta.url).href;
    const worker = new Worker(new URL("./ts-worker.js", import.meta.url), { workerData: { entry, examples } });
    this.worker = worker;
    return new Promise<ClassifierJSON>((resolve, reject) => {
      worker.once("message", (model: ClassifierJSON) => resolve(model));
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`the training worker stopped (exit code ${code})`)));
    }).finally(() => {
      this.worker = undefined;
      void worker.terminate();
    });
  }
}

/** One line for the log and the CLI: "trained on N articles in K topics …" or why not. */
export function describeOutcome(outcome: TrainOutcome): string {
  if (!outcome.trained) return `not enough labelled articles: ${outcome.reason}`;
  const n = outcome.topics.length;
  return `trained on ${outcome.articles} articles in ${n} topic${n === 1 ? "" : "s"} (${outcome.topics.join(", ")}) in ${outcome.seconds.toFixed(1)} s`;
}
