import type { Kysely } from "kysely";
import type { Database } from "../db-schema.ts";
import type { StateRepository } from "../repositories.ts";

export class KyselyStateRepository implements StateRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  async read(namespace: string, key: string): Promise<unknown> {
    const row = await this.db
      .selectFrom("kv_state")
      .select("value")
      .where("namespace", "=", namespace)
      .where("key", "=", key)
      .executeTakeFirst();
    return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
  }

  async write(namespace: string, key: string, value: unknown): Promise<void> {
    const text = JSON.stringify(value);
    const at = this.now().toISOString();
    await this.db
      .insertInto("kv_state")
      .values({ namespace, key, value: text, updated_at: at })
      .onConflict((oc) => oc.columns(["namespace", "key"]).doUpdateSet({ value: text, updated_at: at }))
      .execute();
  }

  async delete(namespace: string, key: string): Promise<void> {
    await this.db.deleteFrom("kv_state").where("namespace", "=", namespace).where("key", "=", key).execute();
  }
}
