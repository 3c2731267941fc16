import type { ExpressionBuilder, Kysely, Selectable } from "kysely";
import type { Brief } from "../../brief/types.ts";
import type { ArticlesTable, Database } from "../db-schema.ts";
import type { ArticleKeys, ArticleRepository, StoredFingerprint } from "../repositories.ts";
import type { RelatedLink } from "../../extract/article.ts";
import type { ArticleTopic, IndexableArticle, NewArticle, StoredArticle, TrainingArticle } from "../types.ts";
import type { TopicEvidence } from "../../topics/evidence.ts";

type ArticleRow = Selectable<ArticlesTable> & { source_name: string | null };

export class KyselyArticleRepository implements ArticleRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  async insert(article: NewArticle, storyGroupId: number | null): Promise<StoredArticle> {
    const at = this.now().toISOString();
    const id = await this.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto("articles")
        .values({
          ...columns(article),
          source_id: article.sourceId,
          url: article.url,
          canonical_url: article.url,
          guid: article.guid ?? null,
          story_group_id: storyGroupId,
          deliver: article.deliver ? 1 : 0,
          // An archived story has nothing to plan: mark it planned so the planner never looks at it.
          planned_at: article.deliver ? null : at,
          fetched_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await writeTopicsAndLinks(trx, id, article);
      return id;
    });
    return this.getOrThrow(id);
  }

  async get(id: number): Promise<StoredArticle | undefined> {
    const [article] = await this.load((q) => q.where("articles.id", "=", id));
    return article;
  }

  async findExisting(keys: ArticleKeys): Promise<StoredArticle | undefined> {
    const [article] = await this.load((q) =>
      q
        .where((eb) => {
          const alternatives = [eb("articles.url", "=", keys.url), eb("articles.canonical_url", "=", keys.url)];
          if (keys.guid && keys.sourceId !== null) {
            alternatives.push(eb.and([eb("articles.source_id", "=", keys.sourceId), eb("articles.guid", "=", keys.guid)]));
          }
          // The same text from another outlet is another article of the same story (a story group), not this one.
          if (keys.contentHash && keys.sourceId !== null) {
            alternatives.push(eb.and([eb("articles.source_id", "=", keys.sourceId), eb("articles.content_hash", "=", keys.contentHash)]));
          }
          return eb.or(alternatives);
        })
        .orderBy("articles.id")
        .limit(1),
    );
    return article;
  }

  async update(id: number, article: NewArticle): Promise<StoredArticle> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("articles")
        .set({ ...columns(article), updated_at: this.now().toISOString() })
        .where("id", "=", id)
        .execute();
      await trx.deleteFrom("article_topics").where("article_id", "=", id).execute();
      await trx.deleteFrom("article_links").where("article_id", "=", id).execute();
      await writeTopicsAndLinks(trx, id, article);
    });
    return this.getOrThrow(id);
  }

  async fingerprintsAfter(afterId: number, since: Date, limit: number): Promise<StoredFingerprint[]> {
    const rows = await this.db
      .selectFrom("articles")
      .select(["id", "fingerprint", "story_group_id", "title", "fetched_at"])
      .where("id", ">", afterId)
      .where("fingerprint", "is not", null)
      .where("fetched_at", ">=", since.toISOString())
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
    return rows.reverse().map((row) => ({
      id: row.id,
      fingerprint: row.fingerprint ?? "",
      storyGroupId: row.story_group_id,
      title: row.title,
      fetchedAt: row.fetched_at,
    }));
  }

  async createStoryGroup(title: string): Promise<number> {
    const { id } = await this.db
      .insertInto("story_groups")
      .values({ title, created_at: this.now().toISOString() })
      .returning("id")
      .executeTakeFirstOrThrow();
    return id;
  }

  async setStoryGroup(articleId: number, storyGroupId: number): Promise<void> {
    await this.db.updateTable("articles").set({ story_group_id: storyGroupId }).where("id", "=", articleId).execute();
  }

  async inStoryGroup(storyGroupId: number): Promise<StoredArticle[]> {
    return this.load((q) => q.where("articles.story_group_id", "=", storyGroupId).orderBy("articles.id"));
  }

  async unplanned(limit: number): Promise<StoredArticle[]> {
    return this.load((q) => q.where("articles.planned_at", "is", null).orderBy("articles.id").limit(limit));
  }

  async markPlanned(ids: readonly number[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.db.updateTable("articles").set({ planned_at: at.toISOString() }).where("id", "in", ids).execute();
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom("articles")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async countBySource(sourceIds: readonly number[]): Promise<Map<number, number>> {
    if (sourceIds.length === 0) return new Map();
    // Counted on the (source_id, guid) index, without reading the articles.
    const rows = await this.db
      .selectFrom("articles")
      .select((eb) => ["source_id", eb.fn.countAll<number>().as("n")])
      .where("source_id", "in", [...sourceIds])
      .groupBy("source_id")
      .execute();
    return new Map(rows.flatMap((row) => (row.source_id === null ? [] : [[row.source_id, Number(row.n)] as const])));
  }

  async trainingExamples(limit: number): Promise<TrainingArticle[]> {
    const labelled = (eb: ExpressionBuilder<Database, "article_topics">) =>
      eb.or([eb("article_topics.evidence", "is", null), eb("article_topics.evidence", "!=", "classifier")]);
    const rows = await this.db
      .selectFrom("articles")
      .select(["id", "title", "description", "body"])
      .where((eb) => eb.exists(eb.selectFrom("article_topics").select("article_id").whereRef("article_topics.article_id", "=", "articles.id").where(labelled)))
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
    if (rows.length === 0) return [];
    const topics = await this.db
      .selectFrom("article_topics")
      .select(["article_id", "topic_slug"])
      .where(
        "article_id",
        "in",
        rows.map((row) => row.id),
      )
      .where(labelled)
      .orderBy("topic_slug")
      .execute();
    const slugs = new Map<number, string[]>();
    for (const row of topics) slugs.set(row.article_id, [...(slugs.get(row.article_id) ?? []), row.topic_slug]);
    return rows.map((row) => ({ id: row.id, title: row.title, description: row.description, body: row.body, slugs: slugs.get(row.id) ?? [] }));
  }

  async getMany(ids: readonly number[]): Promise<StoredArticle[]> {
    if (ids.length === 0) return [];
    const found = new Map((await this.load((q) => q.where("articles.id", "in", [...ids]))).map((a) => [a.id, a]));
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  async links(articleId: number): Promise<RelatedLink[]> {
    const rows = await this.db.selectFrom("article_links").selectAll().where("article_id", "=", articleId).execute();
    return rows.map((row) => ({
      url: row.url,
      title: row.title,
      kind: row.kind as RelatedLink["kind"],
      ...(row.block_label ? { blockLabel: row.block_label } : {}),
      ...(row.section ? { section: row.section } : {}),
    }));
  }

  async forIndex(options: { beforeId?: number; afterId?: number; limit: number }): Promise<IndexableArticle[]> {
    let query = this.db.selectFrom("articles").select(["id", "title", "body", "lang", "published_at", "fetched_at"]).limit(options.limit);
    if (options.afterId !== undefined) query = query.where("id", ">", options.afterId).orderBy("id", "asc");
    else {
      if (options.beforeId !== undefined) query = query.where("id", "<", options.beforeId);
      query = query.orderBy("id", "desc");
    }
    const rows = await query.execute();
    return rows.map((row) => ({ id: row.id, title: row.title, body: row.body, lang: row.lang, date: row.published_at ?? row.fetched_at }));
  }

  private async getOrThrow(id: number): Promise<StoredArticle> {
    const article = await this.get(id);
    if (!article) throw new Error(`article ${id} vanished`);
    return article;
  }

  /** Articles with their source's name and their topics, in two queries however many rows. */
  private async load(
    refine: (
      query: ReturnType<KyselyArticleRepository["baseQuery"]>,
    ) => ReturnType<KyselyArticleRepository["baseQuery"]>,
  ): Promise<StoredArticle[]> {
    const rows = (await refine(this.baseQuery()).execute()) as ArticleRow[];
    if (rows.length === 0) return [];
    const topicRows = await this.db
      .selectFrom("article_topics")
      .selectAll()
      .where(
        "article_id",
        "in",
        rows.map((row) => row.id),
      )
      .orderBy("confidence", "desc")
      .orderBy("topic_slug")
      .execute();
    const topics = new Map<number, ArticleTopic[]>();
    for (const row of topicRows) {
      const list = topics.get(row.article_id) ?? [];
      list.push({ slug: row.topic_slug, confidence: row.confidence, ...(row.evidence ? { evidence: row.evidence as TopicEvidence } : {}) });
      topics.set(row.article_id, list);
    }
    return rows.map((row) => toArticle(row, topics.get(row.id) ?? []));
  }

  private baseQuery() {
    return this.db
      .selectFrom("articles")
      .leftJoin("sources", "sources.id", "articles.source_id")
      .selectAll("articles")
      .select("sources.name as source_name");
  }
}

/** The columns an edit rewrites: everything that came from the page or the feed. */
function columns(article: NewArticle) {
  return {
    title: article.title,
    byline: article.byline ?? null,
    published_at: article.publishedAt ?? null,
    section: article.section ?? null,
    lang: article.lang ?? null,
    image: article.image ?? null,
    description: article.description ?? null,
    body: article.body,
    brief: JSON.stringify(article.brief),
    text_from: article.textFrom,
    content_hash: article.contentHash,
    fingerprint: article.fingerprint,
    item_hash: article.itemHash ?? null,
  };
}

async function writeTopicsAndLinks(trx: Kysely<Database>, articleId: number, article: NewArticle): Promise<void> {
  if (article.topics.length > 0) {
    await trx
      .insertInto("article_topics")
      .values(article.topics.map((topic) => ({ article_id: articleId, topic_slug: topic.slug, confidence: topic.confidence, evidence: topic.evidence ?? null })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  if (article.links.length > 0) {
    await trx
      .insertInto("article_links")
      .values(
        article.links.map((link) => ({
          article_id: articleId,
          url: link.url,
          title: link.title,
          kind: link.kind,
          block_label: link.blockLabel ?? null,
          section: link.section ?? null,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

function toArticle(row: ArticleRow, topics: ArticleTopic[]): StoredArticle {
  return {
    id: row.id,
    sourceId: row.source_id,
    sourceName: row.source_name,
    url: row.canonical_url ?? row.url,
    guid: row.guid,
    itemHash: row.item_hash,
    title: row.title,
    byline: row.byline,
    publishedAt: row.published_at,
    section: row.section,
    lang: row.lang,
    image: row.image,
    description: row.description,
    body: row.body,
    brief: JSON.parse(row.brief ?? "null") as Brief,
    textFrom: row.text_from === "feed" ? "feed" : "page",
    contentHash: row.content_hash,
    fingerprint: row.fingerprint,
    storyGroupId: row.story_group_id,
    deliver: row.deliver === 1,
    plannedAt: row.planned_at,
    fetchedAt: row.fetched_at,
    updatedAt: row.updated_at,
    topics,
  };
}
