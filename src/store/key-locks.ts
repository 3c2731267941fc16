/**
 * Locks on names (a chat's updates) held while some work runs, across every process on the
 * database. The store's UpdateRepository hands them to the bot.
 */
export interface KeyLocks {
  exclusive<T>(key: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * SQLite: a database file belongs to one process, and grammY's `sequentialize` already runs a
 * chat's updates one at a time inside it, so there is nothing left to lock.
 */
export const oneProcessLocks: KeyLocks = {
  exclusive: (_key, work) => work(),
  close: async () => {},
};
