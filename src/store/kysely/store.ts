/** The Store over Kysely: the same queries serve SQLite today and PostgreSQL later. */
import type { Kysely } from "kysely";
import type { Database } from "../db-schema.ts";
import type { Store } from "../repositories.ts";
import { KyselyAuditLog } from "./audit.ts";
import { KyselyChatRepository } from "./chats.ts";
import { KyselyStateRepository } from "./state.ts";

export function createKyselyStore(db: Kysely<Database>, options: { now: () => Date }): Store {
  return {
    chats: new KyselyChatRepository(db, options.now),
    state: new KyselyStateRepository(db, options.now),
    audit: new KyselyAuditLog(db, options.now),
    close: () => db.destroy(),
  };
}
