import type { Kysely } from "kysely";
import type { Database } from "../db-schema.ts";
import type { ReplyLedger } from "../repositories.ts";

export class KyselyReplyLedger implements ReplyLedger {
  constructor(
    private readonly db: Kysely<Database>,
    readonly shared: boolean,
  ) {}

  async add(holder: string, second: number, n: number): Promise<void> {
    await this.db
      .insertInto("reply_counts")
      .values({ holder, second, count: n })
      .onConflict((oc) => oc.columns(["holder", "second"]).doUpdateSet((eb) => ({ count: eb("reply_counts.count", "+", eb.ref("excluded.count")) })))
      .execute();
  }

  async othersSince(holder: string, sinceSecond: number): Promise<Array<{ second: number; count: number }>> {
    const rows = await this.db
      .selectFrom("reply_counts")
      .select((eb) => ["second", eb.fn.sum<number | string>("count").as("count")])
      .where("holder", "<>", holder)
      .where("second", ">=", sinceSecond)
      .groupBy("second")
      .orderBy("second")
      .execute();
    // A sum is typed loosely by the drivers (a bigint in PostgreSQL).
    return rows.map((row) => ({ second: Number(row.second), count: Number(row.count) }));
  }

  async prune(beforeSecond: number): Promise<void> {
    await this.db.deleteFrom("reply_counts").where("second", "<", beforeSecond).execute();
  }
}
