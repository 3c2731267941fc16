/**
 * What a migration needs to say the same schema to SQLite and to PostgreSQL. The SQLite
 * spelling is the one the shipped migrations always produced, so an existing SQLite database
 * keeps exactly the schema it has (test/store/open-sqlite.test.ts compares it with a dump).
 */
import { sql, type ColumnDefinitionBuilder, type Expression, type Kysely } from "kysely";

export type SqlDialect = "sqlite" | "postgres";

/** A migration written for both dialects: Kysely passes the database, our provider adds which one it is. */
export interface DualMigration {
  up(db: Kysely<unknown>, dialect: SqlDialect): Promise<void>;
  down?(db: Kysely<unknown>, dialect: SqlDialect): Promise<void>;
}

export interface ColumnTypes {
  /**
   * Row ids and Telegram ids (chat ids such as -1001234567890 exceed 2^31): `integer` in SQLite
   * (always 64-bit there), `bigint` in PostgreSQL. Foreign keys to an id use it too.
   */
  readonly bigint: "integer" | "bigint";
  /** An 8-byte float: SQLite's `real`; PostgreSQL's `real` is only 4 bytes. */
  readonly double: "real" | "double precision";
  /** Modifiers of an auto-numbered primary key: use as `.addColumn("id", t.bigint, t.autoId)`. */
  readonly autoId: (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
  /**
   * The current time as text, for a column default. SQLite's CURRENT_TIMESTAMP ("2026-01-02 03:04:05")
   * is kept for the shipped schema; PostgreSQL writes the ISO-8601 form the code itself stores.
   */
  readonly nowText: Expression<string>;
}

export function columnTypes(dialect: SqlDialect): ColumnTypes {
  if (dialect === "sqlite") {
    return {
      bigint: "integer",
      double: "real",
      // `integer primary key` makes the id the rowid; autoincrement never reuses a deleted row's id.
      autoId: (column) => column.primaryKey().autoIncrement(),
      nowText: sql<string>`CURRENT_TIMESTAMP`,
    };
  }
  return {
    bigint: "bigint",
    double: "double precision",
    // "by default" (not "always") lets `newsbrief db copy` write the ids it copies; it then moves the sequence past them.
    autoId: (column) => column.primaryKey().generatedByDefaultAsIdentity(),
    nowText: sql<string>`(to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`,
  };
}
