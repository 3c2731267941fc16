/**
 * Keeps the chat's status true to Telegram: blocked or removed chats get nothing more, a
 * chat that lets the bot back in is active again, and a group upgraded to a supergroup
 * keeps its language, settings and subscriptions.
 */
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";

export function membershipFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.on("my_chat_member", async (ctx) => {
    const { status } = ctx.myChatMember.new_chat_member;
    const chatId = ctx.chat.id;
    if (status === "kicked" || status === "left") {
      await ctx.deps.store.chats.setStatus(chatId, ctx.chat.type === "private" ? "blocked" : "left");
      ctx.log.info({ status }, "bot removed from chat");
    } else {
      await ctx.deps.store.chats.setStatus(chatId, "active");
      ctx.log.info({ status }, "bot active in chat");
    }
    await ctx.deps.store.audit.record({ actorId: ctx.from.id, chatId, action: "chat.membership", details: { status } });
  });

  feature.on("message:migrate_to_chat_id", async (ctx) => {
    const to = ctx.message.migrate_to_chat_id;
    await ctx.deps.store.chats.migrate(ctx.chat.id, to);
    await ctx.deps.store.audit.record({ chatId: to, action: "chat.migrated", details: { from: ctx.chat.id } });
    ctx.log.info({ to }, "group migrated to supergroup");
  });

  return feature;
}
