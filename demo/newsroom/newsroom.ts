/**
 * The local newsroom the demo and the tests read: two outlets on 127.0.0.1, "Dnipro Evening Post"
 * (most stories, in English and Ukrainian) and "Black Sea Wire" (a news agency that republishes
 * the Post's breaking story). Articles of wave 0 are on the sites from the start; `publishNext()`
 * puts the next wave up, and `startPublishing(everyMs)` does so on a timer.
 */
import { loadArticles, type NewsroomArticle, type OutletId } from "./articles.ts";
import { OutletSite } from "./site.ts";

export const OUTLET_NAMES: Record<OutletId, string> = { post: "Dnipro Evening Post", wire: "Black Sea Wire" };

export interface NewsroomOptions {
  /** The articles; those of `pages/` unless given. */
  articles?: NewsroomArticle[];
  now?: () => Date;
}

export class LocalNewsroom {
  private wave = 0;
  private timer: NodeJS.Timeout | undefined;

  private constructor(
    readonly sites: Record<OutletId, OutletSite>,
    private readonly articles: NewsroomArticle[],
    private readonly now: () => Date,
  ) {}

  static async start(options: NewsroomOptions = {}): Promise<LocalNewsroom> {
    const post = await OutletSite.start(OUTLET_NAMES.post);
    const wire = await OutletSite.start(OUTLET_NAMES.wire).catch(async (error: unknown) => {
      await post.close();
      throw error;
    });
    const newsroom = new LocalNewsroom({ post, wire }, options.articles ?? loadArticles(), options.now ?? (() => new Date()));
    newsroom.publishWave(0);
    return newsroom;
  }

  /** The feeds to add as sources. */
  get feedUrls(): string[] {
    return [this.sites.post.feedUrl, this.sites.wire.feedUrl];
  }

  /** The last wave there is; after it `publishNext()` publishes nothing. */
  get lastWave(): number {
    return Math.max(0, ...this.articles.map((a) => a.wave));
  }

  /** The story an editor pushes with /breaking, with its address on the original outlet. */
  get breaking(): { article: NewsroomArticle; url: string } | undefined {
    const article = this.articles.find((a) => a.breaking);
    return article && { article, url: this.sites[article.site].urlOf(article) };
  }

  /** Where an article is (or will be) on its own outlet. */
  urlOf(article: NewsroomArticle): string {
    return this.sites[article.site].urlOf(article);
  }

  /** Puts up the next wave of articles (and their syndicated copies); returns what appeared. */
  publishNext(): NewsroomArticle[] {
    if (this.wave >= this.lastWave) return [];
    this.wave++;
    return this.publishWave(this.wave);
  }

  /** Publishes a wave every `everyMs` until the last; `onPublish` hears of each article. */
  startPublishing(everyMs: number, onPublish: (articles: NewsroomArticle[]) => void = () => {}): void {
    this.stopPublishing();
    this.timer = setInterval(() => {
      const published = this.publishNext();
      if (published.length > 0) onPublish(published);
      if (this.wave >= this.lastWave) this.stopPublishing();
    }, everyMs);
    this.timer.unref();
  }

  stopPublishing(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  async close(): Promise<void> {
    this.stopPublishing();
    await Promise.all([this.sites.post.close(), this.sites.wire.close()]);
  }

  private publishWave(wave: number): NewsroomArticle[] {
    const articles = this.articles.filter((a) => a.wave === wave);
    for (const article of articles) {
      const published = this.now();
      this.sites[article.site].publish({ article, published });
      if (article.syndicatedBy && article.syndicatedBy !== article.site) {
        this.sites[article.syndicatedBy].publish({ article, published, originallyBy: OUTLET_NAMES[article.site] });
      }
    }
    return articles;
  }
}
