// Scripted one-off failures: "the next 2 sendMessage calls to chat 42 answer 502", "getUpdates
// answers 429 retry after 1 once" — for testing a bot's error handling deterministically.
import type { ResponseParameters } from "grammy/types";
import { ApiError } from "./api-error.ts";

export interface FaultSpec {
  method: string;
  errorCode: number;
  description: string;
  retryAfter?: number;
  migrateToChatId?: number;
  /** How many matching calls fail (default 1). */
  count?: number;
  /** Only calls whose chat_id is this one. */
  chatId?: number;
}

export class FaultInjector {
  private faults: (FaultSpec & { left: number })[] = [];

  add(spec: FaultSpec): void {
    this.faults.push({ ...spec, left: spec.count ?? 1 });
  }

  /** The error to answer instead of running the call, if a fault matches (and is used up by it). */
  take(method: string, chatId: number | string | undefined): ApiError | undefined {
    const index = this.faults.findIndex(
      (f) => f.method.toLowerCase() === method.toLowerCase() && (f.chatId === undefined || String(f.chatId) === String(chatId)),
    );
    const fault = this.faults[index];
    if (fault === undefined) return undefined;
    fault.left--;
    if (fault.left <= 0) this.faults.splice(index, 1);
    const parameters: ResponseParameters = {};
    if (fault.retryAfter !== undefined) parameters.retry_after = fault.retryAfter;
    if (fault.migrateToChatId !== undefined) parameters.migrate_to_chat_id = fault.migrateToChatId;
    return new ApiError(fault.errorCode, fault.description, Object.keys(parameters).length > 0 ? parameters : undefined);
  }

  get pending(): number {
    return this.faults.reduce((sum, f) => sum + f.left, 0);
  }
}
