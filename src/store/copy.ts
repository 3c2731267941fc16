/**
 * Copies a newsroom from its SQLite file into PostgreSQL (`newsbrief db copy`): every table but
 * the transient reply counts, parents before children, in batches, inside one PostgreSQL
 * transaction, so the target ends up with all of it or none of it. The source is read in one
 * read transaction: a bot still running on it keeps writing, and the copy is the snapshot of
 * the moment it began.
 */
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Logger } from "../logger.ts";
import type { Database } from "./db-schema.ts";
import { describeError, StoreError } from "./errors.ts";
import { migrationsFor } from "./migrations/index.ts";

export interface CopyOptions {
  /** Rows per INSERT (fewer when a table is wide: PostgreSQL takes at most 65,535 parameters a statement). */
  batchSize: number;
  /** Empties a target that already holds rows instead of refusing it. */
  force: boolean;
  log: Logger;
}

export interface TableCopy {
  table: string;
  /** Rows in the source snapshot. */
  source: number;
  /** Rows in the target once copied, counted before the commit. */
  target: number;
}

type Row = Record<string, unknown>;
const MAX_PARAMETERS = 65_535;
/** Kysely's own bookkeeping: each database keeps its own. */
const OWN_TABLES = /^(sqlite_|kysely_)/;
/** Counts that matter for a second (replies by instance, see ReplyLedger): nothing a copy should carry. */
const TRANSIENT_TABLES = new Set(["reply_counts"]);

/**
 * Copies `source` (SQLite, at the newest migration) into `target` (PostgreSQL, migrated),
 * resets the target's id sequences past the copied ids, and checks every table's count.
 * Throws a StoreError, with the target left as it was, when anything does not match.
 */
export async function copySqliteToPostgres(source: Kysely<Database>, target: Kysely<Database>, options: CopyOptions): Promise<TableCopy[]> {
  return source.transaction().execute(async (src) => {
    await assertSameMigrations(src, target);
    const tables = await tablesInDependencyOrder(src);
    const sequences = await sqliteSequences(src);
    return target.transaction().execute(async (dst) => {
      await makeRoom(dst, tables, options.force);
      const copies: TableCopy[] = [];
      for (const table of tables) {
        const columns = await sourceColumns(src, table);
        await assertTargetHas(dst, table, columns);
        const expected = await count(src, table);
        await copyTable(src, dst, table, columns, options.batchSize);
        const copied = await count(dst, table);
        options.log.info({ table, rows: copied }, "table copied");
        copies.push({ table, source: expected, target: copied });
      }
      await resetIdentities(dst, sequences);
      const wrong = copies.filter((copy) => copy.source !== copy.target);
      if (wrong.length > 0) {
        throw new StoreError(
          `the counts differ after copying (${wrong.map((w) => `${w.table}: ${w.source} in the source, ${w.target} copied`).join("; ")}); nothing was written`,
        );
      }
      return copies;
    });
  });
}

/** The source must be the schema this version writes: an older file is migrated first, a newer one needs a newer newsbrief. */
async function assertSameMigrations(src: Kysely<Database>, dst: Kysely<Database>): Promise<void> {
  const known = Object.keys(migrationsFor("sqlite"));
  const names = async (db: Kysely<Database>, what: string): Promise<string[]> => {
    try {
      const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
      return rows.map((row) => row.name);
    } catch (error) {
      throw new StoreError(`the ${what} is not a newsbrief database (${describeError(error)})`, { cause: error });
    }
  };
  const source = await names(src, "source");
  const unknown = source.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new StoreError(`the source was written by a newer version of newsbrief (migrations ${unknown.join(", ")}); upgrade newsbrief first`);
  const missing = known.filter((name) => !source.includes(name));
  if (missing.length > 0) {
    throw new StoreError(`the source lacks migrations ${missing.join(", ")}: stop the bot, run \`DATABASE_PATH=<file> newsbrief db migrate\`, then copy`);
  }
  const target = await names(dst, "target");
  if (target.join() !== source.join()) throw new StoreError(`the target's migrations (${target.join(", ")}) differ from the source's (${source.join(", ")})`);
}

/** Every table, each after the tables its foreign keys point to. */
async function tablesInDependencyOrder(src: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(src);
  const tables = rows.map((row) => row.name).filter((name) => !OWN_TABLES.test(name) && !TRANSIENT_TABLES.has(name));
  const parents = new Map<string, Set<string>>();
  for (const table of tables) {
    const { rows: keys } = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${table})`.execute(src);
    parents.set(table, new Set(keys.map((key) => key.table).filter((parent) => parent !== table)));
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((table) => !placed.has(table) && [...(parents.get(table) ?? [])].every((parent) => placed.has(parent) || !tables.includes(parent)));
    if (ready.length === 0) throw new StoreError(`the tables' foreign keys form a cycle (${tables.filter((t) => !placed.has(t)).join(", ")})`);
    for (const table of ready) {
      ordered.push(table);
      placed.add(table);
    }
  }
  return ordered;
}

/** AUTOINCREMENT's high-water marks: ids of deleted rows are never handed out again, in PostgreSQL either. */
async function sqliteSequences(src: Kysely<Database>): Promise<Map<string, number>> {
  try {
    const { rows } = await sql<{ name: string; seq: number }>`select name, seq from sqlite_sequence`.execute(src);
    return new Map(rows.map((row) => [row.name, Number(row.seq)]));
  } catch {
    return new Map(); // No AUTOINCREMENT table has been written yet.
  }
}

async function sourceColumns(src: Kysely<Database>, table: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from pragma_table_info(${table}) order by cid`.execute(src);
  return rows.map((row) => row.name);
}

async function assertTargetHas(dst: Kysely<Database>, table: string, columns: readonly string[]): Promise<void> {
  const { rows } = await sql<{ name: string }>`
    select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table}`.execute(dst);
  const present = new Set(rows.map((row) => row.name));
  const missing = columns.filter((column) => !present.has(column));
  if (missing.length > 0) throw new StoreError(`the target's table ${table} lacks ${missing.join(", ")}`);
}

async function count(db: Kysely<Database>, table: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** A target with rows is refused, or emptied with --force (in the same transaction: a failed copy keeps them). */
async function makeRoom(dst: Kysely<Database>, tables: readonly string[], force: boolean): Promise<void> {
  const held: string[] = [];
  for (const table of tables) {
    const rows = await count(dst, table);
    if (rows > 0) held.push(`${table}: ${rows}`);
  }
  if (held.length === 0) return;
  if (!force) throw new StoreError(`the target already holds rows (${held.join(", ")}); pass --force to replace them`);
  await sql`truncate ${sql.join(tables.map((table) => sql.table(table)))} restart identity cascade`.execute(dst);
}

/** Pages through the source by rowid (every table has one), so memory holds one batch at a time. */
async function copyTable(src: Kysely<Database>, dst: Kysely<Database>, table: string, columns: readonly string[], batchSize: number): Promise<void> {
  const perStatement = Math.max(1, Math.min(batchSize, Math.floor(MAX_PARAMETERS / columns.length)));
  const list = sql.join(columns.map((column) => sql.ref(column)));
  // Chat ids are the rowid of `chats`, and most are negative: the first page has no lower bound.
  let after: number | null = null;
  for (;;) {
    const from: RawBuilder<unknown> = after === null ? sql`` : sql`where rowid > ${after}`;
    const { rows }: { rows: (Row & { __rowid: number })[] } = await sql<Row & { __rowid: number }>`
      select rowid as __rowid, ${list} from ${sql.table(table)} ${from} order by rowid limit ${perStatement}`.execute(src);
    if (rows.length === 0) return;
    const values: RawBuilder<unknown>[] = rows.map((row) => sql`(${sql.join(columns.map((column) => row[column] ?? null))})`);
    try {
      await sql`insert into ${sql.table(table)} (${list}) values ${sql.join(values)}`.execute(dst);
    } catch (error) {
      throw new StoreError(`copying ${table} (rows after rowid ${after ?? "-"}) failed: ${describeError(error)}; nothing was written`, { cause: error });
    }
    after = rows.at(-1)?.__rowid ?? after;
  }
}

/** Moves each identity sequence past the highest id copied (and past SQLite's high-water mark). */
async function resetIdentities(dst: Kysely<Database>, sqliteSeq: ReadonlyMap<string, number>): Promise<void> {
  const { rows } = await sql<{ table: string; column: string }>`
    select table_name as "table", column_name as "column" from information_schema.columns
     where table_schema = current_schema() and is_identity = 'YES'`.execute(dst);
  for (const { table, column } of rows) {
    const floor = sqliteSeq.get(table) ?? 0;
    await sql`
      select setval(pg_get_serial_sequence(${`"${table}"`}, ${column}),
                    greatest(coalesce(max(${sql.ref(column)}), 0), ${floor}) + 1, false)
        from ${sql.table(table)}`.execute(dst);
  }
}
