// sendMessage, sendPhoto, copyMessage, forwardMessage, sendChatAction.
import type { Message, PhotoSize } from "grammy/types";
import { badRequest } from "../api-error.ts";
import type { EmulatorCore, MethodHandler } from "../emulator-core.ts";
import { formatText } from "../formatting/formatted-text.ts";
import { isUpload, optBool, optString, requireMessageId, type Params } from "../params.ts";
import { readInlineKeyboard } from "../reply-markup.ts";

const sendMessage: MethodHandler = (core, params) => {
  const chat = core.chatFromParams(params);
  core.assertCanSend(chat);
  const text = optString(params, "text");
  if (text === undefined) throw badRequest("Message text is empty");
  const formatted = formatText({ text, parseMode: optString(params, "parse_mode"), entities: params["entities"] }, "text", core.lookupUser);
  const markup = readInlineKeyboard(params);
  const preview = core.linkPreviewOptions(params);
  const content: Partial<Message> = { text: formatted.text };
  if (formatted.entities.length > 0) content.entities = formatted.entities;
  if (preview !== undefined) content.link_preview_options = preview;
  if (markup !== undefined) content.reply_markup = markup;
  return core.sendBotMessage(chat, params, content);
};

/** A caption (optional) with its parse mode or entities, as sendPhoto and copyMessage take it. */
export function captionContent(core: EmulatorCore, params: Params): Partial<Message> {
  const caption = optString(params, "caption");
  if (caption === undefined) return {};
  const formatted = formatText({ text: caption, parseMode: optString(params, "parse_mode"), entities: params["caption_entities"] }, "caption", core.lookupUser);
  if (formatted.text === "") return {};
  return formatted.entities.length > 0 ? { caption: formatted.text, caption_entities: formatted.entities } : { caption: formatted.text };
}

/** Width and height of a PNG upload; other formats get a plausible default. */
function imageSize(data: Buffer): { width: number; height: number } {
  if (data.length >= 24 && data.readUInt32BE(0) === 0x89504e47) return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  return { width: 800, height: 600 };
}

function resolvePhoto(core: EmulatorCore, params: Params): PhotoSize[] {
  const photo = params["photo"];
  if (isUpload(photo)) {
    if (photo.data.length === 0) throw badRequest("File must be non-empty");
    const { width, height } = imageSize(photo.data);
    return core.newPhoto(width, height, photo.data.length);
  }
  if (typeof photo !== "string" || photo === "") throw badRequest("There is no photo in the request");
  if (/^https?:\/\//i.test(photo)) {
    if (core.unreachableUrls.has(photo)) throw badRequest("Failed to get HTTP URL content");
    return core.newPhoto(1280, 720, 120_000);
  }
  const known = core.knownFiles.get(photo);
  if (known === undefined) throw badRequest("Wrong file identifier/HTTP URL specified");
  return known;
}

const sendPhoto: MethodHandler = (core, params) => {
  const chat = core.chatFromParams(params);
  core.assertCanSend(chat);
  const caption = captionContent(core, params);
  const photo = resolvePhoto(core, params);
  const markup = readInlineKeyboard(params);
  const content: Partial<Message> = { photo, ...caption };
  if (optBool(params, "has_spoiler") === true) content.has_media_spoiler = true;
  if (optBool(params, "show_caption_above_media") === true) content.show_caption_above_media = true;
  if (markup !== undefined) content.reply_markup = markup;
  return core.sendBotMessage(chat, params, content);
};

/** The message to copy or forward, which the bot must be able to see. */
function sourceMessage(core: EmulatorCore, params: Params, missing: string): Message {
  const fromChat = core.chatFromParams(params, "from_chat_id");
  core.assertReachable(fromChat);
  const stored = core.world.liveMessage(fromChat, requireMessageId(params));
  if (stored === undefined) throw badRequest(missing);
  if (stored.sentBy === "service") throw badRequest("Message can't be copied");
  return stored.message;
}

const copyMessage: MethodHandler = (core, params) => {
  const chat = core.chatFromParams(params);
  core.assertCanSend(chat);
  const source = sourceMessage(core, params, "Message to copy not found");
  const content: Partial<Message> = {};
  if (source.text !== undefined) {
    content.text = source.text;
    if (source.entities !== undefined) content.entities = source.entities;
  } else if (source.photo !== undefined) {
    content.photo = source.photo;
    const override = params["caption"] !== undefined ? captionContent(core, params) : { caption: source.caption, caption_entities: source.caption_entities };
    if (override.caption !== undefined) content.caption = override.caption;
    if (override.caption_entities !== undefined) content.caption_entities = override.caption_entities;
  } else {
    throw badRequest("Message can't be copied");
  }
  const markup = readInlineKeyboard(params);
  if (markup !== undefined) content.reply_markup = markup;
  return { message_id: core.sendBotMessage(chat, params, content).message_id };
};

const forwardMessage: MethodHandler = (core, params) => {
  const chat = core.chatFromParams(params);
  core.assertCanSend(chat);
  const source = sourceMessage(core, params, "Message to forward not found");
  const origin: Message["forward_origin"] =
    source.chat.type === "channel"
      ? { type: "channel", chat: source.chat, message_id: source.message_id, date: source.date }
      : source.from !== undefined
        ? { type: "user", sender_user: source.from, date: source.date }
        : { type: "hidden_user", sender_user_name: "Unknown", date: source.date };
  const content: Partial<Message> = { forward_origin: origin };
  for (const key of ["text", "entities", "photo", "caption", "caption_entities"] as const) {
    if (source[key] !== undefined) Object.assign(content, { [key]: source[key] });
  }
  return core.sendBotMessage(chat, params, content);
};

const CHAT_ACTIONS = new Set([
  "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document",
  "choose_sticker", "find_location", "record_video_note", "upload_video_note",
]);

const sendChatAction: MethodHandler = (core, params) => {
  const chat = core.chatFromParams(params);
  core.assertCanSend(chat);
  const action = optString(params, "action") ?? "";
  if (!CHAT_ACTIONS.has(action)) throw badRequest("Wrong parameter action in request");
  const threadId = params["message_thread_id"];
  core.chatActions.push({ chatId: chat.id, action, at: Date.now(), ...(typeof threadId === "number" ? { messageThreadId: threadId } : {}) });
  return true;
};

export const sendingMethods: Record<string, MethodHandler> = { sendMessage, sendPhoto, copyMessage, forwardMessage, sendChatAction };
