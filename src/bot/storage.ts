/**
 * grammY storage adapters over the store's key-value state, so that sessions and
 * conversations in progress survive a restart.
 */
import type { StorageAdapter } from "grammy";
import type { StateRepository } from "../store/index.ts";

export function stateStorage<T>(state: StateRepository, namespace: string): StorageAdapter<T> {
  return {
    read: async (key) => (await state.read(namespace, key)) as T | undefined,
    write: (key, value) => state.write(namespace, key, value),
    delete: (key) => state.delete(namespace, key),
  };
}
