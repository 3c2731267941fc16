/**
 * /settings: how briefs arrive (instantly or in an hourly or daily digest), time zone, quiet
 * hours and whether breaking news may break them, link previews, images and language. Only
 * stored here; delivery reads them.
 */
import { Composer } from "grammy";
import type { Locale } from "../../i18n/locales.ts";
import type { ChatSettings } from "../../store/index.ts";
import type { BotContext } from "../context.ts";
import { answerAdminsOnly, answerInvalid, redraw } from "../callback-answers.ts";
import { escapeHtml } from "../../brief/index.ts";
import { withChannelBack } from "../keyboards/channel-button.ts";
import {
  LANGUAGE_NAMES,
  deliveryKeyboard,
  describeDelivery,
  describeQuiet,
  languagesKeyboard,
  quietKeyboard,
  settingsButton,
  settingsMainKeyboard,
  zonesKeyboard,
  type SettingsAction,
} from "../keyboards/settings.ts";
import { audit, type Outcome } from "../subscriptions/actions.ts";
import { ask } from "../subscriptions/prompts.ts";
import { localScope, mayManage, placeOf, scopeFor, scopeRef, type ChatScope } from "../subscriptions/scope.ts";
import { parseTimeZone } from "../time-zone.ts";
import type { Translate } from "../../i18n/locales.ts";

type Page = Extract<SettingsAction, { op: "open" }>["page"];

export function settingsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("settings", async (ctx) => {
    const scope = localScope(ctx);
    if (scope === undefined) return;
    const view = settingsView(ctx, scope, "main");
    await ctx.reply(view.text, { parse_mode: "HTML", reply_markup: view.keyboard });
  });

  feature.callbackQuery(settingsButton.pattern, async (ctx) => {
    const action = settingsButton.decode(ctx.callbackQuery.data);
    const scope = action && (await scopeFor(ctx, action.remote));
    if (action === undefined || scope === undefined) return answerInvalid(ctx);
    // Settings pages exist only to change something, so every press is for admins.
    if (!(await mayManage(ctx, scope))) return answerAdminsOnly(ctx);

    if (action.op === "open") {
      await ctx.answerCallbackQuery();
      const view = settingsView(ctx, scope, action.page);
      await redraw(ctx, view.text, view.keyboard);
      return;
    }
    if (action.op === "zone-type") {
      await ctx.answerCallbackQuery();
      await askForTimeZone(ctx, scope);
      return;
    }
    if (action.op === "locale") {
      await setChatLocale(ctx, scope, action.locale);
      await ctx.answerCallbackQuery({ text: ctx.t("settings-saved") });
      const view = settingsView(ctx, scope, "main");
      await redraw(ctx, view.text, view.keyboard);
      return;
    }
    const { patch, page } = change(scope.chat.settings, action);
    await saveSettings(ctx, scope, patch);
    await ctx.answerCallbackQuery({ text: ctx.t("settings-saved") });
    const view = settingsView(ctx, scope, page);
    await redraw(ctx, view.text, view.keyboard);
  });

  return feature;
}

/** The settings patch a button asks for, and the page to show afterwards. */
function change(settings: ChatSettings, action: Exclude<SettingsAction, { op: "open" | "zone-type" | "locale" }>): { patch: Partial<ChatSettings>; page: Page } {
  switch (action.op) {
    case "toggle":
      if (action.setting === "breaking") return { patch: { breakingThroughQuiet: !settings.breakingThroughQuiet }, page: "main" };
      if (action.setting === "previews") return { patch: { linkPreviews: !settings.linkPreviews }, page: "main" };
      return { patch: { images: !settings.images }, page: "main" };
    case "mode":
      if (action.mode === "instant") return { patch: { delivery: "instant" }, page: "delivery" };
      return { patch: { delivery: "digest", digest: { ...settings.digest, every: action.mode } }, page: "delivery" };
    case "at":
      return { patch: { delivery: "digest", digest: { every: "daily", at: action.time } }, page: "delivery" };
    case "zone":
      return { patch: { timeZone: action.zone }, page: "main" };
    case "quiet":
      return { patch: { quietHours: action.hours }, page: "main" };
  }
}

/** Stores a change of the chat's settings, moves its waiting briefs to the new times, and audits it. */
async function saveSettings(ctx: BotContext, scope: ChatScope, patch: Partial<ChatSettings>): Promise<void> {
  scope.chat = await ctx.deps.store.chats.updateSettings(scope.chatId, patch);
  await ctx.deps.deliveries.settingsChanged(scope.chat);
  await audit(ctx, scope, "chat.settings", { ...patch });
}

async function setChatLocale(ctx: BotContext, scope: ChatScope, locale: Locale): Promise<void> {
  await ctx.deps.store.chats.setLocale(scope.chatId, locale);
  scope.chat = { ...scope.chat, locale };
  await ctx.deps.store.audit.record({ actorId: ctx.from?.id ?? null, chatId: scope.chatId, action: "chat.locale", details: { locale } });
  // Here the menu itself switches language; a channel's language is only for what it is sent.
  if (!scope.remote) {
    ctx.locale = locale;
    ctx.i18n.useLocale(locale);
  }
}

export async function askForTimeZone(ctx: BotContext, scope: ChatScope): Promise<void> {
  const place = placeOf(scope);
  const where = place.where === "thread" ? "chat" : place.where;
  await ask(ctx, "timezone", scope, ctx.t("settings-zone-ask", { where, title: escapeHtml(place.title) }), ctx.t("settings-zone-placeholder"));
}

/** A time zone typed in answer to the question; the reply says what was stored or why not. */
export async function setTimeZoneFromText(ctx: BotContext, scope: ChatScope, text: string): Promise<Outcome> {
  const zone = parseTimeZone(text);
  if (zone === undefined) return { text: ctx.t("settings-zone-invalid", { zone: escapeHtml(text.trim().slice(0, 64)) }), error: true };
  await saveSettings(ctx, scope, { timeZone: zone });
  return { text: ctx.t("settings-zone-saved", { zone: escapeHtml(zone) }) };
}

export function settingsView(ctx: BotContext, scope: ChatScope, page: Page) {
  const t: Translate = (key, variables) => ctx.t(key, variables);
  const settings = scope.chat.settings;
  const remote = scopeRef(scope);
  const place = placeOf(scope);
  // Settings belong to the whole chat, a forum's topics share them.
  const where = place.where === "thread" ? "chat" : place.where;
  const chatLocale = scope.chat.locale ?? ctx.config.defaultLocale;
  switch (page) {
    case "main": {
      const onOff = (value: boolean) => (value ? ctx.t("settings-on") : ctx.t("settings-off"));
      const text = ctx.t("settings-summary", {
        where,
        title: escapeHtml(place.title),
        delivery: describeDelivery(t, settings),
        zone: escapeHtml(settings.timeZone),
        quiet: describeQuiet(t, settings.quietHours),
        breaking: onOff(settings.breakingThroughQuiet),
        previews: onOff(settings.linkPreviews),
        images: onOff(settings.images),
        language: LANGUAGE_NAMES[chatLocale],
      });
      return { text, keyboard: withChannelBack(settingsMainKeyboard(t, settings, chatLocale, remote), remote, ctx.t("channel-back")) };
    }
    case "delivery":
      return { text: ctx.t("settings-delivery-choose"), keyboard: deliveryKeyboard(t, settings, remote) };
    case "zones":
      return { text: ctx.t("settings-zone-choose", { zone: escapeHtml(settings.timeZone) }), keyboard: zonesKeyboard(t, settings, remote) };
    case "quiet":
      return { text: ctx.t("settings-quiet-choose"), keyboard: quietKeyboard(t, settings, remote) };
    case "language":
      return { text: ctx.t("language-choose"), keyboard: languagesKeyboard(t, chatLocale, remote) };
  }
}
