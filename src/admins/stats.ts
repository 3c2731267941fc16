/**
 * The newsroom's figures for admins' /stats: chats (active, blocked, by kind), followers per
 * topic, stories stored today, deliveries sent and failed today, the queue, failing sources.
 * "Today" is since midnight UTC, the day the database's times are written in.
 */
import type { Store } from "../store/index.ts";

export interface NewsroomStats {
  chats: { active: number; blocked: number; left: number; byType: Record<string, number> };
  topics: Array<{ slug: string; count: number }>;
  storiesToday: number;
  deliveriesToday: { sent: number; failed: number; blocked: number };
  queue: number;
  failingSources: Array<{ id: number; name: string; failures: number; since: string | null; lastError: string | null }>;
}

export async function collectStats(store: Store, now: Date): Promise<NewsroomStats> {
  const midnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [chatRows, topics, storiesToday, deliveries, queue, sources] = await Promise.all([
    store.stats.chats(),
    store.stats.subscribersPerTopic(),
    store.stats.articlesSince(midnight),
    store.outbox.figures({ since: midnight }),
    store.outbox.unsent(),
    store.sources.list(),
  ]);
  const chats = { active: 0, blocked: 0, left: 0, byType: {} as Record<string, number> };
  for (const row of chatRows) {
    if (row.status === "active") {
      chats.active += row.count;
      chats.byType[row.type] = (chats.byType[row.type] ?? 0) + row.count;
    } else if (row.status === "blocked") chats.blocked += row.count;
    else if (row.status === "left") chats.left += row.count;
  }
  return {
    chats,
    topics,
    storiesToday,
    deliveriesToday: { sent: deliveries.sent, failed: deliveries.failed, blocked: deliveries.blocked },
    queue,
    failingSources: sources
      .filter((s) => s.enabled && s.failures > 0)
      .sort((a, b) => b.failures - a.failures)
      .map((s) => ({ id: s.id, name: s.name, failures: s.failures, since: s.failingSince, lastError: s.lastError })),
  };
}
