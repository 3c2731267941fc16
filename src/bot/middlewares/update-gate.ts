/**
 * In front of every feature, after `sequentialize`: a chat's update runs under the store's lock
 * on the chat (several instances behind a load balancer never interleave one chat's updates),
 * and an update already handled is skipped.
 *
 * The update is recorded as handled only once it was handled, still under the lock: a process
 * that dies mid-update has recorded nothing, so Telegram's retry is handled (at least once,
 * rather than lost), while a copy arriving meanwhile waits for the lock and then sees the record.
 */
import type { Context, MiddlewareFn } from "grammy";
import type { CoreContext } from "../context.ts";

/** Updates are handled one at a time per chat, so a chat's state never races itself. */
export function updateSequenceKey(ctx: Context): string | undefined {
  return ctx.chat?.id.toString() ?? ctx.from?.id.toString();
}

export function updateGate(): MiddlewareFn<CoreContext> {
  return async (ctx, next) => {
    const updates = ctx.deps.store.updates;
    const updateId = ctx.update.update_id;
    const handle = async (): Promise<void> => {
      if (await updates.isHandled(updateId)) {
        ctx.log.info("update delivered again; handled already, skipped");
        return;
      }
      await next();
      await updates.markHandled(updateId);
    };
    const key = updateSequenceKey(ctx);
    await (key === undefined ? handle() : updates.exclusive(`chat:${key}`, handle));
  };
}
