// editMessageText, editMessageCaption, editMessageReplyMarkup, deleteMessage, deleteMessages.
import type { InlineKeyboardMarkup, Message, MessageEntity } from "grammy/types";
import { badRequest } from "../api-error.ts";
import type { EmulatorCore, MethodHandler } from "../emulator-core.ts";
import { formatText } from "../formatting/formatted-text.ts";
import { optJson, optString, requireMessageId, type Params } from "../params.ts";
import { readInlineKeyboard } from "../reply-markup.ts";
import type { ChatRecord } from "../world.ts";

const NOT_MODIFIED =
  "Message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

/** The bot message an edit targets. Inline messages (inline_message_id) are not emulated. */
function editTarget(core: EmulatorCore, params: Params): { chat: ChatRecord; message: Message } {
  if (params["inline_message_id"] !== undefined && params["chat_id"] === undefined) throw badRequest("MESSAGE_ID_INVALID");
  const chat = core.chatFromParams(params);
  core.assertCanSend(chat);
  const stored = core.world.liveMessage(chat, requireMessageId(params));
  if (stored === undefined) throw badRequest("Message to edit not found");
  if (stored.sentBy !== "bot") throw badRequest("Message can't be edited");
  return { chat, message: stored.message };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The edited message: the old one with new fields; `undefined` values remove a field. */
function edited(core: EmulatorCore, old: Message, changes: Partial<Record<keyof Message, unknown>>): Message {
  const next: Record<string, unknown> = { ...old, ...changes, edit_date: core.nowSeconds() };
  for (const [key, value] of Object.entries(next)) if (value === undefined) delete next[key];
  return next as unknown as Message;
}

function entitiesOrUndefined(entities: MessageEntity[]): MessageEntity[] | undefined {
  return entities.length > 0 ? entities : undefined;
}

const editMessageText: MethodHandler = (core, params) => {
  const { chat, message } = editTarget(core, params);
  if (message.text === undefined) throw badRequest("There is no text in the message to edit");
  const text = optString(params, "text");
  if (text === undefined) throw badRequest("Message text is empty");
  const formatted = formatText({ text, parseMode: optString(params, "parse_mode"), entities: params["entities"] }, "text", core.lookupUser);
  const markup = readInlineKeyboard(params);
  const entities = entitiesOrUndefined(formatted.entities);
  if (formatted.text === message.text && same(entities, message.entities) && same(markup, message.reply_markup)) {
    throw badRequest(NOT_MODIFIED);
  }
  const preview = core.linkPreviewOptions(params);
  return core.applyEdit(
    chat,
    edited(core, message, { text: formatted.text, entities, reply_markup: markup, link_preview_options: preview ?? message.link_preview_options }),
  );
};

const editMessageCaption: MethodHandler = (core, params) => {
  const { chat, message } = editTarget(core, params);
  if (message.text !== undefined) throw badRequest("There is no caption in the message to edit");
  const caption = optString(params, "caption");
  const formatted =
    caption === undefined
      ? { text: "", entities: [] }
      : formatText({ text: caption, parseMode: optString(params, "parse_mode"), entities: params["caption_entities"] }, "caption", core.lookupUser);
  const markup = readInlineKeyboard(params);
  const newCaption = formatted.text === "" ? undefined : formatted.text;
  const entities = entitiesOrUndefined(formatted.entities);
  if (newCaption === message.caption && same(entities, message.caption_entities) && same(markup, message.reply_markup)) {
    throw badRequest(NOT_MODIFIED);
  }
  return core.applyEdit(chat, edited(core, message, { caption: newCaption, caption_entities: entities, reply_markup: markup }));
};

const editMessageReplyMarkup: MethodHandler = (core, params) => {
  const { chat, message } = editTarget(core, params);
  const markup: InlineKeyboardMarkup | undefined = readInlineKeyboard(params);
  if (same(markup, message.reply_markup)) throw badRequest(NOT_MODIFIED);
  return core.applyEdit(chat, edited(core, message, { reply_markup: markup }));
};

/** Bots delete their own messages anywhere, anything in private chats, others' only as group admins. */
function deleteOne(core: EmulatorCore, chat: ChatRecord, messageId: number): boolean {
  const stored = core.world.liveMessage(chat, messageId);
  if (stored === undefined) return false;
  const status = core.world.botStatus(chat);
  const isAdmin = status === "administrator" || status === "creator";
  if (stored.sentBy !== "bot" && chat.type !== "private" && !isAdmin) throw badRequest("Message can't be deleted");
  stored.deleted = true;
  return true;
}

const deleteMessage: MethodHandler = (core, params) => {
  const chat = core.chatFromParams(params);
  core.assertReachable(chat);
  if (!deleteOne(core, chat, requireMessageId(params))) throw badRequest("Message to delete not found");
  return true;
};

const deleteMessages: MethodHandler = (core, params) => {
  const chat = core.chatFromParams(params);
  core.assertReachable(chat);
  const ids = optJson(params, "message_ids", "Can't parse message identifiers JSON object");
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > 100) throw badRequest("Message identifiers are not specified");
  let deleted = 0;
  for (const id of ids) if (typeof id === "number" && deleteOne(core, chat, id)) deleted++;
  if (deleted === 0) throw badRequest("Message to delete not found");
  return true;
};

export const editingMethods: Record<string, MethodHandler> = {
  editMessageText,
  editMessageCaption,
  editMessageReplyMarkup,
  deleteMessage,
  deleteMessages,
};
