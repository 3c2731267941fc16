/**
 * A chat changed how it takes its briefs (instant or digest, digest time, time zone, quiet
 * hours, breaking through quiet hours): the briefs already planned for it and not yet sent move
 * to the times the new settings call for, as if they had been planned under them. Admins'
 * broadcasts keep theirs (an admin chose when they go).
 */
import type { ChatSettings, Store } from "../store/index.ts";
import { deliveryTime } from "./schedule.ts";

/** Moves the chat's waiting briefs; returns how many got another time or kind. */
export async function retimeChat(store: Store, chatId: number, settings: ChatSettings, now: Date): Promise<number> {
  const waiting = await store.outbox.waiting(chatId);
  const moves = [];
  for (const row of waiting) {
    if (row.kind === "broadcast") continue;
    const time = deliveryTime(settings, { breaking: row.priority > 0 }, now);
    // A row Telegram asked to wait (a 429) or that failed for a moment keeps that wait.
    const notBefore = row.attempts > 0 && row.notBefore > time.notBefore ? row.notBefore : time.notBefore;
    if (time.kind !== row.kind || notBefore.getTime() !== row.notBefore.getTime()) moves.push({ id: row.id, kind: time.kind, notBefore });
  }
  return store.outbox.retime(moves);
}
