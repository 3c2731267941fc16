/**
 * What /healthz answers: whether the database answers, whether this process holds the sender
 * lease (another instance may: "standby" is healthy), and when a source was last read.
 */
import type { Store } from "../store/index.ts";

export interface Health {
  ok: boolean;
  database: "ok" | "unreachable";
  /** Why the database check failed, when it did. */
  error?: string;
  sender: "active" | "standby";
  /** ISO time of the newest successful poll of any source; null before the first. */
  lastSuccessfulPoll: string | null;
}

export async function checkHealth(store: Store, senderActive: () => boolean): Promise<Health> {
  const sender = senderActive() ? "active" : "standby";
  try {
    const sources = await store.sources.list();
    const times = sources.flatMap((source) => (source.lastSuccessAt ? [source.lastSuccessAt] : []));
    const newest = times.length > 0 ? new Date(Math.max(...times.map((time) => Date.parse(time)))).toISOString() : null;
    return { ok: true, database: "ok", sender, lastSuccessfulPoll: newest };
  } catch (error) {
    return { ok: false, database: "unreachable", error: error instanceof Error ? error.message : String(error), sender, lastSuccessfulPoll: null };
  }
}
