/**
 * The load one database puts on its PostgreSQL server while a benchmark runs: the counters of
 * pg_stat_database, the most connections at once (pg_stat_activity), and the CPU time of its
 * backends (and of the whole server) from /proc when the server runs on this machine.
 *
 * The watcher is connected to another database of the server (the maintenance one the bench is
 * given), so its own queries never show in the counters it reads. PostgreSQL flushes a backend's
 * counters when it goes idle, at most once a second: read them a second or so after the work.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import pg from "pg";

export interface Counters {
  transactions: number;
  rollbacks: number;
  /** Rows read by scans (tup_returned) and fetched by index (tup_fetched). */
  returned: number;
  fetched: number;
  inserted: number;
  updated: number;
  deleted: number;
}

export interface LoadMark {
  counters: Counters;
  /** CPU ticks of the database's backends (by pid) and of the whole server; null where /proc cannot tell. */
  backendTicks: Map<number, number>;
  serverTicks: number | null;
}

export interface Load {
  counters: Counters;
  /** Most connections to the database at once since the mark. */
  peakConnections: number;
  /** CPU seconds of the database's backends, and of all the server's processes (other clients included). */
  backendCpuSeconds: number | null;
  serverCpuSeconds: number | null;
}

/** utime + stime (and the reaped children's, with `children`) of a process, in ticks; null if unreadable. */
function ticksOf(pid: number, children = false): { ticks: number; ppid: number; comm: string } | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // The command name sits in parentheses and may hold spaces: the fields start after the last ")".
  const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ").map(Number);
  const [ppid = 0, utime = 0, stime = 0, cutime = 0, cstime = 0] = [fields[1], fields[11], fields[12], fields[13], fields[14]];
  return { ticks: utime + stime + (children ? cutime + cstime : 0), ppid, comm };
}

function clockTicksPerSecond(): number {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
}

export class DatabaseLoadWatcher {
  private readonly backendTicks = new Map<number, number>();
  private peak = 0;
  private timer: NodeJS.Timeout | undefined;
  private sampling: Promise<void> | undefined;
  private readonly tick = clockTicksPerSecond();

  private constructor(
    private readonly client: pg.Client,
    private readonly database: string,
    /** The postmaster, when the server runs here and /proc shows it; its children are the backends. */
    private readonly postmaster: number | null,
  ) {}

  /** Connects to `serverUrl` (another database of the server) to watch `database`. */
  static async start(serverUrl: string, database: string, sampleMs = 100): Promise<DatabaseLoadWatcher> {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    const { rows } = await client.query<{ pid: number }>("select pg_backend_pid() as pid");
    const own = ticksOf(rows[0]?.pid ?? 0);
    const postmaster = own && own.comm.startsWith("postgres") ? own.ppid : null;
    const watcher = new DatabaseLoadWatcher(client, database, postmaster);
    watcher.timer = setInterval(() => void watcher.sample(), sampleMs);
    return watcher;
  }

  /**
   * Notes the database's connections and its backends' CPU so far. A backend that ends between
   * two samples takes its last fraction of a sample interval with it.
   */
  sample(): Promise<void> {
    this.sampling ??= (async () => {
      try {
        const { rows } = await this.client.query<{ pid: number }>("select pid from pg_stat_activity where datname = $1", [this.database]);
        this.peak = Math.max(this.peak, rows.length);
        if (this.postmaster === null) return;
        for (const { pid } of rows) {
          const seen = ticksOf(pid);
          if (seen) this.backendTicks.set(pid, seen.ticks);
        }
      } finally {
        this.sampling = undefined;
      }
    })();
    return this.sampling;
  }

  /**
   * Resolves once no backend serves the database. A backend flushes its counters before it
   * leaves pg_stat_activity, so they are all in pg_stat_database then.
   */
  async disconnected(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await this.client.query<{ n: string }>("select count(*) as n from pg_stat_activity where datname = $1", [this.database]);
      if (Number(rows[0]?.n) === 0) return;
      if (Date.now() > deadline) throw new Error(`bench: ${rows[0]?.n} connections to ${this.database} still open`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async mark(): Promise<LoadMark> {
    await this.sample();
    this.peak = 0;
    return { counters: await this.counters(), backendTicks: new Map(this.backendTicks), serverTicks: this.serverTicks() };
  }

  /** What happened since `since`. */
  async since(since: LoadMark): Promise<Load> {
    await this.sample();
    const now = await this.counters();
    const delta = Object.fromEntries(Object.entries(now).map(([key, value]) => [key, value - since.counters[key as keyof Counters]])) as unknown as Counters;
    let backend = 0;
    for (const [pid, ticks] of this.backendTicks) backend += ticks - (since.backendTicks.get(pid) ?? 0);
    const server = this.serverTicks();
    return {
      counters: delta,
      peakConnections: this.peak,
      backendCpuSeconds: this.postmaster === null ? null : backend / this.tick,
      serverCpuSeconds: server === null || since.serverTicks === null ? null : (server - since.serverTicks) / this.tick,
    };
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sampling;
    await this.client.end();
  }

  private async counters(): Promise<Counters> {
    // Statistics are cached per transaction: outside one each query sees the newest, but be sure.
    await this.client.query("select pg_stat_clear_snapshot()");
    const { rows } = await this.client.query<Record<string, string>>(
      `select xact_commit, xact_rollback, tup_returned, tup_fetched, tup_inserted, tup_updated, tup_deleted
         from pg_stat_database where datname = $1`,
      [this.database],
    );
    const row = rows[0];
    if (!row) throw new Error(`bench: pg_stat_database has no row for ${this.database}`);
    return {
      transactions: Number(row["xact_commit"]),
      rollbacks: Number(row["xact_rollback"]),
      returned: Number(row["tup_returned"]),
      fetched: Number(row["tup_fetched"]),
      inserted: Number(row["tup_inserted"]),
      updated: Number(row["tup_updated"]),
      deleted: Number(row["tup_deleted"]),
    };
  }

  /**
   * The whole server's CPU: the postmaster's own and that of the children it has reaped, plus
   * every child alive now. Other clients of the server (other databases) count too.
   */
  private serverTicks(): number | null {
    if (this.postmaster === null) return null;
    const main = ticksOf(this.postmaster, true);
    if (!main) return null;
    let total = main.ticks;
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const child = ticksOf(Number(entry));
      if (child?.ppid === this.postmaster) total += child.ticks;
    }
    return total;
  }
}
