import type { Kysely } from "kysely";
import type { Database } from "../db-schema.ts";
import type { AuditLog } from "../repositories.ts";
import type { AuditEntry } from "../types.ts";

export class KyselyAuditLog implements AuditLog {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  async record(entry: { actorId?: number | null; chatId?: number | null; action: string; details?: Record<string, unknown> }): Promise<void> {
    await this.db
      .insertInto("audit_log")
      .values({
        at: this.now().toISOString(),
        actor_id: entry.actorId ?? null,
        chat_id: entry.chatId ?? null,
        action: entry.action,
        details: JSON.stringify(entry.details ?? {}),
      })
      .execute();
  }

  async recent(options: { chatId?: number; limit: number; offset?: number }): Promise<AuditEntry[]> {
    let query = this.db.selectFrom("audit_log").selectAll().orderBy("id", "desc").limit(options.limit).offset(options.offset ?? 0);
    if (options.chatId !== undefined) query = query.where("chat_id", "=", options.chatId);
    const rows = await query.execute();
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      actorId: row.actor_id,
      chatId: row.chat_id,
      action: row.action,
      details: JSON.parse(row.details) as Record<string, unknown>,
    }));
  }
}
