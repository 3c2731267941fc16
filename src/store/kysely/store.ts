/** The Store over Kysely: the same queries serve SQLite today and PostgreSQL later. */
import type { Kysely } from "kysely";
import { DEFAULT_CATALOG } from "../../topics/catalog.ts";
import type { Topic } from "../../topics/types.ts";
import type { Database } from "../db-schema.ts";
import type { SqlDialect } from "../migrations/dialect.ts";
import type { Store } from "../repositories.ts";
import { KyselyArticleRepository } from "./articles.ts";
import { KyselyAdminRepository } from "./admins.ts";
import { KyselyAuditLog } from "./audit.ts";
import { KyselyStatsRepository } from "./stats.ts";
import { KyselyBroadcastRepository } from "./broadcasts.ts";
import { KyselyChatRepository } from "./chats.ts";
import { KyselyLeaseRepository } from "./leases.ts";
import { KyselyOutboxRepository } from "./outbox.ts";
import { KyselyReplyLedger } from "./replies.ts";
import { KyselySourceRepository } from "./sources.ts";
import { KyselyStateRepository } from "./state.ts";
import { KyselySubscriptionRepository } from "./subscriptions.ts";
import { KyselyTopicRepository } from "./topics.ts";
import { KyselyUpdateRepository } from "./updates.ts";
import { oneProcessLocks, type KeyLocks } from "../key-locks.ts";

export interface KyselyStoreOptions {
  now: () => Date;
  /** Which database `db` speaks: where they differ (claiming deliveries), each gets its own form. */
  dialect: SqlDialect;
  /** The locks that keep a chat's updates apart across processes; none needed for SQLite (one process). */
  locks?: KeyLocks;
  /** The topics shipped with newsbrief, merged into the table on first use; the curated catalog unless given. */
  catalog?: readonly Topic[];
}

export function createKyselyStore(db: Kysely<Database>, options: KyselyStoreOptions): Store {
  const locks = options.locks ?? oneProcessLocks;
  return {
    chats: new KyselyChatRepository(db, options.now),
    topics: new KyselyTopicRepository(db, options.now, options.catalog ?? DEFAULT_CATALOG),
    subscriptions: new KyselySubscriptionRepository(db, options.now),
    state: new KyselyStateRepository(db, options.now),
    audit: new KyselyAuditLog(db, options.now),
    sources: new KyselySourceRepository(db, options.now),
    articles: new KyselyArticleRepository(db, options.now),
    leases: new KyselyLeaseRepository(db),
    outbox: new KyselyOutboxRepository(db, options.dialect),
    broadcasts: new KyselyBroadcastRepository(db),
    admins: new KyselyAdminRepository(db, options.now),
    stats: new KyselyStatsRepository(db),
    updates: new KyselyUpdateRepository(db, options.now, locks),
    replies: new KyselyReplyLedger(db, options.dialect === "postgres"),
    close: async () => {
      await db.destroy();
      await locks.close();
    },
  };
}
