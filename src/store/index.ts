export type { Store, ChatRepository, StateRepository, AuditLog, StoredFingerprint } from "./repositories.ts";
export * from "./types.ts";
export { openSqliteStore, StoreError } from "./open-sqlite.ts";
