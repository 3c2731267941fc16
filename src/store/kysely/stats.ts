import type { Kysely } from "kysely";
import type { Database } from "../db-schema.ts";
import type { StatsRepository } from "../repositories.ts";
import type { ChatCount } from "../types.ts";

export class KyselyStatsRepository implements StatsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async chats(): Promise<ChatCount[]> {
    const rows = await this.db
      .selectFrom("chats")
      .select((eb) => ["type", "status", eb.fn.countAll<number>().as("n")])
      .groupBy(["type", "status"])
      .execute();
    return rows.map((r) => ({ type: r.type, status: r.status, count: Number(r.n) }));
  }

  async subscribersPerTopic(): Promise<Array<{ slug: string; count: number }>> {
    const rows = await this.db
      .selectFrom("subscriptions")
      .innerJoin("chats", "chats.id", "subscriptions.chat_id")
      .select((eb) => ["subscriptions.target as slug", eb.fn.count<number>("subscriptions.chat_id").distinct().as("n")])
      .where("subscriptions.kind", "=", "topic")
      .where("chats.status", "=", "active")
      .groupBy("subscriptions.target")
      .orderBy("n", "desc")
      .orderBy("subscriptions.target")
      .execute();
    return rows.map((r) => ({ slug: r.slug, count: Number(r.n) }));
  }

  async articlesSince(since: Date): Promise<number> {
    const row = await this.db
      .selectFrom("articles")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("fetched_at", ">=", since.toISOString())
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
