export type { Store, ChatRepository, StateRepository, AuditLog, StoredFingerprint, SubscriptionRepository, OutboxRepository, ArticleRepository, BroadcastRepository, AdminRepository, UpdateRepository, ReplyLedger } from "./repositories.ts";
export * from "./types.ts";
export { StoreError } from "./errors.ts";
export { openSqliteStore } from "./open-sqlite.ts";
export { openPostgresStore } from "./open-postgres.ts";
export { openStore, type DatabaseSettings } from "./open-store.ts";
