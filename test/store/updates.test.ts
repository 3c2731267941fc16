/**
 * The store's side of several instances taking updates: which updates were handled, and on
 * PostgreSQL the per-chat lock that keeps processes from interleaving a chat's updates.
 */
import { sql, type Kysely } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/store/db-schema.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { forEachDatabase } from "./databases.ts";
import { silentLogger } from "./helpers.ts";

forEachDatabase((database, dialect) => {
  const stores: Store[] = [];
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
  });
  const t0 = new Date("2026-11-29T12:00:00Z");
  let clock = t0;
  const open = async (poolMax?: number) => {
    const settings = poolMax === undefined ? database().settings : { ...database().settings, databasePoolMax: poolMax };
    const store = await openStore(settings, { logger: silentLogger, now: () => clock });
    stores.push(store);
    return store;
  };

  describe("handled updates", () => {
    it("are remembered once, seen by every process, and forgotten after a day", async () => {
      clock = t0;
      const a = await open();
      const b = await open();
      expect(await a.updates.isHandled(1001)).toBe(false);
      await a.updates.markHandled(1001);
      await b.updates.markHandled(1001);
      expect(await b.updates.isHandled(1001)).toBe(true);
      expect(await a.updates.isHandled(1002)).toBe(false);

      // Pruning runs at most hourly, and takes only records older than a day.
      clock = new Date(clock.getTime() + 23 * 3600_000);
      await a.updates.markHandled(1002);
      clock = new Date(clock.getTime() + 2 * 3600_000);
      await a.updates.markHandled(1003);
      expect(await b.updates.isHandled(1001)).toBe(false);
      expect(await b.updates.isHandled(1002)).toBe(true);
      expect(await b.updates.isHandled(1003)).toBe(true);
    });
  });

  if (dialect !== "postgres") return;

  describe("the chat lock (PostgreSQL)", () => {
    it("makes a second process wait for the chat while the first holds it, but not another chat", async () => {
      const a = await open();
      const b = await open();
      const db = await database().kysely();
      const events: string[] = [];
      let waiting: Promise<void> | undefined;
      await a.updates.exclusive("chat:7", async () => {
        events.push("a starts");
        waiting = b.updates.exclusive("chat:7", async () => {
          events.push("b runs");
        });
        // The other chat is free meanwhile.
        await b.updates.exclusive("chat:8", async () => {
          events.push("b on another chat");
        });
        // Wait until b's request for the lock is queued on the server, then let a finish.
        await expect.poll(() => advisoryWaiters(db), { timeout: 10_000 }).toBe(1);
        events.push("a ends");
      });
      await waiting;
      await db.destroy();
      expect(events).toEqual(["a starts", "b on another chat", "a ends", "b runs"]);
    });

    it("keeps read-modify-write on a chat's state whole across processes, with pools too small to spare a connection", async () => {
      // Two pooled connections each: were the locks taken on the store's pool, lock waiters would
      // hold every connection and the holder could never read its state.
      const processes = [await open(2), await open(2)];
      const increment = (store: Store) =>
        store.updates.exclusive("chat:42", async () => {
          const value = (await store.state.read("test", "counter")) as number | undefined;
          await store.state.write("test", "counter", (value ?? 0) + 1);
        });
      await Promise.all(processes.flatMap((store) => Array.from({ length: 20 }, () => increment(store))));
      expect(await processes[0]!.state.read("test", "counter")).toBe(40);
    });
  });
});

/** Sessions of this test file's database waiting for an advisory lock right now. */
async function advisoryWaiters(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())`.execute(db);
  return rows[0]?.n ?? 0;
}
