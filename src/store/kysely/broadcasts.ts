import type { Kysely, Selectable } from "kysely";
import type { BroadcastsTable, Database } from "../db-schema.ts";
import type { BroadcastRepository } from "../repositories.ts";
import { dropUnsent } from "./outbox.ts";
import type { BroadcastPayload, BroadcastRecord, BroadcastStatus, PlannedBroadcastDelivery } from "../types.ts";

const INSERT_CHUNK = 500;

export class KyselyBroadcastRepository implements BroadcastRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(broadcast: { createdBy: number; payload: BroadcastPayload; at: Date }, deliveries: readonly PlannedBroadcastDelivery[]): Promise<BroadcastRecord> {
    const createdAt = broadcast.at.toISOString();
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("broadcasts")
        .values({
          created_by: broadcast.createdBy,
          article_id: null,
          payload: JSON.stringify(broadcast.payload),
          status: "running",
          total: deliveries.length,
          sent: 0,
          failed: 0,
          created_at: createdAt,
          finished_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      for (let i = 0; i < deliveries.length; i += INSERT_CHUNK) {
        await trx
          .insertInto("outbox")
          .values(
            deliveries.slice(i, i + INSERT_CHUNK).map((d) => ({
              chat_id: d.chatId,
              thread_id: d.threadId,
              kind: "broadcast",
              article_id: null,
              broadcast_id: row.id,
              payload: JSON.stringify({ breaking: true }),
              status: "pending",
              attempts: 0,
              not_before: d.notBefore.toISOString(),
              priority: d.priority,
              created_at: createdAt,
            })),
          )
          .execute();
      }
      return toRecord(row);
    });
  }

  async get(id: number): Promise<BroadcastRecord | undefined> {
    const row = await this.db.selectFrom("broadcasts").selectAll().where("id", "=", id).executeTakeFirst();
    return row && toRecord(row);
  }

  async running(): Promise<BroadcastRecord[]> {
    const rows = await this.db.selectFrom("broadcasts").selectAll().where("status", "=", "running").orderBy("id").execute();
    return rows.map(toRecord);
  }

  async updatePayload(id: number, payload: BroadcastPayload): Promise<void> {
    await this.db.updateTable("broadcasts").set({ payload: JSON.stringify(payload) }).where("id", "=", id).execute();
  }

  async finish(id: number, status: Exclude<BroadcastStatus, "running">, figures: { sent: number; failed: number }, at: Date): Promise<void> {
    await this.db
      .updateTable("broadcasts")
      .set({ status, sent: figures.sent, failed: figures.failed, finished_at: at.toISOString() })
      .where("id", "=", id)
      .execute();
  }

  async dropUnsent(id: number, reason: string): Promise<number> {
    // Claimed rows too: the sender skips a stopped broadcast's rows it still holds.
    return dropUnsent(this.db, "broadcast_id", id, reason);
  }

  async activeChatIds(): Promise<number[]> {
    const rows = await this.db.selectFrom("chats").select("id").where("status", "=", "active").orderBy("id").execute();
    return rows.map((r) => r.id);
  }
}

function toRecord(row: Selectable<BroadcastsTable>): BroadcastRecord {
  return {
    id: row.id,
    createdBy: row.created_by,
    payload: JSON.parse(row.payload) as BroadcastPayload,
    status: row.status as BroadcastStatus,
    total: row.total,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}
