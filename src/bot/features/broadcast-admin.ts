/**
 * Admin commands around broadcasts, for newsbrief's admins (config `adminIds`) only:
 *   /breaking        (private chat) the guided conversation in breaking.ts
 *   /stopbroadcast   stops the admin's running broadcasts (or `/stopbroadcast <id>`, any admin's); what was not sent yet is dropped
 * Everyone else gets a polite refusal. Buttons of a conversation that has ended are answered, not ignored.
 */
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { isBotAdmin } from "../permissions.ts";
import { BREAKING, BREAKING_DATA } from "./breaking.ts";

export const BROADCAST_COMMANDS = ["breaking", "stopbroadcast"] as const;

export function broadcastAdminFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const adminsOnly = feature.filter((ctx) => isBotAdmin(ctx));
  const others = feature.filter((ctx) => !isBotAdmin(ctx));

  others.command([...BROADCAST_COMMANDS], async (ctx) => {
    ctx.log.warn({ userId: ctx.from?.id, command: ctx.message?.text }, "admin command refused: not a newsbrief admin");
    await ctx.reply(ctx.t("admin-only"));
  });

  adminsOnly.command("breaking", async (ctx) => {
    if (ctx.chat.type !== "private") {
      await ctx.reply(ctx.t("breaking-private-only"));
      return;
    }
    await ctx.deps.store.audit.record({ actorId: ctx.from?.id ?? null, chatId: ctx.chat.id, action: "breaking.open" });
    await ctx.conversation.enter(BREAKING);
  });

  adminsOnly.command("stopbroadcast", async (ctx) => {
    const adminId = ctx.from?.id;
    if (adminId === undefined) return;
    // `/stopbroadcast <id>` stops any admin's broadcast; without an id, the admin's own.
    const arg = ctx.match.trim().replace(/^#/, "");
    const id = /^\d{1,12}$/.test(arg) ? Number(arg) : undefined;
    if (arg !== "" && id === undefined) {
      await ctx.reply(ctx.t("broadcast-stop-usage"));
      return;
    }
    const stopped = await ctx.deps.broadcasts.stopBroadcasts(adminId, id);
    if (stopped.length === 0) {
      await ctx.reply(ctx.t("broadcast-none-running"));
      return;
    }
    for (const { id, progress } of stopped) {
      // The status message shows the same figures; this answers the command where it was sent.
      const dropped = progress.remaining;
      await ctx.reply(ctx.t("broadcast-stopped", { id, sent: progress.sent, failed: progress.failed, blocked: progress.blocked, dropped }));
    }
  });

  // A button of a /breaking conversation that has ended (cancelled, timed out, or sent).
  feature.callbackQuery(BREAKING_DATA, async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.t("breaking-stale-button") });
  });

  return feature;
}
