/**
 * An HTTP server on 127.0.0.1 at a free port, for the local newsroom's outlets and the ingestion
 * tests' sites: started once here, so each site only answers requests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface LoopbackServer {
  /** "http://127.0.0.1:<port>". */
  origin: string;
  /** Drops open connections (keep-alive clients) and stops listening. */
  close(): Promise<void>;
}

export async function listenOnLoopback(handle: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>): Promise<LoopbackServer> {
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Answers a feed request as a real site's server would: an ETag from the site's version, and
 * 304 Not Modified when the client already has that version (so pollers' conditional GETs work).
 */
export function answerFeed(req: IncomingMessage, res: ServerResponse, version: number, feed: () => string): void {
  const etag = `"v${version}"`;
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, { etag }).end();
    return;
  }
  res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag });
  res.end(feed());
}
