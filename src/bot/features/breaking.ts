/**
 * `/breaking`: a guided conversation in which a newsbrief admin pushes breaking news. A link (read
 * through the guarded client), a pasted text or a forwarded post becomes a brief, shown exactly as
 * subscribers will see it; the admin may edit its headline or text, chooses the audience and
 * whether it is urgent, sees how many chats it will reach, and sends. The rules (who receives
 * it, when, the rows, the figures) are the delivery service's; this only talks.
 *
 * A persisted conversation: an admin may answer after the bot restarted. `/cancel` leaves at any
 * step, another command leaves and runs, and an answer after too long a wait ends it politely.
 */
import type { Conversation } from "@grammyjs/conversations";
import type { InlineKeyboardButton } from "grammy/types";
import { briefFromArticle, briefFromText, linkIn, withHeadline, withText } from "../../delivery/broadcast-brief.ts";
import { briefMessage } from "../../delivery/messages.ts";
import type { Brief } from "../../brief/types.ts";
import { FetchArticleError } from "../../archive/fetch-article.ts";
import { DEFAULT_CHAT_SETTINGS, type BroadcastAudience } from "../../store/index.ts";
import type { BotContext, ConversationContext } from "../context.ts";

export const BREAKING = "breaking";
/** How long a step waits for the admin before the conversation is put aside. */
export const BREAKING_STEP_MS = 15 * 60_000;

type BreakingConversation = Conversation<BotContext, ConversationContext>;
type Keyboard = InlineKeyboardButton[][];

/** Callback data of the conversation's buttons ("bk:…"); anything else pressed is a stale or forged button. */
const DATA = /^bk:/;

export async function breakingConversation(conversation: BreakingConversation, ctx: ConversationContext): Promise<void> {
  const adminId = ctx.from?.id;
  const chatId = ctx.chat?.id;
  if (adminId === undefined || chatId === undefined) return;
  await ctx.reply(ctx.t("breaking-ask"), { parse_mode: "HTML" });
  let brief = await readStory(conversation, ctx);

  // Preview and edits, until the admin goes on.
  for (;;) {
    await showPreview(conversation, ctx, brief);
    const choice = await waitChoice(conversation, ctx, ["bk:h", "bk:t", "bk:go"]);
    if (choice === "bk:go") break;
    await ctx.reply(ctx.t(choice === "bk:h" ? "breaking-ask-headline" : "breaking-ask-text"));
    const text = await waitText(conversation, ctx);
    brief = choice === "bk:h" ? withHeadline(brief, text) : withText(brief, text);
  }

  // Audience, urgency, confirmation.
  let urgent = false;
  for (;;) {
    const audience = await chooseAudience(conversation, ctx, urgent);
    urgent = audience.urgent;
    const count = await conversation.external((outer) => outer.deps.broadcasts.count(audience.audience, chatId));
    if (count === 0) {
      await ctx.reply(ctx.t("breaking-nobody"));
      continue;
    }
    await ctx.reply(ctx.t("breaking-confirm", { count, urgent: urgent ? "yes" : "no" }), {
      reply_markup: { inline_keyboard: [[button(ctx.t("breaking-send"), "bk:send"), button(ctx.t("breaking-cancel"), "bk:x")]] },
    });
    await waitChoice(conversation, ctx, ["bk:send"]);
    // Removed as an admin while the conversation ran: nothing goes out.
    if (!(await conversation.external((outer) => outer.deps.admins.isAdmin(adminId)))) {
      await ctx.reply(ctx.t("admin-only"));
      return;
    }
    const locale = ctx.locale;
    const started = await conversation.external((outer) =>
      outer.deps.broadcasts.launch({ adminId, adminChatId: chatId, brief, audience: audience.audience, urgent, locale }).then((r) => ({ id: r.broadcast.id, total: r.total })),
    );
    ctx.log.info({ broadcastId: started.id, total: started.total }, "breaking news sent out");
    return;
  }
}

/** The first step: a link, a text or a forwarded post, until one gives a brief. */
async function readStory(conversation: BreakingConversation, ctx: ConversationContext): Promise<Brief> {
  for (;;) {
    const next = await waitStep(conversation, ctx);
    const message = next.message;
    if (message === undefined) {
      await answerStale(next);
      continue;
    }
    const text = message.text ?? message.caption;
    if (text === undefined || text.trim() === "") {
      await next.reply(ctx.t(message.text === undefined && message.caption === undefined && message.forward_origin === undefined ? "breaking-input-only" : "breaking-empty"));
      continue;
    }
    const link = message.forward_origin === undefined ? linkIn(text) : undefined;
    if (link === undefined) {
      const brief = briefFromText(text, forwardSource(message.forward_origin));
      if (brief) return brief;
      await next.reply(ctx.t("breaking-empty"));
      continue;
    }
    await next.reply(ctx.t("breaking-fetching"));
    const fetched = await conversation.external(async (outer): Promise<{ brief: Brief } | { failure: string }> => {
      try {
        return { brief: briefFromArticle(await outer.deps.fetchArticle(link)) };
      } catch (error) {
        outer.log.info({ err: error, url: link }, "breaking news page could not be read");
        return { failure: error instanceof FetchArticleError ? error.reason : "unreachable" };
      }
    });
    if ("brief" in fetched) return fetched.brief;
    await next.reply(ctx.t("breaking-fetch-failed", { reason: ctx.t(`breaking-fetch-reason-${fetched.failure}`) }));
  }
}

/** Where a forwarded post came from: the channel's (or person's) name, and the post's link for a public channel. */
function forwardSource(origin: NonNullable<ConversationContext["message"]>["forward_origin"]): { name?: string; url?: string } {
  if (origin === undefined) return {};
  switch (origin.type) {
    case "channel":
      return {
        ...(origin.chat.title ? { name: origin.chat.title } : {}),
        ...(origin.chat.username ? { url: `https://t.me/${origin.chat.username}/${origin.message_id}` } : {}),
      };
    case "chat":
      return origin.sender_chat.title ? { name: origin.sender_chat.title } : {};
    case "user":
      return { name: [origin.sender_user.first_name, origin.sender_user.last_name].filter(Boolean).join(" ") };
    case "hidden_user":
      return { name: origin.sender_user_name };
  }
}

/** The brief as a subscriber will see it (rendered by delivery, for this chat's settings), then the edit buttons. */
async function showPreview(conversation: BreakingConversation, ctx: ConversationContext, brief: Brief): Promise<void> {
  const nowIso = await conversation.external((outer) => outer.deps.now().toISOString());
  const settings = ctx.chatRecord?.settings ?? DEFAULT_CHAT_SETTINGS;
  const outgoing = briefMessage({ articleId: null, brief, payload: { breaking: true } }, { t: ctx.t, locale: ctx.locale, now: new Date(nowIso), settings });
  await ctx.reply(ctx.t("breaking-preview"));
  const markup = outgoing.keyboard.length > 0 ? { reply_markup: { inline_keyboard: outgoing.keyboard } } : {};
  if (outgoing.method === "sendPhoto") await ctx.replyWithPhoto(outgoing.photo, { caption: outgoing.html, parse_mode: "HTML", ...markup });
  else await ctx.reply(outgoing.html, { parse_mode: "HTML", link_preview_options: outgoing.linkPreview, ...markup });
  await ctx.reply(ctx.t("breaking-continue"), {
    reply_markup: {
      inline_keyboard: [
        [button(ctx.t("breaking-edit-headline"), "bk:h"), button(ctx.t("breaking-edit-text"), "bk:t")],
        [button(ctx.t("breaking-continue"), "bk:go"), button(ctx.t("breaking-cancel"), "bk:x")],
      ],
    },
  });
}

/** Everyone, some topics (chosen one by one) or a test; urgency toggled on the same message. */
async function chooseAudience(conversation: BreakingConversation, ctx: ConversationContext, urgentBefore: boolean): Promise<{ audience: BroadcastAudience; urgent: boolean }> {
  let urgent = urgentBefore;
  const keyboard = (): Keyboard => [
    [button(ctx.t("breaking-audience-all"), "bk:all")],
    [button(ctx.t("breaking-audience-topics"), "bk:topics")],
    [button(ctx.t("breaking-audience-test"), "bk:test")],
    [button(ctx.t(urgent ? "breaking-urgent-on" : "breaking-urgent-off"), "bk:urgent")],
    [button(ctx.t("breaking-cancel"), "bk:x")],
  ];
  const asked = await ctx.reply(ctx.t("breaking-audience"), { reply_markup: { inline_keyboard: keyboard() } });
  for (;;) {
    const choice = await waitChoice(conversation, ctx, ["bk:all", "bk:topics", "bk:test", "bk:urgent"]);
    if (choice === "bk:urgent") {
      urgent = !urgent;
      await ctx.api.editMessageReplyMarkup(asked.chat.id, asked.message_id, { reply_markup: { inline_keyboard: keyboard() } });
      continue;
    }
    if (choice === "bk:all") return { audience: { kind: "all" }, urgent };
    if (choice === "bk:test") return { audience: { kind: "test" }, urgent };
    const slugs = await chooseTopics(conversation, ctx);
    return { audience: { kind: "topics", slugs }, urgent };
  }
}

async function chooseTopics(conversation: BreakingConversation, ctx: ConversationContext): Promise<string[]> {
  const topics = await conversation.external(async (outer) => (await outer.deps.store.topics.listEnabled()).map((t) => ({ slug: t.slug, name: t.names[outer.locale] })));
  const chosen = new Set<string>();
  const keyboard = (): Keyboard => [
    ...chunk(
      topics.map((t) => button(`${chosen.has(t.slug) ? "✅ " : ""}${t.name}`, `bk:tp:${t.slug}`)),
      2,
    ),
    [button(ctx.t("breaking-topics-done"), "bk:tdone"), button(ctx.t("breaking-cancel"), "bk:x")],
  ];
  const asked = await ctx.reply(ctx.t("breaking-topics"), { reply_markup: { inline_keyboard: keyboard() } });
  for (;;) {
    const choice = await waitChoice(conversation, ctx, ["bk:tdone", ...topics.map((t) => `bk:tp:${t.slug}`)]);
    if (choice === "bk:tdone") {
      if (chosen.size > 0) return [...chosen];
      await ctx.reply(ctx.t("breaking-topics-none"));
      continue;
    }
    const slug = choice.slice("bk:tp:".length);
    if (chosen.has(slug)) chosen.delete(slug);
    else chosen.add(slug);
    await ctx.api.editMessageReplyMarkup(asked.chat.id, asked.message_id, { reply_markup: { inline_keyboard: keyboard() } });
  }
}

/**
 * The next update of this step. /cancel (or the Cancel button) leaves, another command leaves and
 * runs as usual, and an answer after `BREAKING_STEP_MS` ends the conversation politely. Time is the
 * bot's clock (`deps.now`), so tests move it.
 */
async function waitStep(conversation: BreakingConversation, ctx: ConversationContext): Promise<ConversationContext> {
  const before = await conversation.external((outer) => outer.deps.now().getTime());
  const next = await conversation.wait();
  const after = await conversation.external((outer) => outer.deps.now().getTime());
  const text = next.message?.text?.trim();
  if (after - before > BREAKING_STEP_MS) {
    await ctx.reply(ctx.t("breaking-timeout"));
    if (next.callbackQuery) await next.answerCallbackQuery().catch(() => undefined);
    // A command sent after the wait runs as usual; an answer to the old step is not taken as anything else.
    return conversation.halt({ next: text?.startsWith("/") === true });
  }
  if (text?.startsWith("/")) {
    await next.reply(ctx.t("breaking-cancelled"));
    return conversation.halt({ next: text.split(/[\s@]/)[0] !== "/cancel" });
  }
  if (next.callbackQuery?.data === "bk:x") {
    await next.answerCallbackQuery();
    await next.reply(ctx.t("breaking-cancelled"));
    return conversation.halt();
  }
  return next;
}

/** Waits for a text (edits of the headline or text). */
async function waitText(conversation: BreakingConversation, ctx: ConversationContext): Promise<string> {
  for (;;) {
    const next = await waitStep(conversation, ctx);
    const text = next.message?.text?.trim();
    if (text) return text;
    if (next.callbackQuery) await answerStale(next);
    else await next.reply(ctx.t("breaking-input-only"));
  }
}

/** Waits for one of these buttons; another button (an older step's, or forged data) is refused. */
async function waitChoice(conversation: BreakingConversation, ctx: ConversationContext, allowed: readonly string[]): Promise<string> {
  for (;;) {
    const next = await waitStep(conversation, ctx);
    const data = next.callbackQuery?.data;
    if (data !== undefined && allowed.includes(data)) {
      await next.answerCallbackQuery();
      return data;
    }
    if (next.callbackQuery) await answerStale(next);
    else await next.reply(ctx.t("breaking-input-only"));
  }
}

async function answerStale(ctx: ConversationContext): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("breaking-stale-button") });
}

function button(text: string, data: string): InlineKeyboardButton {
  return { text, callback_data: data };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += size) rows.push(items.slice(i, i + size));
  return rows;
}

export { DATA as BREAKING_DATA };
