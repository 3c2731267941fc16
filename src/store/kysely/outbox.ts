import { sql, type Kysely, type RawBuilder, type Selectable, type SelectQueryBuilder } from "kysely";
import type { SqlDialect } from "../migrations/dialect.ts";
import type { Database, OutboxTable } from "../db-schema.ts";
import type { OutboxRepository } from "../repositories.ts";
import type { ClaimedDelivery, DeliveryFigures, DeliveryKind, DeliveryPayload, DeliveryStatus, PlannedDelivery, WaitingDelivery } from "../types.ts";

/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const INSERT_CHUNK = 500;
/** Confirmations per UPDATE: four bound values each, under every dialect's parameter limit. */
const SENT_CHUNK = 200;
/** Ids per `IN (…)` list. */
const ID_CHUNK = 900;
/** Admins' broadcasts, then breaking rows, then the rest: each priority is its own range of the claim index. */
const PRIORITIES = [2, 1, 0] as const;

/** The claim's sub-select of due row ids, before the dialect adds its locking. */
type Candidates = SelectQueryBuilder<Database, "outbox", { id: number }>;

export class KyselyOutboxRepository implements OutboxRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: SqlDialect,
  ) {}

  async plan(articleId: number, deliveries: readonly PlannedDelivery[], at: Date): Promise<number> {
    const createdAt = at.toISOString();
    return this.db.transaction().execute(async (trx) => {
      let inserted = 0;
      for (let i = 0; i < deliveries.length; i += INSERT_CHUNK) {
        const values = deliveries.slice(i, i + INSERT_CHUNK).map((d) => ({
          chat_id: d.chatId,
          thread_id: d.threadId,
          kind: d.kind,
          article_id: articleId,
          broadcast_id: null,
          payload: JSON.stringify(d.payload),
          status: "pending",
          attempts: 0,
          not_before: d.notBefore.toISOString(),
          priority: d.priority,
          created_at: createdAt,
        }));
        const result = await trx
          .insertInto("outbox")
          .values(values)
          .onConflict((oc) => oc.columns(["chat_id", "thread_id", "article_id"]).where("article_id", "is not", null).doNothing())
          .executeTakeFirst();
        inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
      }
      await trx.updateTable("articles").set({ planned_at: createdAt }).where("id", "=", articleId).execute();
      return inserted;
    });
  }

  async joinStory(payloads: ReadonlyMap<number, { alsoReportedBy: string[] }>): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      let updated = 0;
      for (const [storyId, extra] of payloads) {
        // Every row of a story carries the same payload, so one row tells what the others hold.
        const sample = await trx
          .selectFrom("outbox")
          .select("payload")
          .where("article_id", "=", storyId)
          .where("status", "in", ["pending", "sending"])
          .limit(1)
          .executeTakeFirst();
        if (!sample) continue;
        const payload: DeliveryPayload = { ...parsePayload(sample.payload), alsoReportedBy: extra.alsoReportedBy };
        const result = await trx
          .updateTable("outbox")
          .set({ payload: JSON.stringify(payload) })
          .where("article_id", "=", storyId)
          .where("status", "in", ["pending", "sending"])
          .executeTakeFirst();
        updated += Number(result.numUpdatedRows);
      }
      return updated;
    });
  }

  async scopesOf(articleIds: readonly number[]): Promise<Array<{ chatId: number; threadId: number }>> {
    if (articleIds.length === 0) return [];
    const rows = await this.db.selectFrom("outbox").select(["chat_id", "thread_id"]).distinct().where("article_id", "in", [...articleIds]).execute();
    return rows.map((r) => ({ chatId: r.chat_id, threadId: r.thread_id }));
  }

  async claim(holder: string, now: Date, until: Date, limit: number): Promise<ClaimedDelivery[]> {
    const claimed = this.dialect === "postgres" ? await this.claimConcurrently(holder, now, until, limit) : await this.claimRows(this.db, holder, now, until, limit);
    return claimed.sort((a, b) => b.priority - a.priority || a.not_before.localeCompare(b.not_before) || a.id - b.id).map(toClaimed);
  }

  /**
   * The claim's statements: each priority, then each digest chat, one UPDATE over a sub-select.
   * SQLite runs them as they are (one writer at a time, so no row can go to two claimers);
   * PostgreSQL adds its row locks to the sub-select through `lockRows` (claimConcurrently).
   */
  private async claimRows(db: Kysely<Database>, holder: string, now: Date, until: Date, limit: number, lockRows?: (candidates: Candidates) => Candidates): Promise<Array<Selectable<OutboxTable>>> {
    const nowText = now.toISOString();
    const claimed: Array<Selectable<OutboxTable>> = [];
    // Highest priority first; each priority's index range read soonest first.
    for (const priority of PRIORITIES) {
      const left = limit - claimed.length;
      if (left <= 0) break;
      const candidates = db
        .selectFrom("outbox")
        .select("id")
        .where("status", "=", "pending")
        .where("priority", "=", priority)
        .where("kind", "in", ["brief", "digest", "broadcast"])
        .where("not_before", "<=", nowText)
        .orderBy("not_before")
        .orderBy("id")
        .limit(left);
      const claim = { status: "sending", claimed_by: holder, claim_expires_at: until.toISOString() } as const;
      const rows = lockRows
        ? // A materialized CTE runs its locking sub-select once: inside IN (…) PostgreSQL may run it
          // again per row, and each run skips the rows the last one locked (LIMIT 1 claimed 3).
          await db
            .with((wb) => wb("picked").materialized(), () => lockRows(candidates))
            .updateTable("outbox")
            .set((eb) => ({ ...claim, attempts: eb("attempts", "+", 1) }))
            .where("id", "in", (eb) => eb.selectFrom("picked").select("picked.id"))
            .where("status", "=", "pending")
            .returningAll()
            .execute()
        : await db
            .updateTable("outbox")
            .set((eb) => ({ ...claim, attempts: eb("attempts", "+", 1) }))
            .where("id", "in", candidates)
            // Checked again on the row itself: a row another claimer took meanwhile is not taken twice.
            .where("status", "=", "pending")
            .returningAll()
            .execute();
      claimed.push(...rows);
    }
    // A digest goes out whole: the chat's other due items join the claimed one.
    const digestScopes = new Map<string, { chatId: number; threadId: number }>();
    for (const row of claimed) if (row.kind === "digest") digestScopes.set(`${row.chat_id}:${row.thread_id}`, { chatId: row.chat_id, threadId: row.thread_id });
    for (const scope of digestScopes.values()) {
      const rows = await db
        .updateTable("outbox")
        .set((eb) => ({ status: "sending", claimed_by: holder, claim_expires_at: until.toISOString(), attempts: eb("attempts", "+", 1) }))
        .where("status", "=", "pending")
        .where("chat_id", "=", scope.chatId)
        .where("thread_id", "=", scope.threadId)
        .where("kind", "=", "digest")
        .where("not_before", "<=", nowText)
        .returningAll()
        .execute();
      claimed.push(...rows);
    }
    return claimed;
  }

  /**
   * PostgreSQL: several claimers may run at once (today the sender lease keeps it to one; a
   * claimer racing a lease hand-over must still never take a row twice). The candidates are
   * locked with FOR UPDATE SKIP LOCKED, so claimers take disjoint rows without waiting on each
   * other. A digest stays whole: only a chat's first due digest row is a candidate, and its
   * other rows are claimed in the same transaction, so a second claimer sees either all of the
   * chat's digest still pending (its first row locked, skipped; the rest not first) or none.
   */
  private claimConcurrently(holder: string, now: Date, until: Date, limit: number): Promise<Array<Selectable<OutboxTable>>> {
    const nowText = now.toISOString();
    return this.db.transaction().execute((trx) =>
      this.claimRows(trx, holder, now, until, limit, (candidates) =>
        candidates
          .where((eb) =>
            eb.or([
              eb("kind", "!=", "digest"),
              eb(
                "id",
                "=",
                eb
                  .selectFrom("outbox as first")
                  .select((f) => f.fn.min<number>("first.id").as("id"))
                  .whereRef("first.chat_id", "=", "outbox.chat_id")
                  .whereRef("first.thread_id", "=", "outbox.thread_id")
                  .where("first.kind", "=", "digest")
                  .where("first.status", "=", "pending")
                  .where("first.not_before", "<=", nowText),
              ),
            ]),
          )
          .forUpdate()
          .skipLocked(),
      ),
    );
  }

  async releaseClaims(exceptHolder: string, now: Date): Promise<number> {
    const result = await this.db
      .updateTable("outbox")
      .set({ status: "pending", claimed_by: null, claim_expires_at: null, not_before: now.toISOString() })
      .where("status", "=", "sending")
      .where((eb) => eb.or([eb("claimed_by", "is", null), eb("claimed_by", "!=", exceptHolder), eb("claim_expires_at", "<=", now.toISOString())]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async markSent(results: ReadonlyArray<{ id: number; messageId: number; sentAt: Date; latencyMs: number | null }>): Promise<void> {
    if (results.length === 0) return;
    // One UPDATE per chunk (CASE per row) rather than one per row: a thousand confirmations a
    // second must not cost a thousand statements.
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < results.length; i += SENT_CHUNK) {
        const chunk = results.slice(i, i + SENT_CHUNK);
        await trx
          .updateTable("outbox")
          .set({
            status: "sent",
            message_id: byId(chunk, "bigint", (r) => r.messageId),
            sent_at: byId(chunk, "text", (r) => r.sentAt.toISOString()),
            latency_ms: byId(chunk, "integer", (r) => r.latencyMs),
            claimed_by: null,
            claim_expires_at: null,
            last_error: null,
          })
          .where(
            "id",
            "in",
            chunk.map((r) => r.id),
          )
          .execute();
      }
    });
  }

  async reschedule(ids: readonly number[], notBefore: Date, error: string | null): Promise<void> {
    for (const chunk of chunks(ids)) {
      await this.db
        .updateTable("outbox")
        .set({ status: "pending", not_before: notBefore.toISOString(), last_error: error, claimed_by: null, claim_expires_at: null })
        .where("id", "in", chunk)
        .where("status", "=", "sending")
        .execute();
    }
  }

  async finish(ids: readonly number[], status: Extract<DeliveryStatus, "failed" | "blocked">, error: string): Promise<void> {
    for (const chunk of chunks(ids)) {
      await this.db
        .updateTable("outbox")
        .set({ status, last_error: error, claimed_by: null, claim_expires_at: null })
        .where("id", "in", chunk)
        .execute();
    }
  }

  async dropChat(chatId: number, reason: string): Promise<number> {
    return dropUnsent(this.db, "chat_id", chatId, reason);
  }

  async moveChat(fromId: number, toId: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const taken = await trx.selectFrom("outbox").select(["thread_id", "article_id"]).where("chat_id", "=", toId).where("article_id", "is not", null).execute();
      const has = new Set(taken.map((r) => `${r.thread_id}:${r.article_id}`));
      const moving = await trx
        .selectFrom("outbox")
        .select(["id", "thread_id", "article_id"])
        .where("chat_id", "=", fromId)
        .where("status", "in", ["pending", "sending"])
        .execute();
      const duplicates = moving.filter((r) => r.article_id !== null && has.has(`${r.thread_id}:${r.article_id}`)).map((r) => r.id);
      const move = moving.filter((r) => !duplicates.includes(r.id)).map((r) => r.id);
      for (const chunk of chunks(duplicates)) {
        await trx.updateTable("outbox").set({ status: "dropped", last_error: `moved to ${toId}, which has it already` }).where("id", "in", chunk).execute();
      }
      for (const chunk of chunks(move)) {
        await trx.updateTable("outbox").set({ chat_id: toId }).where("id", "in", chunk).execute();
      }
    });
  }

  async waiting(chatId: number): Promise<WaitingDelivery[]> {
    const rows = await this.db
      .selectFrom("outbox")
      .select(["id", "kind", "priority", "attempts", "not_before"])
      .where("chat_id", "=", chatId)
      .where("status", "=", "pending")
      .orderBy("id")
      .execute();
    return rows.map((r) => ({ id: r.id, kind: toKind(r.kind), priority: r.priority, attempts: r.attempts, notBefore: new Date(r.not_before) }));
  }

  async retime(rows: ReadonlyArray<{ id: number; kind: DeliveryKind; notBefore: Date }>): Promise<number> {
    if (rows.length === 0) return 0;
    return this.db.transaction().execute(async (trx) => {
      let moved = 0;
      for (const row of rows) {
        const result = await trx
          .updateTable("outbox")
          .set({ kind: row.kind, not_before: row.notBefore.toISOString() })
          .where("id", "=", row.id)
          .where("status", "=", "pending")
          .executeTakeFirst();
        moved += Number(result.numUpdatedRows);
      }
      return moved;
    });
  }

  async unsent(chatId?: number): Promise<number> {
    let query = this.db
      .selectFrom("outbox")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("status", "in", ["pending", "sending"]);
    if (chatId !== undefined) query = query.where("chat_id", "=", chatId);
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async nextDue(now: Date): Promise<Date | null> {
    // One index seek per priority (the claim's index leads with status and priority): a MIN over
    // every waiting row would read all of them, and a newsroom's digests can keep many waiting.
    let next: string | undefined;
    for (const priority of PRIORITIES) {
      const row = await this.db
        .selectFrom("outbox")
        .select("not_before")
        .where("status", "=", "pending")
        .where("priority", "=", priority)
        .where("not_before", ">", now.toISOString())
        .orderBy("not_before")
        .limit(1)
        .executeTakeFirst();
      if (row !== undefined && (next === undefined || row.not_before < next)) next = row.not_before;
    }
    return next === undefined ? null : new Date(next);
  }

  async oldestDue(now: Date): Promise<Date | null> {
    const row = await this.db
      .selectFrom("outbox")
      .select((eb) => eb.fn.min("not_before").as("oldest"))
      .where("status", "in", ["pending", "sending"])
      .where("not_before", "<=", now.toISOString())
      .executeTakeFirst();
    return row?.oldest ? new Date(row.oldest) : null;
  }

  async figures(filter: { articleId: number } | { broadcastId: number } | { since: Date }): Promise<DeliveryFigures> {
    let query = this.db
      .selectFrom("outbox")
      .select((eb) => [
        "status",
        eb.fn.countAll<number>().as("n"),
        eb.fn.sum<number>("latency_ms").as("latency_sum"),
        eb.fn.count<number>("latency_ms").as("latency_count"),
        eb.fn.max<number>("latency_ms").as("latency_max"),
      ])
      .groupBy("status");
    if ("articleId" in filter) query = query.where("article_id", "=", filter.articleId);
    else if ("broadcastId" in filter) query = query.where("broadcast_id", "=", filter.broadcastId);
    else query = query.where("created_at", ">=", filter.since.toISOString());
    const rows = await query.execute();
    const count = (...statuses: string[]) => rows.filter((r) => statuses.includes(r.status)).reduce((sum, r) => sum + Number(r.n), 0);
    const sent = rows.find((r) => r.status === "sent");
    const latencyCount = Number(sent?.latency_count ?? 0);
    return {
      planned: count("pending", "sending", "sent", "failed", "blocked", "dropped"),
      pending: count("pending", "sending"),
      sent: count("sent"),
      failed: count("failed"),
      blocked: count("blocked", "dropped"),
      latencyMs: latencyCount > 0 ? { average: Math.round(Number(sent?.latency_sum ?? 0) / latencyCount), max: Number(sent?.latency_max ?? 0) } : null,
    };
  }
}

/**
 * `CASE id WHEN … THEN … END`: one value per row in one UPDATE, the same SQL in SQLite and
 * PostgreSQL. The casts are for PostgreSQL, which types a CASE of bare parameters as text and
 * then refuses it for a bigint or integer column.
 */
function byId<R extends { id: number }, T extends string | number | null>(rows: readonly R[], type: "bigint" | "integer" | "text", pick: (row: R) => T): RawBuilder<T> {
  return sql<T>`CASE id ${sql.join(
    rows.map((row) => sql`WHEN ${row.id} THEN CAST(${pick(row)} AS ${sql.raw(type)})`),
    sql` `,
  )} END`;
}

function toClaimed(row: Selectable<OutboxTable>): ClaimedDelivery {
  return {
    id: row.id,
    chatId: row.chat_id,
    threadId: row.thread_id,
    kind: toKind(row.kind),
    articleId: row.article_id,
    broadcastId: row.broadcast_id,
    payload: parsePayload(row.payload),
    priority: row.priority,
    attempts: row.attempts,
    notBefore: row.not_before,
  };
}

/**
 * Drops every row of a chat or a broadcast not yet sent, claimed ones too (their sender skips or
 * forgets them); returns how many.
 */
export async function dropUnsent(db: Kysely<Database>, column: "chat_id" | "broadcast_id", id: number, reason: string): Promise<number> {
  const result = await db
    .updateTable("outbox")
    .set({ status: "dropped", last_error: reason, claimed_by: null, claim_expires_at: null })
    .where(column, "=", id)
    .where("status", "in", ["pending", "sending"])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

function toKind(kind: string): DeliveryKind {
  return kind === "digest" || kind === "broadcast" ? kind : "brief";
}

function parsePayload(text: string): DeliveryPayload {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === "object" && value !== null ? (value as DeliveryPayload) : {};
  } catch {
    return {};
  }
}

function* chunks(ids: readonly number[]): Generator<number[]> {
  for (let i = 0; i < ids.length; i += ID_CHUNK) yield ids.slice(i, i + ID_CHUNK);
}



