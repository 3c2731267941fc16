// Reading Bot API parameters, which arrive as JSON values, or as strings from query strings,
// form-urlencoded and multipart bodies (objects then come JSON-encoded).
import { badRequest } from "./api-error.ts";

export type Params = Record<string, unknown>;

/** An uploaded file from a multipart body. */
export interface UploadedFile {
  kind: "upload";
  filename: string;
  contentType: string;
  data: Buffer;
}

export function isUpload(value: unknown): value is UploadedFile {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "upload";
}

export function optString(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

export function optInt(params: Params, name: string): number | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === "") return undefined;
  const number = typeof value === "number" ? value : typeof value === "string" && /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isInteger(number)) throw badRequest(`Invalid ${name} specified`);
  return number;
}

export function optBool(params: Params, name: string): boolean | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === "") return undefined;
  return value === true || value === "true" || value === 1 || value === "1" || value === "True";
}

/** An object parameter that may come JSON-encoded; `error` is Telegram's wording when it is not JSON. */
export function optJson(params: Params, name: string, error: string): unknown {
  const value = params[name];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw badRequest(error);
  }
}

/** Whole-message identifier, required. */
export function requireMessageId(params: Params, name = "message_id"): number {
  const id = optInt(params, name);
  if (id === undefined) throw badRequest("Message identifier is not specified");
  return id;
}

/** `chat_id`: an integer or "@username". */
export function chatIdParam(params: Params, name = "chat_id"): number | string {
  const value = params[name];
  if (value === undefined || value === null || value === "") throw badRequest(`${name} is empty`);
  if (typeof value === "number") return value;
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (/^-?\d+$/.test(trimmed)) return Number(trimmed);
    return trimmed;
  }
  throw badRequest("Chat not found");
}

/** For the calls log: uploads are summarised rather than kept as buffers. */
export function paramsForLog(params: Params): Params {
  const copy: Params = {};
  for (const [key, value] of Object.entries(params)) {
    copy[key] = isUpload(value) ? { upload: value.filename, bytes: value.data.length } : value;
  }
  return copy;
}
