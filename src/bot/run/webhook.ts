/**
 * Webhook mode on node:http. Telegram proves each request with the secret token header;
 * grammY's adapter answers 401 to a request without it, before any handler runs.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { webhookCallback } from "grammy";
import type { Logger } from "../../logger.ts";
import type { NewsBot } from "../create-bot.ts";
import { ALLOWED_UPDATES, type RunningBot } from "./types.ts";

/** Another service on the webhook's port, for requests whose path starts with its prefix (WebSub callbacks). */
export interface ExtraRoute {
  prefix: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export interface WebhookOptions {
  url: string;
  secret: string;
  port: number;
  host?: string;
  routes?: readonly ExtraRoute[];
}

export async function startWebhook(bot: NewsBot, options: WebhookOptions, log: Logger): Promise<RunningBot & { port: number }> {
  const path = new URL(options.url).pathname;
  const handle = webhookCallback(bot, "http", { secretToken: options.secret, onTimeout: "return", timeoutMilliseconds: 9_000 });
  const inFlight = new Set<Promise<unknown>>();
  const server: Server = createServer((req, res) => {
    const route = options.routes?.find((candidate) => req.url?.startsWith(candidate.prefix));
    if (!route && (req.method !== "POST" || req.url !== path)) {
      res.writeHead(404).end();
      return;
    }
    const work = (route ? route.handle(req, res) : handle(req, res)).catch((error: unknown) => {
      log.error({ err: error, path: req.url }, route ? "request failed" : "webhook update failed");
      if (!res.headersSent) res.writeHead(500).end();
    });
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  await bot.api.setWebhook(options.url, { secret_token: options.secret, allowed_updates: ALLOWED_UPDATES });
  log.info({ url: options.url, port }, "receiving updates by webhook");
  return {
    port,
    async stop() {
      // Stop taking requests, let the ones being handled finish, then drop idle keep-alive sockets.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled(inFlight);
      server.closeAllConnections();
      await closed;
    },
  };
}
