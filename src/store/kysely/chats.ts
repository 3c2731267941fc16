import type { Kysely, Selectable } from "kysely";
import { isSupportedLocale, type Locale } from "../../i18n/locales.ts";
import type { ChatsTable, Database } from "../db-schema.ts";
import type { ChatRepository } from "../repositories.ts";
import { DEFAULT_CHAT_SETTINGS, type ChatRecord, type ChatSettings, type ChatStatus, type ChatType, type SeenChat } from "../types.ts";

export class KyselyChatRepository implements ChatRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  async get(id: number): Promise<ChatRecord | undefined> {
    const row = await this.db.selectFrom("chats").selectAll().where("id", "=", id).executeTakeFirst();
    return row && toRecord(row);
  }

  async getMany(ids: readonly number[]): Promise<Map<number, ChatRecord>> {
    const chats = new Map<number, ChatRecord>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 900) {
      const rows = await this.db.selectFrom("chats").selectAll().where("id", "in", unique.slice(i, i + 900)).execute();
      for (const row of rows) chats.set(row.id, toRecord(row));
    }
    return chats;
  }

  async touch(chat: SeenChat, localeHint?: Locale): Promise<ChatRecord> {
    const at = this.now().toISOString();
    const row = await this.db
      .insertInto("chats")
      .values({
        id: chat.id,
        type: chat.type,
        title: chat.title ?? null,
        username: chat.username ?? null,
        locale: localeHint ?? null,
        settings: JSON.stringify(DEFAULT_CHAT_SETTINGS),
        status: "active",
        migrated_to: null,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc.column("id").doUpdateSet((eb) => ({
          type: eb.ref("excluded.type"),
          title: eb.ref("excluded.title"),
          username: eb.ref("excluded.username"),
          // A chat that writes to the bot has unblocked it; a migrated group stays migrated.
          status: eb.case().when("chats.status", "=", "migrated").then("migrated").else("active").end(),
          updated_at: at,
        })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRecord(row);
  }

  async setLocale(id: number, locale: Locale): Promise<void> {
    await this.db.updateTable("chats").set({ locale, updated_at: this.now().toISOString() }).where("id", "=", id).execute();
  }

  async updateSettings(id: number, patch: Partial<ChatSettings>): Promise<ChatRecord> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom("chats").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      const settings = { ...parseSettings(row.settings), ...patch };
      const updated = await trx
        .updateTable("chats")
        .set({ settings: JSON.stringify(settings), updated_at: this.now().toISOString() })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRecord(updated);
    });
  }

  async setStatus(id: number, status: ChatStatus): Promise<void> {
    await this.db.updateTable("chats").set({ status, updated_at: this.now().toISOString() }).where("id", "=", id).execute();
  }

  async migrate(fromId: number, toId: number): Promise<void> {
    const at = this.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const old = await trx.selectFrom("chats").selectAll().where("id", "=", fromId).executeTakeFirst();
      if (!old) return;
      await trx
        .insertInto("chats")
        .values({ ...old, id: toId, type: "supergroup", status: "active", migrated_to: null, created_at: at, updated_at: at })
        .onConflict((oc) =>
          oc.column("id").doUpdateSet({ locale: old.locale, settings: old.settings, status: "active", updated_at: at }),
        )
        .execute();
      // Subscriptions the new chat already has win; the rest move over.
      const existing = await trx.selectFrom("subscriptions").select(["thread_id", "kind", "target"]).where("chat_id", "=", toId).execute();
      const taken = new Set(existing.map((s) => `${s.thread_id}\u0000${s.kind}\u0000${s.target}`));
      const moving = await trx.selectFrom("subscriptions").selectAll().where("chat_id", "=", fromId).execute();
      for (const sub of moving) {
        if (taken.has(`${sub.thread_id}\u0000${sub.kind}\u0000${sub.target}`)) continue;
        await trx.updateTable("subscriptions").set({ chat_id: toId }).where("id", "=", sub.id).execute();
      }
      await trx.deleteFrom("subscriptions").where("chat_id", "=", fromId).execute();
      await trx.updateTable("chats").set({ status: "migrated", migrated_to: toId, updated_at: at }).where("id", "=", fromId).execute();
    });
  }
}

function toRecord(row: Selectable<ChatsTable>): ChatRecord {
  return {
    id: row.id,
    type: row.type as ChatType,
    title: row.title,
    username: row.username,
    locale: isSupportedLocale(row.locale) ? row.locale : null,
    settings: parseSettings(row.settings),
    status: row.status as ChatStatus,
    migratedTo: row.migrated_to,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Stored settings over the defaults, so a setting added later has a value for old chats. */
function parseSettings(text: string): ChatSettings {
  let stored: Partial<ChatSettings> = {};
  try {
    stored = JSON.parse(text) as Partial<ChatSettings>;
  } catch {
    // A damaged settings cell falls back to the defaults rather than locking the chat out.
  }
  return { ...DEFAULT_CHAT_SETTINGS, ...stored, digest: { ...DEFAULT_CHAT_SETTINGS.digest, ...stored.digest } };
}
