import type { Kysely, Selectable } from "kysely";
import type { Database, SourcesTable } from "../db-schema.ts";
import type { SourceRepository } from "../repositories.ts";
import type { FeedFormat, NewSource, SourceRecord, WebSubState } from "../types.ts";

export class KyselySourceRepository implements SourceRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  async add(source: NewSource): Promise<{ source: SourceRecord; created: boolean }> {
    const existing = await this.findByFeedUrl(source.feedUrl);
    if (existing) return { source: existing, created: false };
    const row = await this.db
      .insertInto("sources")
      .values({
        name: source.name,
        feed_url: source.feedUrl,
        homepage: source.siteUrl ?? null,
        site_url: source.siteUrl ?? null,
        language: source.language ?? null,
        format: source.format,
        poll_interval_s: source.pollIntervalS,
        default_topics: JSON.stringify(source.defaultTopics ?? []),
        section_map: JSON.stringify(source.sectionMap ?? {}),
        enabled: 1,
        created_at: this.now().toISOString(),
      })
      // Two admins (or instances) adding the same feed at once: the second gets the first's source.
      .onConflict((oc) => oc.column("feed_url").doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      const raced = await this.findByFeedUrl(source.feedUrl);
      if (raced) return { source: raced, created: false };
      throw new Error(`source ${source.feedUrl} was added and removed while being added`);
    }
    return { source: toSource(row), created: true };
  }

  async get(id: number): Promise<SourceRecord | undefined> {
    const row = await this.db.selectFrom("sources").selectAll().where("id", "=", id).executeTakeFirst();
    return row && toSource(row);
  }

  async findByFeedUrl(feedUrl: string): Promise<SourceRecord | undefined> {
    const row = await this.db.selectFrom("sources").selectAll().where("feed_url", "=", feedUrl).executeTakeFirst();
    return row && toSource(row);
  }

  async list(): Promise<SourceRecord[]> {
    const rows = await this.db.selectFrom("sources").selectAll().orderBy("id").execute();
    return rows.map(toSource);
  }

  async remove(id: number): Promise<boolean> {
    const result = await this.db.deleteFrom("sources").where("id", "=", id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async setEnabled(id: number, enabled: boolean): Promise<boolean> {
    const result = await this.db
      .updateTable("sources")
      .set({ enabled: enabled ? 1 : 0, ...(enabled ? { next_poll_at: null } : {}) })
      .where("id", "=", id)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async due(now: Date, limit: number): Promise<SourceRecord[]> {
    const rows = await this.db
      .selectFrom("sources")
      .selectAll()
      .where("enabled", "=", 1)
      .where((eb) => eb.or([eb("next_poll_at", "is", null), eb("next_poll_at", "<=", now.toISOString())]))
      // Never-polled sources (null) first, then the most overdue.
      .orderBy("next_poll_at", (ob) => ob.asc().nullsFirst())
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map(toSource);
  }

  async recordSuccess(
    id: number,
    result: { at: Date; nextPollAt: Date; etag?: string | null; lastModified?: string | null; format?: FeedFormat; siteUrl?: string | null; language?: string | null },
  ): Promise<SourceRecord> {
    const row = await this.db
      .updateTable("sources")
      .set({
        last_polled_at: result.at.toISOString(),
        last_success_at: result.at.toISOString(),
        next_poll_at: result.nextPollAt.toISOString(),
        failures: 0,
        failing_since: null,
        last_error: null,
        ...(result.etag !== undefined ? { etag: result.etag } : {}),
        ...(result.lastModified !== undefined ? { last_modified: result.lastModified } : {}),
        ...(result.format ? { format: result.format } : {}),
        ...(result.siteUrl ? { site_url: result.siteUrl } : {}),
        ...(result.language ? { language: result.language } : {}),
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toSource(row);
  }

  async recordFailure(id: number, failure: { at: Date; nextPollAt: Date; error: string }): Promise<SourceRecord> {
    const at = failure.at.toISOString();
    const row = await this.db
      .updateTable("sources")
      .set((eb) => ({
        last_polled_at: at,
        next_poll_at: failure.nextPollAt.toISOString(),
        failures: eb("failures", "+", 1),
        failing_since: eb.fn.coalesce("failing_since", eb.val(at)),
        last_error: failure.error.slice(0, 500),
      }))
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toSource(row);
  }

  async setAlerted(id: number, at: Date | null): Promise<void> {
    await this.db.updateTable("sources").set({ alerted_at: at?.toISOString() ?? null }).where("id", "=", id).execute();
  }

  async setWebSub(id: number, websub: WebSubState | null): Promise<void> {
    await this.db
      .updateTable("sources")
      .set({
        websub_hub: websub?.hub ?? null,
        websub_topic: websub?.topic ?? null,
        websub_secret: websub?.secret ?? null,
        websub_lease_until: websub?.leaseUntil ?? null,
      })
      .where("id", "=", id)
      .execute();
  }
}

function toSource(row: Selectable<SourcesTable>): SourceRecord {
  return {
    id: row.id,
    name: row.name,
    feedUrl: row.feed_url,
    siteUrl: row.site_url ?? row.homepage,
    language: row.language,
    format: row.format as FeedFormat,
    pollIntervalS: row.poll_interval_s,
    defaultTopics: JSON.parse(row.default_topics) as string[],
    sectionMap: JSON.parse(row.section_map) as Record<string, string>,
    enabled: row.enabled === 1,
    etag: row.etag,
    lastModified: row.last_modified,
    lastPolledAt: row.last_polled_at,
    lastSuccessAt: row.last_success_at,
    nextPollAt: row.next_poll_at,
    failures: row.failures,
    failingSince: row.failing_since,
    lastError: row.last_error,
    alertedAt: row.alerted_at,
    websub:
      row.websub_hub && row.websub_topic && row.websub_secret
        ? { hub: row.websub_hub, topic: row.websub_topic, secret: row.websub_secret, leaseUntil: row.websub_lease_until }
        : null,
    createdAt: row.created_at,
  };
}
