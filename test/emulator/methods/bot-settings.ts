// Bot commands per scope and language, the menu button, and the bot's name and descriptions.
import type { BotCommand, BotCommandScope, MenuButton } from "grammy/types";
import { badRequest } from "../api-error.ts";
import type { EmulatorCore, MethodHandler } from "../emulator-core.ts";
import { optJson, optString, type Params } from "../params.ts";

const SCOPE_TYPES = new Set(["default", "all_private_chats", "all_group_chats", "all_chat_administrators", "chat", "chat_administrators", "chat_member"]);

/** Storage key of a scope + language; chat scopes are checked against known chats. */
export function commandsKey(core: EmulatorCore, scope: BotCommandScope | undefined, languageCode: string): string {
  const type = scope?.type ?? "default";
  if (!SCOPE_TYPES.has(type)) throw badRequest("Unsupported bot command scope type");
  let target = "";
  if (scope !== undefined && (scope.type === "chat" || scope.type === "chat_administrators" || scope.type === "chat_member")) {
    const chat = core.chatFromParams({ chat_id: scope.chat_id });
    target = String(chat.id);
    if (scope.type === "chat_member") {
      if (typeof scope.user_id !== "number" || !core.world.users.has(scope.user_id)) throw badRequest("User not found");
      target += `:${scope.user_id}`;
    }
  }
  return `${type}:${target}|${languageCode}`;
}

function scopeAndLanguage(core: EmulatorCore, params: Params): string {
  const scope = optJson(params, "scope", "Can't parse BotCommandScope JSON object") as BotCommandScope | undefined;
  if (scope !== undefined && (typeof scope !== "object" || scope === null)) throw badRequest("Can't parse BotCommandScope JSON object");
  const languageCode = optString(params, "language_code") ?? "";
  if (languageCode !== "" && !/^[a-z]{2}$/.test(languageCode)) throw badRequest("Invalid language code specified");
  return commandsKey(core, scope, languageCode);
}

const setMyCommands: MethodHandler = (core, params) => {
  const commands = optJson(params, "commands", "Can't parse commands JSON object");
  if (!Array.isArray(commands)) throw badRequest("Can't parse commands JSON object");
  if (commands.length > 100) throw badRequest("Too many commands specified");
  const clean: BotCommand[] = commands.map((raw: unknown) => {
    const { command, description } = (raw ?? {}) as { command?: unknown; description?: unknown };
    if (typeof command !== "string" || !/^[a-z0-9_]{1,32}$/.test(command.replace(/^\//, ""))) throw badRequest("BOT_COMMAND_INVALID");
    if (typeof description !== "string" || description.trim() === "" || description.length > 256) {
      throw badRequest("Command description must be non-empty and at most 256 characters");
    }
    return { command: command.replace(/^\//, ""), description };
  });
  const key = scopeAndLanguage(core, params);
  if (clean.length === 0) core.commands.delete(key);
  else core.commands.set(key, clean);
  return true;
};

const getMyCommands: MethodHandler = (core, params) => core.commands.get(scopeAndLanguage(core, params)) ?? [];

const deleteMyCommands: MethodHandler = (core, params) => {
  core.commands.delete(scopeAndLanguage(core, params));
  return true;
};

const DEFAULT_MENU_BUTTON: MenuButton = { type: "commands" };

const setChatMenuButton: MethodHandler = (core, params) => {
  const button = optJson(params, "menu_button", "Can't parse menu button JSON object") as MenuButton | undefined;
  if (button !== undefined && !["commands", "web_app", "default"].includes((button as { type?: unknown }).type as string)) {
    throw badRequest("Unsupported menu button type");
  }
  if (params["chat_id"] === undefined) {
    core.defaultMenuButton = button ?? { type: "default" };
    return true;
  }
  const chat = core.chatFromParams(params);
  if (chat.type !== "private") throw badRequest("Chat must be a private chat");
  chat.menuButton = button ?? { type: "default" };
  return true;
};

const getChatMenuButton: MethodHandler = (core, params) => {
  if (params["chat_id"] === undefined) return core.defaultMenuButton ?? DEFAULT_MENU_BUTTON;
  const chat = core.chatFromParams(params);
  const own = chat.menuButton;
  return own === undefined || own.type === "default" ? core.defaultMenuButton ?? DEFAULT_MENU_BUTTON : own;
};

/** setMyName / setMyDescription / setMyShortDescription and their getters, per language. */
function textSetting(field: "name" | "description" | "short_description", max: number): Record<string, MethodHandler> {
  const key = (params: Params): string => `${field}|${optString(params, "language_code") ?? ""}`;
  const set: MethodHandler = (core, params) => {
    const value = optString(params, field) ?? "";
    if (value.length > max) throw badRequest(`Bot ${field.replace("_", " ")} is too long`);
    if (value === "") core.botTexts.delete(key(params));
    else core.botTexts.set(key(params), value);
    return true;
  };
  const get: MethodHandler = (core, params) => ({ [field]: core.botTexts.get(key(params)) ?? (field === "name" ? core.botUser.first_name : "") });
  const pascal = field === "name" ? "Name" : field === "description" ? "Description" : "ShortDescription";
  return { [`setMy${pascal}`]: set, [`getMy${pascal}`]: get };
}

export const botSettingsMethods: Record<string, MethodHandler> = {
  setMyCommands,
  getMyCommands,
  deleteMyCommands,
  setChatMenuButton,
  getChatMenuButton,
  ...textSetting("name", 64),
  ...textSetting("description", 512),
  ...textSetting("short_description", 120),
};
