// HTTP transport on 127.0.0.1: /bot<token>/<method>, answers always JSON with the HTTP status
// equal to error_code, like api.telegram.org.
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApiError, notFound, unauthorized } from "./api-error.ts";
import type { EmulatorCore } from "./emulator-core.ts";
import { readParams } from "./request-body.ts";

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.writableEnded) return;
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
  res.end(json);
}

function sendError(res: ServerResponse, error: ApiError): void {
  send(res, error.errorCode, {
    ok: false,
    error_code: error.errorCode,
    description: error.description,
    ...(error.parameters !== undefined ? { parameters: error.parameters } : {}),
  });
}

/** GET /file/bot<token>/<file_path>: the bytes of a file getFile gave a path to. */
function serveFile(core: EmulatorCore, res: ServerResponse, token: string, filePath: string): void {
  if (token !== core.options.botToken) return sendError(res, unauthorized());
  const file = core.files.atPath(filePath);
  if (file?.data === undefined) return sendError(res, notFound());
  res.writeHead(200, { "content-type": file.mimeType ?? "application/octet-stream", "content-length": file.data.length });
  res.end(file.data);
}

export async function startServer(core: EmulatorCore): Promise<{ server: Server; apiRoot: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const download = /^\/file\/bot([^/]*)\/(.+)$/.exec(url.pathname);
    if (download !== null) return serveFile(core, res, download[1] ?? "", decodeURIComponent(download[2] ?? ""));
    const match = /^\/bot([^/]*)\/([^/]+)$/.exec(url.pathname);
    if (match === null) return sendError(res, notFound());
    if (match[1] !== core.options.botToken) return sendError(res, unauthorized());
    const method = match[2] ?? "";
    // Held long polls would otherwise dominate "requests in flight".
    const counts = method.toLowerCase() !== "getupdates";
    core.stats.requestStarted(counts);
    let errorCode: number | undefined;
    void (async () => {
      try {
        const params = await readParams(req, url.searchParams);
        if (core.options.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, core.options.latencyMs));
        const answer = await core.call(method, params, {
          onClientGone: (cleanup) => res.on("close", () => !res.writableEnded && cleanup()),
        });
        send(res, 200, { ok: true, result: answer.result, ...(answer.description !== undefined ? { description: answer.description } : {}) });
      } catch (error) {
        const apiError = error instanceof ApiError ? error : new ApiError(500, "Internal Server Error");
        errorCode = apiError.errorCode;
        sendError(res, apiError);
      } finally {
        core.stats.requestFinished(counts, errorCode);
      }
    })();
  });
  // Node's client agent drops a kept-alive socket one second before the server's advertised
  // timeout, so a one-second timeout would make every request open a new connection (real
  // Telegram keeps them). close() cuts idle sockets with closeAllConnections() anyway.
  server.keepAliveTimeout = 5000;
  server.on("connection", () => core.stats.connectionOpened());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(core.options.port, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { server, apiRoot: `http://127.0.0.1:${port}` };
}

export function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
