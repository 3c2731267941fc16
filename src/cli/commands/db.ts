/**
 * `newsbrief db migrate|copy`: the database itself. `migrate` brings the configured database
 * (DATABASE_URL, else DATABASE_PATH) to the newest schema; `copy` moves a newsroom from its
 * SQLite file to PostgreSQL and shows each table's count in both.
 */
import { existsSync } from "node:fs";
import type { Command } from "commander";
import type { Kysely } from "kysely";
import { ConfigError, parseNewsroomConfig, readEnvironment, type NewsroomConfig } from "../../config/index.ts";
import { createLogger, type Logger } from "../../logger.ts";
import { copySqliteToPostgres, type TableCopy } from "../../store/copy.ts";
import type { Database } from "../../store/db-schema.ts";
import { StoreError } from "../../store/errors.ts";
import { applyMigrations } from "../../store/migrate.ts";
import { openPostgresDatabase } from "../../store/open-postgres.ts";
import { openSqliteDatabase } from "../../store/open-sqlite.ts";
import { isPostgresUrl, redactUrl } from "../../store/postgres-url.ts";
import { CliError } from "../errors.ts";

interface CopyFlags {
  from: string;
  to: string;
  force?: boolean;
  batchSize: string;
}

export function registerDbCommand(program: Command): void {
  const db = program.command("db").description("the database: migrate it, or move a newsroom from SQLite to PostgreSQL");

  db.command("migrate")
    .description("apply pending migrations to the configured database (DATABASE_URL, else DATABASE_PATH)")
    .action(async () => {
      const config = newsroomConfig();
      const logger = cliLogger(config);
      const where = config.databaseUrl ? redactUrl(config.databaseUrl) : config.databasePath;
      const database = await storeStep(() =>
        config.databaseUrl
          ? openPostgresDatabase(config.databaseUrl, { log: logger, where: `DATABASE_URL ${where}` })
          : Promise.resolve(openSqliteDatabase(config.databasePath)),
      );
      try {
        const dialect = config.databaseUrl ? "postgres" : "sqlite";
        const label = config.databaseUrl ? `DATABASE_URL ${where}` : `DATABASE_PATH ${where}`;
        const report = await storeStep(() => applyMigrations(database, dialect, label, logger));
        for (const name of report.applied) process.stdout.write(`applied ${name}\n`);
        process.stdout.write(
          report.applied.length > 0 ? `${where} is now at ${report.current}\n` : `nothing to apply: ${where} is already at ${report.current}\n`,
        );
      } finally {
        await database.destroy();
      }
    });

  db.command("copy")
    .description("copy a newsroom from its SQLite file into an empty PostgreSQL database, and check the counts")
    .requiredOption("--from <file>", "the SQLite database (DATABASE_PATH); the bot may keep running on it")
    .requiredOption("--to <url>", "the PostgreSQL database, postgres://user:password@host:5432/database")
    .option("--force", "empty a target that already holds rows instead of refusing it")
    .option("--batch-size <rows>", "rows per INSERT", "500")
    .action(async (flags: CopyFlags) => {
      if (!isPostgresUrl(flags.to)) throw new CliError(`--to expects a PostgreSQL URL like postgres://user:password@host:5432/database, not "${flags.to}"`);
      if (!existsSync(flags.from)) throw new CliError(`--from ${flags.from}: no such file`);
      const batchSize = Number(flags.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new CliError(`--batch-size expects a whole number of rows from 1 to 10000, not "${flags.batchSize}"`);
      const logger = cliLogger(newsroomConfig());
      const to = redactUrl(flags.to);

      const source = await storeStep(async () => openSqliteDatabase(flags.from, "--from"));
      let target: Kysely<Database> | undefined;
      try {
        target = await storeStep(() => openPostgresDatabase(flags.to, { log: logger, where: `--to ${to}` }));
        const opened = target;
        await storeStep(() => applyMigrations(opened, "postgres", `--to ${to}`, logger));
        process.stdout.write(`copying ${flags.from} → ${to}\n`);
        const copies = await storeStep(() => copySqliteToPostgres(source, opened, { batchSize, force: flags.force === true, log: logger }));
        process.stdout.write(countTable(copies));
      } finally {
        await target?.destroy();
        await source.destroy();
      }
    });
}

/** The per-table counts, aligned, and one closing line. */
function countTable(copies: readonly TableCopy[]): string {
  const width = Math.max("table".length, ...copies.map((copy) => copy.table.length));
  const number = Math.max("source".length, ...copies.map((copy) => String(copy.source).length));
  const line = (a: string, b: string, c: string) => `${a.padEnd(width)}  ${b.padStart(number)}  ${c.padStart(number)}\n`;
  const total = copies.reduce((sum, copy) => sum + copy.target, 0);
  return (
    line("table", "source", "copied") +
    copies.map((copy) => line(copy.table, String(copy.source), String(copy.target))).join("") +
    `${copies.length} tables, ${total} rows copied; every count matches the source\n`
  );
}

function newsroomConfig(): NewsroomConfig {
  try {
    return parseNewsroomConfig(readEnvironment(process.env));
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(`${error.message} (see .env.example)`);
    throw error;
  }
}

/** Quiet unless asked, as the other commands: stdout is the command's own output. */
function cliLogger(config: NewsroomConfig): Logger {
  return createLogger({ level: process.env.LOG_LEVEL ? config.logLevel : "warn", pretty: false, destination: process.stderr });
}

/** A StoreError is the operator's to fix: one line, no stack trace. */
async function storeStep<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof StoreError) throw new CliError(error.message);
    throw error;
  }
}
