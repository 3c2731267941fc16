// getFile and sendDocument (an upload, a file_id, or a URL), with Telegram's limits and wording.
import type { Message } from "grammy/types";
import { ApiError, badRequest } from "../api-error.ts";
import type { MethodHandler } from "../emulator-core.ts";
import { MAX_DOWNLOAD_BYTES, MAX_UPLOAD_BYTES, mimeTypeFor, type StoredFile } from "../files.ts";
import { isUpload, optString } from "../params.ts";
import { readInlineKeyboard } from "../reply-markup.ts";
import { captionContent } from "./sending.ts";

/** By URL, Telegram sends only GIF, PDF and ZIP files as documents. */
const URL_DOCUMENT = /\.(?:gif|pdf|zip)(?:[?#].*)?$/i;

const getFile: MethodHandler = (core, params) => {
  const fileId = optString(params, "file_id");
  if (fileId === undefined || fileId === "") throw badRequest("File_id not specified");
  const file = core.files.get(fileId);
  if (file === undefined) throw badRequest(core.knownFiles.has(fileId) ? "File is temporarily unavailable" : "Invalid file_id");
  if (file.size > MAX_DOWNLOAD_BYTES) throw badRequest("File is too big");
  return { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.size, file_path: core.files.pathFor(file) };
};

function resolveDocument(core: Parameters<MethodHandler>[0], params: Parameters<MethodHandler>[1]): { file: StoredFile; url?: string } {
  const document = params["document"];
  if (isUpload(document)) {
    if (document.data.length === 0) throw badRequest("File must be non-empty");
    if (document.data.length > MAX_UPLOAD_BYTES) throw new ApiError(413, "Request Entity Too Large");
    const fileName = document.filename === "" ? "document" : document.filename;
    return { file: core.files.add({ data: document.data, fileName, mimeType: mimeTypeFor(fileName) }) };
  }
  if (typeof document !== "string" || document.trim() === "") throw badRequest("There is no document in the request");
  if (/^https?:\/\//i.test(document)) {
    if (core.unreachableUrls.has(document)) throw badRequest("Failed to get HTTP URL content");
    if (!URL_DOCUMENT.test(new URL(document).pathname)) throw badRequest("Wrong type of the web page content");
    const fileName = decodeURIComponent(new URL(document).pathname.split("/").pop() ?? "document");
    return { file: core.files.add({ size: 100_000, fileName, mimeType: mimeTypeFor(fileName) }), url: document };
  }
  const known = core.files.get(document);
  if (known !== undefined) return { file: known };
  if (core.knownFiles.has(document)) throw badRequest("Type of file mismatch");
  throw badRequest("Wrong file identifier/HTTP URL specified");
}

const sendDocument: MethodHandler = (core, params) => {
  const chat = core.chatFromParams(params);
  core.assertCanSend(chat);
  const caption = captionContent(core, params);
  const { file, url } = resolveDocument(core, params);
  const markup = readInlineKeyboard(params);
  const content: Partial<Message> = { document: core.files.documentOf(file), ...caption };
  if (markup !== undefined) content.reply_markup = markup;
  const message = core.sendBotMessage(chat, params, content);
  core.files.recordSent({
    chatId: chat.id,
    messageId: message.message_id,
    fileId: file.fileId,
    ...(file.fileName !== undefined ? { fileName: file.fileName } : {}),
    ...(file.mimeType !== undefined ? { mimeType: file.mimeType } : {}),
    ...(message.caption !== undefined ? { caption: message.caption } : {}),
    ...(file.data !== undefined ? { data: file.data } : {}),
    ...(url !== undefined ? { url } : {}),
  });
  return message;
};

export const fileMethods: Record<string, MethodHandler> = { getFile, sendDocument };
