/**
 * The newsroom: topics and subscriptions, sources, articles with their topics, links and
 * story groups, broadcasts, and the outbox every delivery goes through.
 */
import type { Kysely } from "kysely";
import { columnTypes, type SqlDialect } from "./dialect.ts";

export async function up(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable("topics")
    .addColumn("slug", "text", (c) => c.primaryKey())
    .addColumn("definition", "text", (c) => c.notNull())
    .addColumn("builtin", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("enabled", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("subscriptions")
    .addColumn("id", t.bigint, t.autoId)
    .addColumn("chat_id", t.bigint, (c) => c.notNull().references("chats.id").onDelete("cascade"))
    .addColumn("thread_id", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("target", "text", (c) => c.notNull())
    .addColumn("query", "text")
    .addColumn("created_by", t.bigint)
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("subscriptions_unique", ["chat_id", "thread_id", "kind", "target"])
    .execute();
  await db.schema.createIndex("subscriptions_target").on("subscriptions").columns(["kind", "target"]).execute();

  await db.schema
    .createTable("sources")
    .addColumn("id", t.bigint, t.autoId)
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("feed_url", "text", (c) => c.notNull().unique())
    .addColumn("homepage", "text")
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("section_map", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("enabled", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("poll_interval_s", "integer", (c) => c.notNull().defaultTo(300))
    .addColumn("etag", "text")
    .addColumn("last_modified", "text")
    .addColumn("last_polled_at", "text")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("story_groups")
    .addColumn("id", t.bigint, t.autoId)
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("articles")
    .addColumn("id", t.bigint, t.autoId)
    .addColumn("source_id", t.bigint, (c) => c.references("sources.id").onDelete("set null"))
    .addColumn("url", "text", (c) => c.notNull().unique())
    .addColumn("canonical_url", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("byline", "text")
    .addColumn("published_at", "text")
    .addColumn("section", "text")
    .addColumn("lang", "text")
    .addColumn("image", "text")
    .addColumn("description", "text")
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("story_group_id", t.bigint, (c) => c.references("story_groups.id").onDelete("set null"))
    .addColumn("fetched_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("articles_published").on("articles").column("published_at").execute();
  await db.schema.createIndex("articles_story_group").on("articles").column("story_group_id").execute();

  await db.schema
    .createTable("article_topics")
    .addColumn("article_id", t.bigint, (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("topic_slug", "text", (c) => c.notNull())
    .addColumn("confidence", t.double, (c) => c.notNull())
    .addPrimaryKeyConstraint("article_topics_pk", ["article_id", "topic_slug"])
    .execute();
  await db.schema.createIndex("article_topics_topic").on("article_topics").column("topic_slug").execute();

  await db.schema
    .createTable("article_links")
    .addColumn("article_id", t.bigint, (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("block_label", "text")
    .addColumn("section", "text")
    .addPrimaryKeyConstraint("article_links_pk", ["article_id", "url", "kind"])
    .execute();

  await db.schema
    .createTable("broadcasts")
    .addColumn("id", t.bigint, t.autoId)
    .addColumn("created_by", t.bigint, (c) => c.notNull())
    .addColumn("article_id", t.bigint, (c) => c.references("articles.id").onDelete("set null"))
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("total", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("sent", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("failed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .execute();

  await db.schema
    .createTable("outbox")
    .addColumn("id", t.bigint, t.autoId)
    .addColumn("chat_id", t.bigint, (c) => c.notNull().references("chats.id").onDelete("cascade"))
    .addColumn("thread_id", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("article_id", t.bigint, (c) => c.references("articles.id").onDelete("cascade"))
    .addColumn("broadcast_id", t.bigint, (c) => c.references("broadcasts.id").onDelete("cascade"))
    .addColumn("payload", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("not_before", "text", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("message_id", t.bigint)
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();
  // A story reaches a chat (or forum topic) once, however many topics it matches.
  await db.schema
    .createIndex("outbox_once_per_chat")
    .on("outbox")
    .columns(["chat_id", "thread_id", "article_id"])
    .unique()
    .where("article_id", "is not", null)
    .execute();
  await db.schema.createIndex("outbox_due").on("outbox").columns(["status", "not_before"]).execute();
  await db.schema.createIndex("outbox_broadcast").on("outbox").columns(["broadcast_id", "status"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["outbox", "broadcasts", "article_links", "article_topics", "articles", "story_groups", "sources", "subscriptions", "topics"]) {
    await db.schema.dropTable(table).execute();
  }
}
