import type { MessageEntity, User } from "grammy/types";

/** What a Telegram text parser produces: the visible text and its entities (UTF-16 offsets). */
export type ParseResult =
  | { ok: true; text: string; entities: MessageEntity[] }
  | { ok: false; error: string };

/** Looks up a user for `tg://user?id=` links; unknown users make Telegram drop the link. */
export type UserLookup = (id: number) => User | undefined;
