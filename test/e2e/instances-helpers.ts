/**
 * Several real bot processes (src/main.ts, as `npm start` runs it) in webhook mode behind a
 * small round-robin HTTP proxy: the load balancer of a deployment with several instances.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { request, createServer, type Server } from "node:http";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { tempDir } from "../store/helpers.ts";

const ROOT = join(import.meta.dirname, "../..");
const MAIN = join(ROOT, "src/main.ts");
const TSX_LOADER = pathToFileURL(join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;
export const WEBHOOK_SECRET = "instances-test-secret";
export const WEBHOOK_PATH = "/telegram";

/** A load balancer: each request to the next instance in turn, skipping one that refuses the connection (dead). */
export class RoundRobinProxy {
  readonly targets: number[] = [];
  private next = 0;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<RoundRobinProxy> {
    let proxy: RoundRobinProxy | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => void proxy?.forward(req.method ?? "POST", req.url ?? "/", req.headers, Buffer.concat(chunks), res, proxy.targets.length));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    proxy = new RoundRobinProxy(server, port);
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}${WEBHOOK_PATH}`;
  }

  private async forward(method: string, path: string, headers: Record<string, unknown>, body: Buffer, res: import("node:http").ServerResponse, triesLeft: number): Promise<void> {
    const port = this.targets[this.next++ % Math.max(1, this.targets.length)];
    if (port === undefined || triesLeft <= 0) {
      res.writeHead(502).end();
      return;
    }
    const upstream = request({ host: "127.0.0.1", port, method, path, headers: headers as Record<string, string> }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => void this.forward(method, path, headers, body, res, triesLeft - 1));
    upstream.end(body);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export interface Instance {
  child: ChildProcess;
  pid: number;
  /** The port its webhook server listens on. */
  port: number;
  log(): string;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: no shutdown at all, as when the machine dies. */
  kill(): Promise<void>;
}

/** Starts src/main.ts in webhook mode on a port of its own; resolves once it receives updates. */
export async function startInstance(env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, ["--import", TSX_LOADER, MAIN], {
    cwd: tempDir(),
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      BOT_MODE: "webhook",
      WEBHOOK_SECRET,
      PORT: "0",
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const look = () => {
      const line = output.split("\n").find((l) => l.includes('"receiving updates by webhook"'));
      if (line) {
        clearInterval(timer);
        resolve((JSON.parse(line) as { port: number }).port);
      }
    };
    const timer = setInterval(look, 50);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`the bot exited with ${code} before it took updates:\n${output}`));
    });
  });
  return {
    child,
    pid: child.pid ?? 0,
    port,
    log: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      return exited;
    },
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
  };
}
