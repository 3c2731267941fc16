import type { Update } from "grammy/types";

/** A bot receiving updates, by polling or webhook, that can be stopped once its work is done. */
export interface RunningBot {
  stop(): Promise<void>;
}

/** my_chat_member is not sent unless asked for; newsbrief needs it to see blocks and removals. */
export const ALLOWED_UPDATES: ReadonlyArray<Exclude<keyof Update, "update_id">> = [
  "message",
  "edited_message",
  "channel_post",
  "callback_query",
  "inline_query",
  "my_chat_member",
];
