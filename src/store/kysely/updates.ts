import type { Kysely } from "kysely";
import type { Database } from "../db-schema.ts";
import type { KeyLocks } from "../key-locks.ts";
import type { UpdateRepository } from "../repositories.ts";

/** Telegram keeps an update for at most a day: a copy older than that never comes. */
const KEEP_MS = 24 * 3600_000;
/** How often a process deletes records past KEEP_MS. */
const PRUNE_EVERY_MS = 3600_000;

export class KyselyUpdateRepository implements UpdateRepository {
  private prunedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
    private readonly locks: KeyLocks,
  ) {}

  exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
    return this.locks.exclusive(key, work);
  }

  async isHandled(updateId: number): Promise<boolean> {
    const row = await this.db.selectFrom("handled_updates").select("update_id").where("update_id", "=", updateId).executeTakeFirst();
    return row !== undefined;
  }

  async markHandled(updateId: number): Promise<void> {
    const now = this.now();
    await this.db
      .insertInto("handled_updates")
      .values({ update_id: updateId, handled_at: now.toISOString() })
      .onConflict((oc) => oc.column("update_id").doNothing())
      .execute();
    if (now.getTime() - this.prunedAt < PRUNE_EVERY_MS) return;
    this.prunedAt = now.getTime();
    await this.db
      .deleteFrom("handled_updates")
      .where("handled_at", "<", new Date(now.getTime() - KEEP_MS).toISOString())
      .execute();
  }
}
