import type { Kysely } from "kysely";
import type { Database } from "../db-schema.ts";
import type { LeaseRepository } from "../repositories.ts";

export class KyselyLeaseRepository implements LeaseRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async acquire(name: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
    const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
    // One statement, so two processes racing for a lapsed lease cannot both win it.
    const row = await this.db
      .insertInto("leases")
      .values({ name, holder, expires_at: expiresAt })
      .onConflict((oc) =>
        oc
          .column("name")
          .doUpdateSet({ holder, expires_at: expiresAt })
          .where((eb) => eb.or([eb("leases.holder", "=", holder), eb("leases.expires_at", "<=", now.toISOString())])),
      )
      .returning("holder")
      .executeTakeFirst();
    return row?.holder === holder;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.db.deleteFrom("leases").where("name", "=", name).where("holder", "=", holder).execute();
  }
}
