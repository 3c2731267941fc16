/** A local HTTP server on 127.0.0.1 for the client tests; it records every request it sees. */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { FetchConfig } from "../../../src/config/index.ts";

export type Handler = (req: IncomingMessage, res: ServerResponse, server: LocalServer) => void;

export interface LocalServer {
  base: string;
  port: number;
  /** "METHOD /path" of every request received, in order. */
  requests: string[];
  /** TCP connections accepted, with or without a request on them. */
  connections: number;
  /** The headers of the last request received. */
  lastHeaders: IncomingMessage["headers"];
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Handler>): Promise<LocalServer> {
  const state: LocalServer = { base: "", port: 0, requests: [], connections: 0, lastHeaders: {}, close: async () => undefined };
  const server = createServer((req, res) => {
    state.requests.push(`${req.method} ${req.url}`);
    state.lastHeaders = req.headers;
    res.on("error", () => undefined);
    const path = (req.url ?? "/").split("?")[0] as string;
    const handler = routes[path];
    if (handler) handler(req, res, state);
    else {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  server.on("connection", () => state.connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.port = (server.address() as AddressInfo).port;
  state.base = `http://127.0.0.1:${state.port}`;
  state.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return state;
}

export const TEST_CONFIG: FetchConfig = {
  allowPrivateHosts: true,
  userAgent: "newsbrief/test (+https://example.org/newsbrief)",
  timeoutMs: 5_000,
  connectTimeoutMs: 2_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
};
