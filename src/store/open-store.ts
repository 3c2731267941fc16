/** The one way the app and the CLI open the newsroom's database: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
import type { Logger } from "../logger.ts";
import { openPostgresStore } from "./open-postgres.ts";
import { openSqliteStore } from "./open-sqlite.ts";
import type { Store } from "./repositories.ts";

/** The database settings of the config (see src/config). */
export interface DatabaseSettings {
  /** postgres://…; wins over `databasePath` when set. */
  databaseUrl: string | null;
  databasePath: string;
  databasePoolMax: number;
}

export async function openStore(settings: DatabaseSettings, options: { logger: Logger; now?: () => Date }): Promise<Store> {
  const now = options.now ? { now: options.now } : {};
  if (settings.databaseUrl) {
    return openPostgresStore({ url: settings.databaseUrl, logger: options.logger, poolMax: settings.databasePoolMax, ...now });
  }
  return openSqliteStore({ path: settings.databasePath, logger: options.logger, ...now });
}
