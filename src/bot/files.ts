/**
 * Downloading a file a user sent: getFile, then the Bot API's file URL (or, from a local Bot API
 * server, the absolute path it answers with). Not the grammY files plugin: @grammyjs/files 1.2
 * downloads with `https.get`, so it fails against an http:// apiRoot (a self-hosted Bot API
 * server, the test emulator) with ERR_INVALID_PROTOCOL, and it neither checks the HTTP status
 * nor caps the size.
 */
import { readFile, stat } from "node:fs/promises";
import { isAbsolute } from "node:path";
import { GrammyError, type Api } from "grammy";

const DOWNLOAD_TIMEOUT_MS = 30_000;

/** Why a file could not be had; `tooBig` is the user's to fix, the rest is worth a retry. */
export class FileDownloadError extends Error {
  constructor(
    message: string,
    readonly tooBig = false,
  ) {
    super(message);
    this.name = "FileDownloadError";
  }
}

export async function downloadFile(api: Api, fileId: string, maxBytes: number): Promise<Buffer> {
  const file = await api.getFile(fileId).catch((error: unknown) => {
    // Telegram serves bots files up to 20 MB: "Bad Request: file is too big".
    if (error instanceof GrammyError) throw new FileDownloadError(error.description, /too big/i.test(error.description));
    throw error;
  });
  if (file.file_size !== undefined && file.file_size > maxBytes) throw new FileDownloadError(`the file has ${file.file_size} bytes`, true);
  const path = file.file_path;
  if (path === undefined) throw new FileDownloadError("Telegram gave no file path");
  if (isAbsolute(path)) return readLocalFile(path, maxBytes);
  const root = api.options?.apiRoot ?? "https://api.telegram.org";
  const prefix = api.options?.environment === "test" ? "test/" : "";
  const response = await fetch(`${root}/file/bot${api.token}/${prefix}${path}`, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) }).catch((error: unknown) => {
    throw new FileDownloadError(`the file could not be downloaded: ${error instanceof Error ? error.message : String(error)}`);
  });
  if (!response.ok || response.body === null) {
    await response.body?.cancel();
    throw new FileDownloadError(`the file URL answered HTTP ${response.status}`);
  }
  return readCapped(response.body, maxBytes);
}

/** A local Bot API server (`--local`) keeps files on its disk and answers with their path. */
async function readLocalFile(path: string, maxBytes: number): Promise<Buffer> {
  const size = (await stat(path)).size;
  if (size > maxBytes) throw new FileDownloadError(`the file has ${size} bytes`, true);
  return readFile(path);
}

async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    // Throwing ends the loop, which cancels the stream.
    if (size > maxBytes) {
      throw new FileDownloadError(`the file has more than ${maxBytes} bytes`, true);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
