/**
 * Builds the bot: plugins in the order they depend on each other, then one Composer per
 * feature. Nothing here starts polling; see `run/` for that.
 */
import { autoRetry } from "@grammyjs/auto-retry";
import { conversations, createConversation } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { Bot, session } from "grammy";
import { createI18n } from "../i18n/index.ts";
import type { BotConfig, BotContext, BotDeps, ConversationContext, CoreContext, SessionData } from "./context.ts";
import { handleUpdateError } from "./error-handler.ts";
import { channelsFeature } from "./features/channels.ts";
import { fallbackFeature } from "./features/fallback.ts";
import { languageFeature } from "./features/language.ts";
import { membershipFeature } from "./features/membership.ts";
import { promptsFeature } from "./features/prompts.ts";
import { settingsFeature } from "./features/settings.ts";
import { TOPIC_WIZARD, topicWizard } from "./features/topic-wizard.ts";
import { BREAKING, breakingConversation } from "./features/breaking.ts";
import { broadcastAdminFeature } from "./features/broadcast-admin.ts";
import { adminsFeature } from "./features/admins.ts";
import { startFeature } from "./features/start.ts";
import { sourcesFeature } from "./features/sources.ts";
import { subscribeDeepLink, subscribeFeature } from "./features/subscribe.ts";
import { topicAdminFeature } from "./features/topic-admin.ts";
import { topicsFeature } from "./features/topics.ts";
import { relatedFeature } from "./features/related.ts";
import { searchFeature } from "./features/search.ts";
import { inlineFeature } from "./features/inline.ts";
import { chatRecord } from "./middlewares/chat-record.ts";
import { updateContext } from "./middlewares/update-context.ts";
import { updateGate, updateSequenceKey } from "./middlewares/update-gate.ts";
import { stateStorage } from "./storage.ts";

export interface CreateBotOptions {
  /** Where the Bot API lives: Telegram's, a self-hosted server, or the test emulator. */
  apiRoot: string;
  /** Bot info to skip the getMe call (tests). */
  botInfo?: Bot<BotContext>["botInfo"];
  /** Hears of every update handled and every handler that failed (the operator's metrics). */
  observer?: UpdateObserver;
}

export interface UpdateObserver {
  handled(updateType: string, seconds: number): void;
  failed(): void;
}

export function createBot(token: string, deps: BotDeps, botConfig: BotConfig, options: CreateBotOptions) {
  const bot = new Bot<BotContext>(token, {
    client: { apiRoot: options.apiRoot },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  // Replies ride out Telegram's flood waits, but never for long: a stuck reply holds the chat's queue.
  // Network failures are not retried here: the error boundary logs them and the chat moves on.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowHttpErrors: true }));

  const i18n = createI18n<CoreContext>({ defaultLocale: botConfig.defaultLocale, localeNegotiator: (ctx) => ctx.locale });

  const observer = options.observer;
  if (observer) {
    bot.use(async (ctx, next) => {
      const started = performance.now();
      try {
        await next();
      } finally {
        observer.handled(Object.keys(ctx.update).find((key) => key !== "update_id") ?? "unknown", (performance.now() - started) / 1000);
      }
    });
  }
  bot.use(updateContext(deps, botConfig));
  const protectedBot = bot.errorBoundary((error) => {
    observer?.failed();
    return handleUpdateError(error);
  });
  // One chat's updates in order within this process, then across processes (the store's lock).
  protectedBot.use(sequentialize(updateSequenceKey));
  protectedBot.use(updateGate());
  protectedBot.use(chatRecord());
  protectedBot.use(i18n.middleware());
  protectedBot.use(
    session<SessionData, BotContext>({
      initial: () => ({}),
      getSessionKey: (ctx) => ctx.chat?.id.toString(),
      storage: stateStorage<SessionData>(deps.store.state, "session"),
    }),
  );
  protectedBot.use(
    conversations<BotContext, ConversationContext>({
      // Bump `version` whenever a conversation's code changes: replays of the old code would go astray.
      storage: { type: "key", version: 2, adapter: stateStorage(deps.store.state, "conversation") },
      // A conversation's context starts bare: give it the same logger, chat and locale.
      plugins: [updateContext(deps, botConfig), chatRecord(), i18n.middleware()],
    }),
  );
  protectedBot.use(createConversation(topicWizard, TOPIC_WIZARD));
  protectedBot.use(createConversation(breakingConversation, BREAKING));

  protectedBot.use(membershipFeature());
  protectedBot.use(startFeature([subscribeDeepLink]));
  protectedBot.use(languageFeature());
  protectedBot.use(topicsFeature());
  protectedBot.use(subscribeFeature());
  protectedBot.use(settingsFeature());
  protectedBot.use(channelsFeature());
  protectedBot.use(topicAdminFeature());
  protectedBot.use(broadcastAdminFeature());
  protectedBot.use(adminsFeature(i18n));
  protectedBot.use(sourcesFeature());
  protectedBot.use(relatedFeature());
  protectedBot.use(searchFeature());
  protectedBot.use(inlineFeature());
  // Answers to the bot's questions: after every command, before the catch-all.
  protectedBot.use(promptsFeature());
  protectedBot.use(fallbackFeature());

  return { bot, i18n };
}

export type NewsBot = ReturnType<typeof createBot>["bot"];
