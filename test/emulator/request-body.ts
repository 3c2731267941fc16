// Turns an HTTP request into Bot API parameters: query string plus a JSON, form-urlencoded or
// multipart/form-data body (grammY uses multipart when the bot uploads a file).
import type { IncomingMessage } from "node:http";
import { ApiError, badRequest } from "./api-error.ts";
import type { Params, UploadedFile } from "./params.ts";

const MAX_BODY_BYTES = 60 * 1024 * 1024;

export async function readParams(req: IncomingMessage, query: URLSearchParams): Promise<Params> {
  const params: Params = Object.fromEntries(query.entries());
  const body = await readBody(req);
  if (body.length === 0) return params;
  const contentType = req.headers["content-type"] ?? "";
  if (contentType.includes("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw badRequest("Can't parse JSON object");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw badRequest("Can't parse JSON object");
    return { ...params, ...(parsed as Params) };
  }
  if (contentType.includes("application/x-www-form-urlencoded")) {
    return { ...params, ...Object.fromEntries(new URLSearchParams(body.toString("utf8")).entries()) };
  }
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (contentType.includes("multipart/form-data") && boundary !== null) {
    return { ...params, ...parseMultipart(body, boundary[1] ?? boundary[2] ?? "") };
  }
  return params;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ApiError(413, "Request Entity Too Large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/**
 * Fields become strings; parts with a filename become uploads. attach://name references resolve.
 * Hand-written on purpose: grammY writes `content-disposition:form-data;name="x";filename=<raw
 * UTF-8 name>` (no spaces, filename unquoted), which Telegram accepts but Node 20's
 * `Response.formData()` rejects outright and busboy 1.6 drops silently when the name is not
 * ASCII (checked on this machine), so neither could stand in for Telegram here.
 */
export function parseMultipart(body: Buffer, boundary: string): Params {
  const fields: Params = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let position = body.indexOf(delimiter);
  while (position !== -1) {
    let start = position + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    if (body.subarray(start, start + 2).toString() === "\r\n") start += 2;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    // The part ends with CRLF before the next delimiter.
    const part = body.subarray(start, next - 2);
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString("utf8");
      const content = part.subarray(headerEnd + 4);
      const name = /(?:^|[;\s:])name="([^"]*)"/i.exec(headers)?.[1];
      // grammY writes filename=… without quotes.
      const filenameMatch = /filename=(?:"([^"]*)"|([^;\r\n]*))/i.exec(headers);
      const filename = filenameMatch === null ? undefined : (filenameMatch[1] ?? filenameMatch[2] ?? "").trim();
      const contentType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? "application/octet-stream";
      if (name !== undefined) {
        if (filename !== undefined) {
          const upload: UploadedFile = { kind: "upload", filename, contentType, data: Buffer.from(content) };
          fields[name] = upload;
        } else {
          fields[name] = content.toString("utf8");
        }
      }
    }
    position = next;
  }
  // grammY sends `photo: "attach://<id>"` with the file in the part named <id>.
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "string" && value.startsWith("attach://")) {
      const attached = fields[value.slice("attach://".length)];
      if (attached !== undefined) fields[key] = attached;
    }
  }
  return fields;
}
