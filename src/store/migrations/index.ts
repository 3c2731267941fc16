/**
 * Versioned schema migrations, applied in name order at start-up. Never edit a migration
 * that has shipped: add the next one.
 */
import type { Migration, MigrationProvider } from "kysely";
import * as core from "./0001-core.ts";
import * as news from "./0002-news.ts";
import * as ingest from "./0003-ingest.ts";
import * as delivery from "./0006-delivery.ts";

export const migrations: Record<string, Migration> = {
  "0001-core": core,
  "0002-news": news,
  "0003-ingest": ingest,
  "0006-delivery": delivery,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
