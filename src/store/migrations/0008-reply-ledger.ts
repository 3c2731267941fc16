/**
 * Replies to people, counted by instance and second: the instance holding the sender lease adds
 * the other instances' replies to its budget, so that all of them together keep to Telegram's
 * overall limit. Rows matter for a second or two; they are pruned after a minute.
 */
import type { Kysely } from "kysely";
import { columnTypes, type SqlDialect } from "./dialect.ts";

export async function up(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable("reply_counts")
    .addColumn("holder", "text", (c) => c.notNull())
    // Unix seconds: past 2^31 in 2038, so not PostgreSQL's 32-bit integer.
    .addColumn("second", t.bigint, (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("reply_counts_pk", ["holder", "second"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("reply_counts").execute();
}
