/**
 * Where each article topic came from (see `TopicEvidence` in src/topics/evidence.ts): the source,
 * the catalog reading the text, or the learned classifier. The classifier learns from the archive,
 * and only from topics it did not give itself. Rows from before this migration stay null: no
 * classifier assigned topics in the running bot until now.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("article_topics").addColumn("evidence", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("article_topics").dropColumn("evidence").execute();
}
