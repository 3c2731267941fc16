export type { Store, ChatRepository, StateRepository, AuditLog, SubscriptionRepository, OutboxRepository, ArticleRepository } from "./repositories.ts";
export * from "./types.ts";
export { openSqliteStore, StoreError } from "./open-sqlite.ts";
