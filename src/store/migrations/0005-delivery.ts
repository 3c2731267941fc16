/**
 * Delivery: the outbox learns who claimed a row and until when (so a dead sender's rows come
 * back), which rows jump the queue (breaking briefs), and how long each story took from being
 * stored to reaching the chat (the figures /stats and broadcasts read).
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("outbox").addColumn("priority", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable("outbox").addColumn("claimed_by", "text").execute();
  await db.schema.alterTable("outbox").addColumn("claim_expires_at", "text").execute();
  await db.schema.alterTable("outbox").addColumn("latency_ms", "integer").execute();
  // The sender's claim: pending rows of one priority, soonest first (an index scan that stops at LIMIT).
  await db.schema.createIndex("outbox_claim").on("outbox").columns(["status", "priority", "not_before", "id"]).execute();
  await db.schema.createIndex("outbox_chat_status").on("outbox").columns(["chat_id", "status"]).execute();
  await db.schema.createIndex("outbox_article_status").on("outbox").columns(["article_id", "status"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ["outbox_article_status", "outbox_chat_status", "outbox_claim"]) await db.schema.dropIndex(index).execute();
  for (const column of ["latency_ms", "claim_expires_at", "claimed_by", "priority"]) await db.schema.alterTable("outbox").dropColumn(column).execute();
}
