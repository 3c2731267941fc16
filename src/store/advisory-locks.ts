/**
 * PostgreSQL advisory locks for several instances on one database: `pg_advisory_lock` on a
 * 64-bit hash of the key, held by a session for as long as the work runs. The server frees a
 * session's locks when its connection ends, so an instance killed mid-update never leaves a
 * chat locked.
 *
 * Why a pool of its own: a lock holder's work reads and writes through the store's pool (the
 * session, the chat record). Were the locks taken on that pool, a burst of one chat's updates
 * on several instances could fill every connection with sessions waiting for the lock while the
 * holder waits for a free connection to read its session: a deadlock nothing breaks. Here a lock
 * connection only ever waits for a lock, and a lock's holder only ever needs the store's pool,
 * which no lock waiter occupies, so every holder can finish. With all lock connections busy,
 * a new chat's update waits for one: slower, never stuck.
 */
import pg from "pg";
import type { Logger } from "../logger.ts";
import type { KeyLocks } from "./key-locks.ts";

/** With the schema in the hash, our locks stay apart from another bot's in another schema, and from other applications' advisory locks. */
const NAMESPACE = "newsbrief:";

export class AdvisoryLocks implements KeyLocks {
  private readonly pool: pg.Pool;

  constructor(url: string, options: { max: number; log: Logger }) {
    this.pool = new pg.Pool({ connectionString: url, max: options.max, application_name: "newsbrief-locks", connectionTimeoutMillis: 10_000 });
    this.pool.on("error", (error) => options.log.warn({ err: error }, "an idle lock connection failed"));
  }

  async exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const name = NAMESPACE + key;
    try {
      await client.query("select pg_advisory_lock(hashtextextended(current_schema() || $1, 0))", [name]);
    } catch (error) {
      client.release(error instanceof Error ? error : true);
      throw error;
    }
    let unlockFailed: Error | undefined;
    try {
      return await work();
    } finally {
      try {
        await client.query("select pg_advisory_unlock(hashtextextended(current_schema() || $1, 0))", [name]);
      } catch (error) {
        // Closing the connection frees the lock on the server all the same.
        unlockFailed = error instanceof Error ? error : new Error(String(error));
      }
      client.release(unlockFailed ?? false);
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
