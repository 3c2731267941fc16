/**
 * Admins added from the bot (`/admins add <id>`) by an existing admin, on top of the config's
 * ADMIN_IDS (which stay admins whatever the table says).
 */
import type { Kysely } from "kysely";
import { columnTypes, type SqlDialect } from "./dialect.ts";

export async function up(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable("admins")
    .addColumn("user_id", t.bigint, (c) => c.primaryKey())
    .addColumn("added_by", t.bigint)
    .addColumn("added_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("admins").execute();
}
