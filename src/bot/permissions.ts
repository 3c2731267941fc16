/**
 * Who may change a chat: anyone in a private chat; in groups and channels, the chat's
 * administrators (asked of Telegram with getChatMember) and newsbrief's own admins.
 */
import type { BotContext } from "./context.ts";

/** ADMIN_IDS and the admins added with /admins (read by the update-context middleware). */
export function isBotAdmin(ctx: BotContext): boolean {
  return ctx.deps.admins.isAdmin(ctx.from?.id);
}

export async function canManageChat(ctx: BotContext, chatId = ctx.chat?.id): Promise<boolean> {
  if (chatId === undefined || ctx.from === undefined) return false;
  if (isBotAdmin(ctx)) return true;
  if (ctx.chat?.type === "private" && chatId === ctx.chat.id) return true;
  // Anonymous group admins post as the group itself.
  if (ctx.senderChat?.id === chatId) return true;
  try {
    const member = await ctx.api.getChatMember(chatId, ctx.from.id);
    return member.status === "creator" || member.status === "administrator";
  } catch (error) {
    ctx.log.warn({ err: error, chatId }, "admin check failed");
    return false;
  }
}
