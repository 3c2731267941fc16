/**
 * The updates the bot has handled, by Telegram's update_id: Telegram (or a load balancer in
 * front of several instances) may deliver an update again after a timeout, and the copy must
 * be skipped. Rows are pruned after a day, longer than Telegram keeps an update.
 */
import type { Kysely } from "kysely";
import { columnTypes, type SqlDialect } from "./dialect.ts";

export async function up(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable("handled_updates")
    .addColumn("update_id", t.bigint, (c) => c.primaryKey())
    .addColumn("handled_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("handled_updates_at").on("handled_updates").column("handled_at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("handled_updates").execute();
}
