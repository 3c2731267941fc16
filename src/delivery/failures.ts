/**
 * What a refused send means for the delivery: wait (429), the chat is gone (403, chat not found),
 * the group moved (migrate_to_chat_id), the message is malformed (resend as plain text), the
 * photo was refused (send the brief as text), a passing failure (network, 5xx: retry with
 * backoff), or a refusal for good.
 */
import { GrammyError, HttpError } from "grammy";

export type SendFailure =
  | { kind: "flood"; retryAfterS: number; description: string }
  | { kind: "gone"; description: string }
  | { kind: "migrated"; toChatId: number; description: string }
  | { kind: "malformed"; description: string }
  | { kind: "photo-refused"; description: string }
  | { kind: "transient"; description: string }
  | { kind: "refused"; description: string };

const CHAT_GONE = /chat not found|bot was blocked|user is deactivated|bot was kicked|bot is not a member|bot can't initiate|have no rights to send|chat_write_forbidden|CHANNEL_PRIVATE/i;
const MALFORMED = /can't parse entities|message is too long|text is empty|entities|caption is too long|BUTTON_URL_INVALID|wrong HTTP URL/i;
const PHOTO_REFUSED = /failed to get HTTP URL content|wrong file identifier|wrong type of the web page content|IMAGE_PROCESS_FAILED|PHOTO_INVALID|photo/i;

export function classifyFailure(error: unknown, method: string): SendFailure {
  if (error instanceof GrammyError) {
    const description = `${error.error_code} ${error.description}`;
    const migrateTo = error.parameters.migrate_to_chat_id;
    if (error.error_code === 429) return { kind: "flood", retryAfterS: Math.max(1, error.parameters.retry_after ?? 1), description };
    if (migrateTo !== undefined) return { kind: "migrated", toChatId: migrateTo, description };
    if (error.error_code === 403) return { kind: "gone", description };
    if (error.error_code === 400 && CHAT_GONE.test(error.description)) return { kind: "gone", description };
    if (error.error_code === 400 && method === "sendPhoto" && PHOTO_REFUSED.test(error.description)) return { kind: "photo-refused", description };
    if (error.error_code === 400 && MALFORMED.test(error.description)) return { kind: "malformed", description };
    if (error.error_code >= 500 || error.error_code === 420) return { kind: "transient", description };
    return { kind: "refused", description };
  }
  if (error instanceof HttpError) return { kind: "transient", description: `network: ${String(error.error)}` };
  return { kind: "transient", description: error instanceof Error ? error.message : String(error) };
}

/** Backoff for passing failures: 2 s, 4 s, … up to 5 minutes, with jitter so retries spread. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(300_000, 1000 * 2 ** Math.max(1, Math.min(attempts, 20)));
  return Math.round(base * (0.75 + random() * 0.5));
}
