/**
 * The /related index over the stored archive: the pure RelatedIndex kept in memory, filled
 * newest first at start-up (so the stories people ask about are there within seconds while
 * older ones keep loading in the background) and caught up with new articles before each query.
 *
 * Why in memory and not SQLite FTS5 (measured, see `npm run bench:related` and `eval:related`):
 * the ranking that separates one event from another of the same kind re-ranks candidates by
 * their pairwise similarities, which needs every candidate's full term vector; FTS5 ranks by
 * BM25 over the query's terms only (0.884 nDCG@10 with a story's 40 strongest terms as the
 * query, against 0.956 here). 100,000 articles take about 150-180 MB in memory and answer in
 * about a millisecond; the database stays the one source of truth, so nothing needs migrating.
 */
import type { Logger } from "../logger.ts";
import { RelatedIndex, type RelatedDocument } from "../related/index.ts";
import type { IndexableArticle, Store } from "../store/index.ts";

export interface ArchiveHit {
  articleId: number;
  score: number;
}

export interface ArchiveIndexOptions {
  store: Store;
  logger: Logger;
  now: () => Date;
  /** The most articles held in memory (the newest); older ones are left out of /related. */
  maxArticles: number;
  /** Articles read per database query while loading. */
  batch?: number;
}

/** How much of a body the index reads: the top of a story names its event; the tail adds memory, not matches. */
const BODY_CHARS = 4000;

export class ArchiveIndex {
  private readonly index = new RelatedIndex();
  private readonly docOf = new Map<number, number>();
  private readonly articleOf: number[] = [];
  private readonly log: Logger;
  private newest: number | undefined;
  private oldest: number | undefined;
  private loading: Promise<void> | undefined;
  private catchingUp: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: ArchiveIndexOptions) {
    this.log = options.logger.child({ module: "archive-index" });
  }

  get size(): number {
    return this.index.size;
  }

  /** Starts loading the archive in the background; queries are answered meanwhile from what is loaded. */
  start(): Promise<void> {
    this.loading ??= this.load().catch((error: unknown) => this.log.error({ err: error }, "loading the archive index failed"));
    return this.loading;
  }

  stop(): void {
    this.stopped = true;
  }

  /** Stories most like a stored article, best first, without the given article ids. */
  async relatedTo(articleId: number, k: number, exclude: ReadonlySet<number> = new Set()): Promise<ArchiveHit[]> {
    await this.catchUp();
    const doc = this.docOf.get(articleId);
    const excluded = this.docsOf(exclude);
    if (doc === undefined) {
      // Older than the window, or not loaded yet: compare its text instead.
      const [article] = await this.options.store.articles.getMany([articleId]);
      if (!article) return [];
      excluded.add(-1);
      return this.toHits(
        this.index.similarToText({ title: article.title, text: article.body.slice(0, BODY_CHARS), date: dateOf(article.publishedAt ?? article.fetchedAt) }, { k, exclude: excluded }),
      ).filter((hit) => hit.articleId !== articleId);
    }
    return this.toHits(this.index.similarTo(doc, { k, exclude: excluded, now: this.options.now() }));
  }

  /** Stories most like a text (a fetched page, or words), best first. */
  async relatedToText(text: Omit<RelatedDocument, "id">, k: number, options: { rerank?: boolean; exclude?: ReadonlySet<number> } = {}): Promise<ArchiveHit[]> {
    await this.catchUp();
    return this.toHits(
      this.index.similarToText({ ...text, text: text.text.slice(0, BODY_CHARS) }, { k, exclude: this.docsOf(options.exclude ?? new Set()), now: this.options.now(), rerank: options.rerank ?? true }),
    );
  }

  /** True when the article is indexed and has every word of the text (see RelatedIndex.hasAllWords). */
  hasAllWords(articleId: number, text: string): boolean {
    const doc = this.docOf.get(articleId);
    return doc !== undefined && this.index.hasAllWords(doc, text);
  }

  /** Adds the articles stored since the last look (each query calls this; it is one indexed query). */
  async catchUp(): Promise<void> {
    this.catchingUp ??= (async () => {
      try {
        if (this.newest === undefined) {
          // Nothing loaded yet: the newest stories first, the rest by `load`.
          await this.loadOlder();
          return;
        }
        for (;;) {
          const rows = await this.options.store.articles.forIndex({ afterId: this.newest, limit: this.options.batch ?? 2000 });
          for (const row of rows) this.add(row);
          if (rows.length < (this.options.batch ?? 2000)) break;
        }
      } finally {
        this.catchingUp = undefined;
      }
    })();
    return this.catchingUp;
  }

  private async load(): Promise<void> {
    const started = Date.now();
    await this.catchUp();
    while (!this.stopped && this.index.size < this.options.maxArticles) {
      const added = await this.loadOlder();
      if (added === 0) break;
      // Let updates through between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.log.info({ articles: this.index.size, ms: Date.now() - started }, "archive index loaded");
  }

  private async loadOlder(): Promise<number> {
    const limit = Math.min(this.options.batch ?? 2000, this.options.maxArticles - this.index.size);
    if (limit <= 0) return 0;
    const rows = await this.options.store.articles.forIndex({ ...(this.oldest !== undefined ? { beforeId: this.oldest } : {}), limit });
    for (const row of rows) this.add(row);
    return rows.length;
  }

  private add(row: IndexableArticle): void {
    if (this.docOf.has(row.id)) return;
    const doc = this.index.add({
      id: String(row.id),
      title: row.title,
      text: row.body.slice(0, BODY_CHARS),
      date: dateOf(row.date),
      ...(languageOf(row.lang) ? { language: languageOf(row.lang)! } : {}),
    });
    this.docOf.set(row.id, doc);
    this.articleOf[doc] = row.id;
    if (this.newest === undefined || row.id > this.newest) this.newest = row.id;
    if (this.oldest === undefined || row.id < this.oldest) this.oldest = row.id;
  }

  private docsOf(articleIds: ReadonlySet<number>): Set<number> {
    const docs = new Set<number>();
    for (const id of articleIds) {
      const doc = this.docOf.get(id);
      if (doc !== undefined) docs.add(doc);
    }
    return docs;
  }

  private toHits(hits: ReadonlyArray<{ doc: number; score: number }>): ArchiveHit[] {
    return hits.map((hit) => ({ articleId: this.articleOf[hit.doc]!, score: hit.score }));
  }
}

function dateOf(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "uk", "uk-UA", "ru_RU" → how Cyrillic words are stemmed; other languages are guessed from the text. */
function languageOf(lang: string | null): "uk" | "ru" | undefined {
  const code = lang?.slice(0, 2).toLowerCase();
  return code === "uk" || code === "ru" ? code : undefined;
}
