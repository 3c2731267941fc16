// Files as the Bot API keeps them: each has a file_id (what messages carry), a file_unique_id, and
// once getFile was called a file_path under which GET /file/bot<token>/<file_path> serves the bytes.
// Documents the bot sends are recorded with their bytes, so a test can read what the bot sent.
import type { Document } from "grammy/types";

/** Telegram's limits: bots upload at most 50 MB, and download (getFile) at most 20 MB. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  /** Where the download endpoint serves it; set by the first getFile, as on Telegram. */
  filePath?: string;
  fileName?: string;
  mimeType?: string;
  /** The bytes; absent for a document the bot sent by URL (the emulator fetches nothing). */
  data?: Buffer;
  size: number;
}

/** A document the bot sent: the message it became, and what was in it. */
export interface SentDocument {
  chatId: number;
  messageId: number;
  fileName?: string;
  mimeType?: string;
  caption?: string;
  /** The uploaded bytes, or those of the file a file_id named. */
  data?: Buffer;
  /** When sent by URL. */
  url?: string;
  fileId: string;
}

/** Telegram guesses a document's MIME type from its name (grammY uploads everything as octet-stream). */
const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: "application/pdf",
  zip: "application/zip",
  gif: "image/gif",
  txt: "text/plain",
  csv: "text/csv",
  json: "application/json",
  xml: "text/xml",
  opml: "text/x-opml",
  html: "text/html",
};

export function mimeTypeFor(fileName: string | undefined): string {
  const extension = fileName?.split(".").pop()?.toLowerCase() ?? "";
  return MIME_BY_EXTENSION[extension] ?? "application/octet-stream";
}

export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private readonly sentByChat = new Map<number, SentDocument[]>();
  private next = 1;

  /** Stores bytes (or a URL's placeholder) and gives them a document file_id. */
  add(file: { data?: Buffer; size?: number; fileName?: string; mimeType?: string }): StoredFile {
    const n = (this.next++).toString(36).padStart(6, "0");
    const stored: StoredFile = {
      fileId: `BQACAgIAAxkBAAI${n}`,
      fileUniqueId: `AgAD${n}`,
      size: file.data?.length ?? file.size ?? 0,
      ...(file.data !== undefined ? { data: file.data } : {}),
      ...(file.fileName !== undefined ? { fileName: file.fileName } : {}),
      ...(file.mimeType !== undefined ? { mimeType: file.mimeType } : {}),
    };
    this.byId.set(stored.fileId, stored);
    return stored;
  }

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  /** getFile: the file gets its path on first request; it stays the same after. */
  pathFor(file: StoredFile): string {
    if (file.filePath === undefined) {
      const extension = file.fileName?.includes(".") ? `.${file.fileName.split(".").pop() ?? ""}` : "";
      file.filePath = `documents/file_${this.byPath.size}${extension}`;
      this.byPath.set(file.filePath, file);
    }
    return file.filePath;
  }

  atPath(filePath: string): StoredFile | undefined {
    return this.byPath.get(filePath);
  }

  /** The Document object messages carry. */
  documentOf(file: StoredFile): Document {
    return {
      file_id: file.fileId,
      file_unique_id: file.fileUniqueId,
      ...(file.fileName !== undefined ? { file_name: file.fileName } : {}),
      ...(file.mimeType !== undefined ? { mime_type: file.mimeType } : {}),
      file_size: file.size,
    };
  }

  recordSent(document: SentDocument): void {
    const list = this.sentByChat.get(document.chatId) ?? [];
    list.push(document);
    this.sentByChat.set(document.chatId, list);
  }

  sentTo(chatId: number): SentDocument[] {
    return [...(this.sentByChat.get(chatId) ?? [])];
  }
}
