/**
 * Last in the chain: an unknown command or stray text gets a short pointer to /help.
 * In groups only commands addressed to this bot are answered, so other bots' commands
 * and ordinary conversation do not draw replies.
 */
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";

export function fallbackFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.on("message:text", async (ctx) => {
    const privateChat = ctx.chat.type === "private";
    const command = ctx.entities("bot_command").find((entity) => entity.offset === 0);
    if (command) {
      const [name, target] = command.text.slice(1).split("@");
      if (!privateChat && target?.toLowerCase() !== ctx.me.username.toLowerCase()) return;
      await ctx.reply(ctx.t("unknown-command", { command: `/${name ?? ""}` }));
      return;
    }
    if (privateChat) await ctx.reply(ctx.t("unknown-text"));
  });

  return feature;
}
