// Errors as the Bot API reports them: `{ ok: false, error_code, description, parameters? }` with the
// HTTP status equal to error_code. Descriptions follow Telegram's "<Kind>: <detail>" wording.
import type { ResponseParameters } from "grammy/types";

export class ApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
    this.name = "ApiError";
  }
}

/** 400 "Bad Request: …" — the detail starts lower-case, as the Bot API prints tdlib's messages. */
export function badRequest(detail: string, parameters?: ResponseParameters): ApiError {
  return new ApiError(400, `Bad Request: ${lowerFirst(detail)}`, parameters);
}

export function forbidden(detail: string): ApiError {
  return new ApiError(403, `Forbidden: ${detail}`);
}

export function tooManyRequests(retryAfter: number): ApiError {
  return new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
}

export function conflict(detail: string): ApiError {
  return new ApiError(409, `Conflict: ${detail}`);
}

export const unauthorized = (): ApiError => new ApiError(401, "Unauthorized");
export const notFound = (): ApiError => new ApiError(404, "Not Found");

// Server error codes such as "BUTTON_DATA_INVALID" stay upper-case; sentences start lower-case.
function lowerFirst(text: string): string {
  return /^[A-Z][a-z ]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
