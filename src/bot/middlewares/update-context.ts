import type { MiddlewareFn } from "grammy";
import type { BotConfig, BotDeps, CoreContext } from "../context.ts";

/** Gives every update its dependencies and a child logger that names the update and chat. */
export function updateContext(deps: BotDeps, config: BotConfig): MiddlewareFn<CoreContext> {
  const log = deps.logger.child({ module: "bot" });
  return async (ctx, next) => {
    ctx.deps = deps;
    ctx.config = config;
    ctx.log = log.child({ updateId: ctx.update.update_id, chatId: ctx.chat?.id });
    ctx.locale = config.defaultLocale;
    ctx.chatRecord = undefined;
    // Admins added from another process show within seconds; a failed read keeps the last list.
    await deps.admins.refresh().catch((error: unknown) => ctx.log.warn({ err: error }, "could not read the admins"));
    const started = performance.now();
    await next();
    ctx.log.debug({ ms: Math.round(performance.now() - started) }, "update handled");
  };
}
