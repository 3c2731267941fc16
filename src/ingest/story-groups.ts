/**
 * Which story a new article belongs to: the recent article whose text it nearly repeats (another
 * outlet's copy of a wire story), compared by MinHash fingerprint. The recent fingerprints are
 * kept in memory and topped up from the database by id, so each new article costs one small
 * query, and articles that another process stored are seen too.
 */
import type { StoredFingerprint, Store } from "../store/index.ts";
import { decodeFingerprint, NEAR_DUPLICATE_THRESHOLD, signatureSimilarity, type Signature } from "./dedup/index.ts";

/** A recent article as the window keeps it: its fingerprint decoded once. */
interface Recent extends StoredFingerprint {
  signature: Signature;
}

/** Copies of one story appear within hours; three days is a generous bound. */
const WINDOW_MS = 3 * 24 * 3600_000;
/** And at most this many recent articles are compared (a linear scan, ~1 ms). */
const WINDOW_SIZE = 5000;

export class StoryGroups {
  private recent: Recent[] = [];
  private lastId = 0;
  /** One top-up at a time: items are read concurrently. */
  private refreshing: Promise<void> | undefined;
  /** Grouping and storing run one article at a time, so two copies read at once still meet. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  /**
   * Stores an article (`insert`) in the story group it belongs to: null when it is a story of
   * its own. In this process, one article at a time.
   */
  add<T extends { id: number }>(fingerprint: string | null, insert: (storyGroupId: number | null) => Promise<T>): Promise<T> {
    // The next article's top-up reads this one back from the database, by id.
    const result = this.queue.then(async () => insert(await this.groupFor(fingerprint)));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async groupFor(fingerprint: string | null): Promise<number | null> {
    const signature = fingerprint ? decodeFingerprint(fingerprint) : undefined;
    if (!signature) return null;
    await this.refresh();
    let best: Recent | undefined;
    let bestScore = NEAR_DUPLICATE_THRESHOLD;
    for (const candidate of this.recent) {
      const score = signatureSimilarity(signature, candidate.signature);
      if (score >= bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    if (!best) return null;
    // The copy in memory may predate its grouping (by this process or another): ask the store.
    const current = await this.store.articles.get(best.id);
    if (current?.storyGroupId) return current.storyGroupId;
    const groupId = await this.store.articles.createStoryGroup(best.title);
    await this.store.articles.setStoryGroup(best.id, groupId);
    best.storyGroupId = groupId;
    return groupId;
  }

  private refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      try {
        const since = new Date(this.now().getTime() - WINDOW_MS);
        const added = await this.store.articles.fingerprintsAfter(this.lastId, since, WINDOW_SIZE);
        if (added.length > 0) this.lastId = (added.at(-1) as StoredFingerprint).id;
        const sinceIso = since.toISOString();
        const decoded = added.flatMap((entry) => {
          const signature = decodeFingerprint(entry.fingerprint);
          return signature ? [{ ...entry, signature }] : [];
        });
        this.recent = [...this.recent, ...decoded].filter((entry) => entry.fetchedAt >= sinceIso).slice(-WINDOW_SIZE);
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }
}
