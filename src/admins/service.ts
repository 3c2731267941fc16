/**
 * Who newsbrief's admins are: the config's ADMIN_IDS (always, whatever the database says) and the
 * admins added from the bot. Kept in memory so that every update can ask synchronously, and read
 * again from the database every few seconds so that a change made by another process shows soon.
 * Every change goes to the audit log.
 */
import type { Store } from "../store/index.ts";

/** How long the list read from the database is trusted. */
const FRESH_MS = 5000;

export interface AdminEntry {
  id: number;
  /** From ADMIN_IDS: cannot be removed from the bot. */
  fromConfig: boolean;
}

export type AdminChange = "added" | "already" | "removed" | "not-admin" | "config-admin";

export class AdminService {
  private stored: number[] = [];
  private readAt = -Infinity;

  constructor(
    private readonly store: Store,
    private readonly configIds: readonly number[],
    private readonly now: () => Date,
  ) {}

  /** Reads the stored admins when the copy in memory is older than a few seconds. */
  async refresh(force = false): Promise<void> {
    const at = this.now().getTime();
    if (!force && at - this.readAt < FRESH_MS && at >= this.readAt) return;
    this.stored = await this.store.admins.list();
    this.readAt = at;
  }

  isAdmin(userId: number | undefined): boolean {
    return userId !== undefined && (this.configIds.includes(userId) || this.stored.includes(userId));
  }

  list(): AdminEntry[] {
    const ids = [...new Set([...this.configIds, ...this.stored])];
    return ids.map((id) => ({ id, fromConfig: this.configIds.includes(id) }));
  }

  async add(userId: number, by: number, chatId: number | null): Promise<AdminChange> {
    if (this.configIds.includes(userId)) return "already";
    const added = await this.store.admins.add(userId, by);
    await this.store.audit.record({ actorId: by, chatId, action: "admin.add", details: { userId, changed: added } });
    await this.refresh(true);
    return added ? "added" : "already";
  }

  async remove(userId: number, by: number, chatId: number | null): Promise<AdminChange> {
    if (this.configIds.includes(userId)) return "config-admin";
    const removed = await this.store.admins.remove(userId);
    await this.store.audit.record({ actorId: by, chatId, action: "admin.remove", details: { userId, changed: removed } });
    await this.refresh(true);
    return removed ? "removed" : "not-admin";
  }
}
