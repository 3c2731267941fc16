/** /start (with deep-link payloads such as `sub_china`) and /help. */
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { MENU_COMMANDS } from "../commands.ts";
import { escapeHtml } from "../../brief/index.ts";

/** A deep-link payload handler: returns true when it handled the payload. */
export type DeepLinkHandler = (ctx: BotContext, payload: string) => Promise<boolean>;

export function startFeature(deepLinks: readonly DeepLinkHandler[] = []): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("start", async (ctx) => {
    const payload = ctx.match.trim();
    if (payload !== "") {
      for (const handle of deepLinks) {
        if (await handle(ctx, payload)) return;
      }
      ctx.log.info({ payload }, "unknown start payload");
    }
    await ctx.reply(ctx.t("start-welcome", { name: escapeHtml(ctx.from?.first_name ?? "") }), { parse_mode: "HTML" });
  });

  feature.command("help", async (ctx) => {
    await ctx.reply(helpText(ctx), { parse_mode: "HTML" });
  });

  return feature;
}

export function helpText(ctx: BotContext): string {
  const lines = MENU_COMMANDS.map((command) => `/${command} — ${ctx.t(`command-${command}`)}`);
  return `${ctx.t("help-intro")}\n\n${lines.join("\n")}`;
}
