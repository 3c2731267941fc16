// Helpers shared by the Telegram text parsers: entity ordering as tdlib does it,
// byte offsets for error messages, and Telegram's URL acceptance rules.
import type { MessageEntity } from "grammy/types";

/** tdlib's ordering priority per entity type (lower sorts first at equal offset and length). */
const TYPE_PRIORITY: Record<MessageEntity["type"], number> = {
  mention: 50,
  hashtag: 50,
  bot_command: 50,
  url: 50,
  email: 50,
  bold: 90,
  italic: 91,
  code: 20,
  pre: 11,
  text_link: 49,
  text_mention: 49,
  cashtag: 50,
  phone_number: 50,
  underline: 92,
  strikethrough: 93,
  blockquote: 0,
  expandable_blockquote: 0,
  spoiler: 94,
  custom_emoji: 99,
  date_time: 50,
};

/** Sorts like tdlib's sort_entities: by offset, then longer first, then by type priority. */
export function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities.sort(
    (a, b) =>
      a.offset - b.offset ||
      b.length - a.length ||
      (TYPE_PRIORITY[a.type] ?? 50) - (TYPE_PRIORITY[b.type] ?? 50),
  );
}

/** Telegram reports parse errors at UTF-8 byte offsets; JS indexes UTF-16 code units. */
export function byteOffset(text: string, utf16Index: number): number {
  return Buffer.byteLength(text.slice(0, utf16Index), "utf8");
}

/** Returns the user id of a `tg://user?id=N` link, or undefined. */
export function linkUserId(url: string): number | undefined {
  const match = /^tg:\/\/user\?id=(\d{1,15})$/i.exec(url.trim());
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/**
 * Like tdlib's LinkManager::get_checked_link: returns the link Telegram would store,
 * or "" when Telegram silently drops it (an invalid URL in <a href> is not an error).
 */
export function checkedLink(raw: string): string {
  const url = raw.trim();
  if (url === "" || /\s/.test(url)) return "";
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === "tg" || scheme === "ton") return url.length > scheme.length + 1 ? url : "";
  const withScheme = scheme === undefined ? `http://${url}` : url;
  if (scheme !== undefined && scheme !== "http" && scheme !== "https" && scheme !== "ftp") return "";
  try {
    const parsed = new URL(withScheme);
    const host = parsed.hostname;
    // Telegram needs a host with a top-level domain (or an IP address).
    if (host === "" || (!host.includes(".") && !host.startsWith("["))) return "";
    return withScheme;
  } catch {
    return "";
  }
}
