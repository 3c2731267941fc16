/**
 * The operator's port (METRICS_PORT): GET /metrics for Prometheus, GET /healthz for load
 * balancers and orchestrators (200 when healthy, 503 when the database does not answer).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../logger.ts";
import type { Store } from "../store/index.ts";
import { checkHealth } from "./health.ts";
import { Metrics } from "./metrics.ts";

export interface OpsServer {
  metrics: Metrics;
  /** The port it listens on (the one asked for, or the one given for 0). */
  port: number;
  close(): Promise<void>;
}

export interface OpsDeps {
  store: Store;
  now: () => Date;
  senderActive: () => boolean;
  logger: Logger;
}

export async function startOpsServer(port: number, deps: OpsDeps): Promise<OpsServer> {
  const log = deps.logger.child({ module: "ops" });
  const metrics = new Metrics(deps);
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    if (path === "/metrics") {
      metrics.registry.metrics().then(
        (text) => res.writeHead(200, { "content-type": metrics.registry.contentType }).end(text),
        (error: unknown) => {
          log.error({ err: error }, "metrics could not be collected");
          res.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end(`metrics could not be collected: ${String(error)}\n`);
        },
      );
      return;
    }
    if (path === "/healthz") {
      void checkHealth(deps.store, deps.senderActive).then((health) => {
        res.writeHead(health.ok ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(health));
      });
      return;
    }
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found: try /metrics or /healthz\n");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  log.info({ port: bound }, "metrics on /metrics, health on /healthz");
  return {
    metrics,
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
