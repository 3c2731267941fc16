/**
 * When a brief may reach a chat: now, at the end of its quiet hours, or at its next digest, all
 * in the chat's own time zone. Next times come from croner (DST-correct), never from hand-written
 * date arithmetic.
 */
import { Cron } from "croner";
import type { ChatSettings, DeliveryKind } from "../store/index.ts";

export interface DeliveryTime {
  kind: DeliveryKind;
  notBefore: Date;
  /** 1 jumps the queue (breaking briefs). */
  priority: number;
}

/** The chat's local "HH:MM" at `at`. */
export function localTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${part("hour")}:${part("minute")}`;
}

/** The first moment after `after` when the chat's clock shows `hhmm` (every day) or its minutes (`hourly`). */
function nextAt(hhmm: string, timeZone: string, after: Date, hourly = false): Date {
  const [hour, minute] = hhmm.split(":").map(Number);
  const pattern = hourly ? `${minute ?? 0} * * * *` : `${minute ?? 0} ${hour ?? 0} * * *`;
  const next = new Cron(pattern, { timezone: timeZone }).nextRun(after);
  if (next === null) throw new Error(`no next run for ${pattern} in ${timeZone}`);
  return next;
}

/** When the chat's next digest goes out. */
export function nextDigestAt(settings: ChatSettings, after: Date): Date {
  return nextAt(settings.digest.at, settings.timeZone, after, settings.digest.every === "hourly");
}

/** The end of the quiet hours `at` falls in, or undefined when it falls in none. */
export function quietUntil(settings: ChatSettings, at: Date): Date | undefined {
  const quiet = settings.quietHours;
  if (quiet === null || quiet.from === quiet.to) return undefined;
  const now = localTime(at, settings.timeZone);
  // "23:00"–"07:00" wraps midnight; "13:00"–"14:00" does not. Zero-padded "HH:MM" compares as text.
  const inside = quiet.from < quiet.to ? now >= quiet.from && now < quiet.to : now >= quiet.from || now < quiet.to;
  return inside ? nextAt(quiet.to, settings.timeZone, at) : undefined;
}

/**
 * When and how a story reaches a chat. Instant chats get it now; digest chats in their next
 * digest; breaking stories come at once to every chat. Quiet hours hold everything until they
 * end, except breaking stories where the chat lets them through.
 */
export function deliveryTime(settings: ChatSettings, story: { breaking: boolean }, now: Date): DeliveryTime {
  const priority = story.breaking ? 1 : 0;
  if (story.breaking) {
    const held = settings.breakingThroughQuiet ? undefined : quietUntil(settings, now);
    return { kind: "brief", notBefore: held ?? now, priority };
  }
  if (settings.delivery === "digest") {
    const at = nextDigestAt(settings, now);
    return { kind: "digest", notBefore: quietUntil(settings, at) ?? at, priority };
  }
  return { kind: "brief", notBefore: quietUntil(settings, now) ?? now, priority };
}
