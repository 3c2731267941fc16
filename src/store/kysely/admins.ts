import type { Kysely } from "kysely";
import type { Database } from "../db-schema.ts";
import type { AdminRepository } from "../repositories.ts";

export class KyselyAdminRepository implements AdminRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  async list(): Promise<number[]> {
    const rows = await this.db.selectFrom("admins").select("user_id").orderBy("added_at").orderBy("user_id").execute();
    return rows.map((r) => Number(r.user_id));
  }

  async add(userId: number, addedBy: number | null): Promise<boolean> {
    const result = await this.db
      .insertInto("admins")
      .values({ user_id: userId, added_by: addedBy, added_at: this.now().toISOString() })
      .onConflict((oc) => oc.column("user_id").doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async remove(userId: number): Promise<boolean> {
    const result = await this.db.deleteFrom("admins").where("user_id", "=", userId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
