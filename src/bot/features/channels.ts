/**
 * Channels are set up from a private chat: an admin of the channel sends `/channel @name` (or
 * forwards one of its posts), the bot checks with Telegram that it is an admin there and so is
 * the user, and from then on the channel's topics, subscriptions and settings are managed here.
 */
import { Composer, GrammyError } from "grammy";
import type { ChatFullInfo } from "grammy/types";
import type { BotContext } from "../context.ts";
import { answerAdminsOnly, answerInvalid, redraw } from "../callback-answers.ts";
import { escapeHtml } from "../../brief/index.ts";
import { channelButton, channelListKeyboard, channelMenuKeyboard } from "../keyboards/channels.ts";
import { canManageChat } from "../permissions.ts";
import { mayManage, placeOf, remoteScope, type ChatScope } from "../subscriptions/scope.ts";

/** Enough for anyone; the list is kept in the private chat's session. */
const MAX_CHANNELS = 20;

export function channelsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("channel", async (ctx) => {
    if (ctx.chat.type !== "private") {
      await ctx.reply(ctx.t("channel-private-only"));
      return;
    }
    const ref = channelRef(ctx.match);
    if (ref === null) {
      await ctx.reply(ctx.t("channel-bad-reference"), { parse_mode: "HTML" });
      return;
    }
    if (ref === undefined) {
      await showChannelList(ctx);
      return;
    }
    await setUpChannel(ctx, ref);
  });

  // A post forwarded from the channel names it without the user having to type anything.
  feature.chatType("private").on("message:forward_origin", async (ctx, next) => {
    const origin = ctx.message.forward_origin;
    if (origin.type !== "channel") return next();
    await setUpChannel(ctx, origin.chat.id);
  });

  feature.callbackQuery(channelButton.pattern, async (ctx) => {
    const action = channelButton.decode(ctx.callbackQuery.data);
    if (action === undefined) return answerInvalid(ctx);
    if (action.op === "forget") {
      const before = ctx.session.channels ?? [];
      if (!before.includes(action.chatId)) return answerInvalid(ctx);
      ctx.session.channels = before.filter((id) => id !== action.chatId);
      await ctx.answerCallbackQuery({ text: ctx.t("channel-forgotten") });
      await redraw(ctx, ctx.t("channel-forgotten-text"), channelListKeyboard([]));
      return;
    }
    const scope = await remoteScope(ctx, action.chatId);
    if (scope === undefined) return answerInvalid(ctx);
    if (!(await mayManage(ctx, scope))) return answerAdminsOnly(ctx);
    await ctx.answerCallbackQuery();
    await redraw(ctx, channelMenuText(ctx, scope), channelMenuKeyboard((key) => ctx.t(key), scope.chatId));
  });

  return feature;
}

/** `@name`, `name`, `t.me/name` or a numeric id; undefined when empty, null when unusable. */
export function channelRef(text: string): string | number | undefined | null {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  if (/^-100\d{5,15}$/.test(trimmed)) return Number(trimmed);
  const name = /^(?:@|(?:https?:\/\/)?t(?:elegram)?\.me\/)?([A-Za-z][A-Za-z0-9_]{3,31})\/?$/.exec(trimmed)?.[1];
  return name === undefined ? null : `@${name}`;
}

async function setUpChannel(ctx: BotContext, ref: string | number): Promise<void> {
  let chat: ChatFullInfo;
  try {
    chat = await ctx.api.getChat(ref);
  } catch (error) {
    if (!(error instanceof GrammyError)) throw error;
    ctx.log.info({ ref, description: error.description }, "channel not found");
    await ctx.reply(ctx.t("channel-not-found", { channel: escapeHtml(String(ref)), bot: ctx.me.username }), { parse_mode: "HTML" });
    return;
  }
  const title = escapeHtml(chat.title ?? String(chat.id));
  if (chat.type !== "channel") {
    await ctx.reply(ctx.t("channel-not-a-channel", { title }), { parse_mode: "HTML" });
    return;
  }
  // Telegram answers 400/403 when the bot is not in the channel at all: the same advice applies.
  const me = await ctx.api.getChatMember(chat.id, ctx.me.id).catch((error: unknown) => {
    if (error instanceof GrammyError) return undefined;
    throw error;
  });
  if (me?.status !== "administrator" || me.can_post_messages === false) {
    await ctx.reply(ctx.t("channel-bot-not-admin", { title, bot: ctx.me.username }), { parse_mode: "HTML" });
    return;
  }
  if (!(await canManageChat(ctx, chat.id))) {
    await ctx.reply(ctx.t("channel-user-not-admin", { title }), { parse_mode: "HTML" });
    return;
  }
  await ctx.deps.store.chats.touch({ id: chat.id, type: "channel", title: chat.title, username: chat.username });
  const known = (ctx.session.channels ?? []).filter((id) => id !== chat.id);
  ctx.session.channels = [...known, chat.id].slice(-MAX_CHANNELS);
  await ctx.deps.store.audit.record({ actorId: ctx.from?.id ?? null, chatId: chat.id, action: "channel.setup", details: { from: ctx.chat?.id } });
  ctx.log.info({ channel: chat.id }, "channel set up");
  const scope = await remoteScope(ctx, chat.id);
  if (scope === undefined) return;
  await ctx.reply(`${ctx.t("channel-ready", { title })}\n\n${channelMenuText(ctx, scope)}`, {
    parse_mode: "HTML",
    reply_markup: channelMenuKeyboard((key) => ctx.t(key), chat.id),
  });
}

async function showChannelList(ctx: BotContext): Promise<void> {
  const channels: { id: number; title: string }[] = [];
  for (const id of ctx.session.channels ?? []) {
    const record = await ctx.deps.store.chats.get(id);
    if (record?.type === "channel" && record.status === "active") channels.push({ id, title: record.title ?? String(id) });
  }
  const text = channels.length > 0 ? ctx.t("channel-list", { bot: ctx.me.username }) : ctx.t("channel-how-to", { bot: ctx.me.username });
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: channelListKeyboard(channels) });
}

function channelMenuText(ctx: BotContext, scope: ChatScope): string {
  return ctx.t("channel-menu", { title: escapeHtml(placeOf(scope).title) });
}
