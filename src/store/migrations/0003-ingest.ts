/**
 * Ingestion: what a source needs to be polled politely (its next poll, failures, WebSub lease),
 * what an article needs to enter once (feed guid, content hash, near-duplicate fingerprint), its
 * brief, and whether delivery still has to plan it. Leases let one process at a time do a job
 * (polling a source, sending) on a database that several processes share.
 */
import { sql, type Kysely } from "kysely";

/** A column to add: its name and type, and for a NOT NULL column the default existing rows get. */
type NewColumn = readonly [name: string, type: "text" | "integer", notNullDefault?: string | number];

async function addColumns(db: Kysely<unknown>, table: string, columns: readonly NewColumn[]): Promise<void> {
  for (const [name, type, notNullDefault] of columns) {
    await db.schema
      .alterTable(table)
      .addColumn(name, type, (c) => (notNullDefault === undefined ? c : c.notNull().defaultTo(notNullDefault)))
      .execute();
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await addColumns(db, "sources", [
    ["site_url", "text"],
    ["language", "text"],
    ["default_topics", "text", "[]"],
    ["next_poll_at", "text"],
    ["last_success_at", "text"],
    ["failures", "integer", 0],
    ["failing_since", "text"],
    ["alerted_at", "text"],
    ["websub_hub", "text"],
    ["websub_topic", "text"],
    ["websub_secret", "text"],
    ["websub_lease_until", "text"],
  ]);
  await db.schema.createIndex("sources_next_poll").on("sources").columns(["enabled", "next_poll_at"]).execute();

  await addColumns(db, "articles", [
    ["guid", "text"],
    ["item_hash", "text"],
    ["content_hash", "text"],
    ["fingerprint", "text"],
    ["brief", "text"],
    ["text_from", "text", "page"],
    ["deliver", "integer", 0],
    ["planned_at", "text"],
    ["updated_at", "text"],
  ]);
  await db.schema.createIndex("articles_guid").on("articles").columns(["source_id", "guid"]).execute();
  await db.schema.createIndex("articles_canonical").on("articles").column("canonical_url").execute();
  await db.schema.createIndex("articles_content_hash").on("articles").column("content_hash").execute();
  // Delivery's planner looks for stories it has not planned yet; the partial index keeps that cheap.
  await db.schema.createIndex("articles_unplanned").on("articles").column("id").where(sql.ref("planned_at"), "is", null).execute();

  await db.schema
    .createTable("leases")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("holder", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("leases").execute();
  for (const index of ["articles_unplanned", "articles_content_hash", "articles_canonical", "articles_guid", "sources_next_poll"]) {
    await db.schema.dropIndex(index).execute();
  }
  for (const column of ["guid", "item_hash", "content_hash", "fingerprint", "brief", "text_from", "deliver", "planned_at", "updated_at"]) {
    await db.schema.alterTable("articles").dropColumn(column).execute();
  }
  for (const column of ["site_url", "language", "default_topics", "next_poll_at", "last_success_at", "failures", "failing_since", "alerted_at", "websub_hub", "websub_topic", "websub_secret", "websub_lease_until"]) {
    await db.schema.alterTable("sources").dropColumn(column).execute();
  }
}
