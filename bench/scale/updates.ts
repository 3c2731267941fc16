/**
 * Posts updates to a webhook URL as Telegram does (the secret header, at most `concurrency`
 * requests open, as its `max_connections`, default 40), each a private chat's
 * "/subscribe ukraine": a session read and write, a subscription written, a reply sent.
 * Resolves with how long it took until every update was answered.
 */
import type { Update } from "grammy/types";

export interface UpdateRun {
  seconds: number;
  /** Updates the webhook did not answer with 200. */
  failed: number;
}

export interface UpdateOptions {
  url: string;
  secret: string;
  /** Chats firstChat … firstChat+count-1 each send one update (the emulator knows them as users). */
  firstChat: number;
  count: number;
  firstUpdateId: number;
  concurrency: number;
}

const TEXT = "/subscribe ukraine";

function update(updateId: number, chatId: number): Update {
  const from = { id: chatId, is_bot: false, first_name: `User ${chatId}`, language_code: "en" };
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: "private", first_name: from.first_name },
      from,
      text: TEXT,
      entities: [{ type: "bot_command", offset: 0, length: "/subscribe".length }],
    },
  };
}

export async function postUpdates(options: UpdateOptions): Promise<UpdateRun> {
  let next = 0;
  let failed = 0;
  const started = Date.now();
  const worker = async () => {
    for (let i = next++; i < options.count; i = next++) {
      const response = await fetch(options.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": options.secret },
        body: JSON.stringify(update(options.firstUpdateId + i, options.firstChat + i)),
      });
      await response.arrayBuffer();
      if (response.status !== 200) failed++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { seconds: (Date.now() - started) / 1000, failed };
}
