import type { Kysely, Selectable } from "kysely";
import type { Topic } from "../../topics/types.ts";
import { parseTopic } from "../../topics/validate.ts";
import type { Database, TopicsTable } from "../db-schema.ts";
import type { TopicRepository } from "../repositories.ts";
import type { StoredTopic } from "../types.ts";

/**
 * Topics in the `topics` table. `builtin = 1` means "the definition is the shipped one": such
 * rows follow the catalog when newsbrief is upgraded, while a topic an admin edited keeps the
 * admin's definition. Whether a topic is enabled is always the admin's choice.
 */
export class KyselyTopicRepository implements TopicRepository {
  private seeding: Promise<void> | undefined;
  private readonly catalogOrder: ReadonlyMap<string, number>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
    private readonly catalog: readonly Topic[],
  ) {
    this.catalogOrder = new Map(catalog.map((topic, i) => [topic.slug, i]));
  }

  async listEnabled(): Promise<Topic[]> {
    return (await this.listAll()).filter((stored) => stored.enabled).map((stored) => stored.topic);
  }

  async listAll(): Promise<StoredTopic[]> {
    await this.seeded();
    const rows = await this.db.selectFrom("topics").selectAll().execute();
    const topics = rows.flatMap((row) => this.toStored(row) ?? []);
    return topics.sort((a, b) => this.order(a.topic.slug) - this.order(b.topic.slug) || a.topic.slug.localeCompare(b.topic.slug));
  }

  async get(slug: string): Promise<StoredTopic | undefined> {
    await this.seeded();
    const row = await this.db.selectFrom("topics").selectAll().where("slug", "=", slug).executeTakeFirst();
    return row && this.toStored(row);
  }

  async upsert(topic: Topic): Promise<StoredTopic> {
    await this.seeded();
    const valid = parseTopic(JSON.parse(JSON.stringify(topic)) as unknown);
    const at = this.now().toISOString();
    const definition = JSON.stringify(valid);
    await this.db
      .insertInto("topics")
      .values({ slug: valid.slug, definition, builtin: 0, enabled: 1, updated_at: at })
      .onConflict((oc) => oc.column("slug").doUpdateSet({ definition, builtin: 0, enabled: 1, updated_at: at }))
      .execute();
    return { topic: valid, builtin: false, enabled: true, updatedAt: at };
  }

  async setEnabled(slug: string, enabled: boolean): Promise<boolean> {
    await this.seeded();
    const result = await this.db
      .updateTable("topics")
      .set({ enabled: enabled ? 1 : 0, updated_at: this.now().toISOString() })
      .where("slug", "=", slug)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Merges the shipped catalog into the table, once per opened store. */
  private seeded(): Promise<void> {
    this.seeding ??= this.seed().catch((error: unknown) => {
      this.seeding = undefined;
      throw error;
    });
    return this.seeding;
  }

  /**
   * One upsert per catalog topic and no read first: a transaction that reads and then writes
   * fails at once in SQLite when another process (another instance starting) wrote in between.
   * A row stays as it is when an admin edited it (builtin = 0) or it is already current.
   */
  private async seed(): Promise<void> {
    const at = this.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      for (const topic of this.catalog) {
        await trx
          .insertInto("topics")
          .values({ slug: topic.slug, definition: JSON.stringify(topic), builtin: 1, enabled: 1, updated_at: at })
          .onConflict((oc) =>
            oc
              .column("slug")
              .doUpdateSet((eb) => ({ definition: eb.ref("excluded.definition"), updated_at: eb.ref("excluded.updated_at") }))
              .where((eb) => eb.and([eb("topics.builtin", "=", 1), eb("topics.definition", "<>", eb.ref("excluded.definition"))])),
          )
          .execute();
      }
    });
  }

  private order(slug: string): number {
    return this.catalogOrder.get(slug) ?? Number.MAX_SAFE_INTEGER;
  }

  /** A row that no longer validates (edited by hand, or by an older version) is skipped, not fatal. */
  private toStored(row: Selectable<TopicsTable>): StoredTopic | undefined {
    try {
      return { topic: parseTopic(JSON.parse(row.definition) as unknown), builtin: row.builtin === 1, enabled: row.enabled === 1, updatedAt: row.updated_at };
    } catch {
      return undefined;
    }
  }
}
