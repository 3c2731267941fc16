import type { Kysely, Selectable } from "kysely";
import type { Database, SubscriptionsTable } from "../db-schema.ts";
import type { SubscriptionRepository } from "../repositories.ts";
import type { Subscription, SubscriptionKind, SubscriptionScope, SubscriptionTarget } from "../types.ts";

export class KyselySubscriptionRepository implements SubscriptionRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  async add(scope: SubscriptionScope, target: SubscriptionTarget, createdBy: number | null = null): Promise<boolean> {
    const result = await this.db
      .insertInto("subscriptions")
      .values({
        chat_id: scope.chatId,
        thread_id: scope.threadId,
        kind: target.kind,
        target: target.kind === "topic" ? target.slug : target.key,
        query: target.kind === "keywords" ? target.query : null,
        created_by: createdBy,
        created_at: this.now().toISOString(),
      })
      .onConflict((oc) => oc.columns(["chat_id", "thread_id", "kind", "target"]).doNothing())
      .executeTakeFirst();
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }

  async remove(scope: SubscriptionScope, kind: SubscriptionKind, target: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom("subscriptions")
      .where("chat_id", "=", scope.chatId)
      .where("thread_id", "=", scope.threadId)
      .where("kind", "=", kind)
      .where("target", "=", target)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async removeById(scope: SubscriptionScope, id: number): Promise<Subscription | undefined> {
    const row = await this.db
      .deleteFrom("subscriptions")
      .where("id", "=", id)
      .where("chat_id", "=", scope.chatId)
      .where("thread_id", "=", scope.threadId)
      .returningAll()
      .executeTakeFirst();
    return row && toSubscription(row);
  }

  async listForChat(chatId: number, threadId?: number): Promise<Subscription[]> {
    let query = this.db.selectFrom("subscriptions").selectAll().where("chat_id", "=", chatId);
    if (threadId !== undefined) query = query.where("thread_id", "=", threadId);
    const rows = await query.orderBy("id").execute();
    return rows.map(toSubscription);
  }

  async forTopic(slug: string): Promise<Subscription[]> {
    return this.inActiveChats("topic", slug);
  }

  async allKeywords(): Promise<Subscription[]> {
    return this.inActiveChats("keywords");
  }

  async count(scope: SubscriptionScope): Promise<number> {
    const row = await this.db
      .selectFrom("subscriptions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("chat_id", "=", scope.chatId)
      .where("thread_id", "=", scope.threadId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private async inActiveChats(kind: SubscriptionKind, target?: string): Promise<Subscription[]> {
    let query = this.db
      .selectFrom("subscriptions")
      .innerJoin("chats", "chats.id", "subscriptions.chat_id")
      .selectAll("subscriptions")
      .where("chats.status", "=", "active")
      .where("subscriptions.kind", "=", kind);
    if (target !== undefined) query = query.where("subscriptions.target", "=", target);
    const rows = await query.orderBy("subscriptions.id").execute();
    return rows.map(toSubscription);
  }
}

function toSubscription(row: Selectable<SubscriptionsTable>): Subscription {
  return {
    id: row.id,
    chatId: row.chat_id,
    threadId: row.thread_id,
    kind: row.kind as SubscriptionKind,
    target: row.target,
    query: row.query,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}
