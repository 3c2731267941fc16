/** Chats, bot state (sessions, conversations) and the audit log: what the bot needs to talk. */
import type { Kysely } from "kysely";
import { columnTypes, type SqlDialect } from "./dialect.ts";

export async function up(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable("chats")
    .addColumn("id", t.bigint, (c) => c.primaryKey())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("title", "text")
    .addColumn("username", "text")
    .addColumn("locale", "text")
    .addColumn("settings", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("active"))
    .addColumn("migrated_to", t.bigint)
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("kv_state")
    .addColumn("namespace", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("kv_state_pk", ["namespace", "key"])
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", t.bigint, t.autoId)
    .addColumn("at", "text", (c) => c.notNull().defaultTo(t.nowText))
    .addColumn("actor_id", t.bigint)
    .addColumn("chat_id", t.bigint)
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("details", "text", (c) => c.notNull().defaultTo("{}"))
    .execute();
  await db.schema.createIndex("audit_log_chat").on("audit_log").columns(["chat_id", "id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("audit_log").execute();
  await db.schema.dropTable("kv_state").execute();
  await db.schema.dropTable("chats").execute();
}
