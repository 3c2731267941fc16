/**
 * The HTTP client against hostile bodies, and its speed on ordinary pages, over a local server:
 * a 50 MB page, a gzip bomb and a brotli bomb (1 GB of zeros each once decompressed), all cut at
 * the default 5 MB cap. Prints, per case, the bytes kept, the time, and the peak RSS of the
 * process while it ran (sampled every 5 ms); the server only ever holds the compressed bombs
 * and one 64 KB chunk, so what grows is the client's. Then requests/s for a 100 KB page.
 *
 *   npm run bench:http
 */
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { constants, createBrotliCompress, createGzip, type BrotliCompress, type Gzip } from "node:zlib";
import { parseFetchConfig } from "../src/config/index.ts";
import { createHttpClient } from "../src/ingest/http/index.ts";

const MB = 1024 * 1024;
const BOMB_BYTES = 1024 * MB;
const mb = (bytes: number): string => (bytes / MB).toFixed(1);

/** Compresses `total` zero bytes as a stream, so the bomb never exists decompressed here. */
async function compressZeros(compressor: Gzip | BrotliCompress, total: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  compressor.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => compressor.on("end", resolve));
  const zeros = Buffer.alloc(MB);
  for (let written = 0; written < total; written += zeros.length) {
    if (!compressor.write(zeros)) await new Promise((resolve) => compressor.once("drain", resolve));
  }
  compressor.end();
  await done;
  return Buffer.concat(chunks);
}

function stream(res: ServerResponse, total: number, chunk: Buffer): void {
  let sent = 0;
  const write = (): void => {
    while (sent < total) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", write);
    }
    res.end();
  };
  res.on("error", () => undefined);
  write();
}

const gzipBomb = await compressZeros(createGzip({ level: 9 }), BOMB_BYTES);
const brotliBomb = await compressZeros(createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }), BOMB_BYTES);
const page = Buffer.from(`<html><body>${"<p>Some news text, sentence after sentence.</p>".repeat(2200)}</body></html>`);

const server = createServer((req, res) => {
  if (req.url === "/huge") {
    res.writeHead(200, { "content-type": "text/html" });
    stream(res, 50 * MB, Buffer.alloc(64 * 1024, "x"));
  } else if (req.url === "/gzip-bomb") {
    res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
    res.end(gzipBomb);
  } else if (req.url === "/br-bomb") {
    res.writeHead(200, { "content-type": "text/html", "content-encoding": "br" });
    res.end(brotliBomb);
  } else {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(page);
  }
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// The real settings (5 MB cap, 15 s), with the guard lifted for the local server only.
const config = { ...parseFetchConfig({}), allowPrivateHosts: true };
const client = createHttpClient(config);

console.log(`node ${process.version}; cap ${mb(config.maxBytes)} MB; gzip bomb ${mb(gzipBomb.length)} MB → ${mb(BOMB_BYTES)} MB, brotli bomb ${(brotliBomb.length / 1024).toFixed(1)} KB → ${mb(BOMB_BYTES)} MB`);
global.gc?.();
console.log(`RSS at start: ${mb(process.memoryUsage().rss)} MB`);

for (const [name, path] of [["50 MB page", "/huge"], ["gzip bomb", "/gzip-bomb"], ["brotli bomb", "/br-bomb"]] as const) {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const start = performance.now();
  const response = await client.request(`${base}${path}`);
  const ms = performance.now() - start;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(`${name.padEnd(12)} kept ${mb(response.bytes.length)} MB, truncated ${response.truncated}, ${ms.toFixed(0)} ms, peak RSS ${mb(peak)} MB`);
}

const total = 400;
const concurrency = 8;
let next = 0;
const start = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < total) {
      next++;
      await client.request(`${base}/page`);
    }
  }),
);
const seconds = (performance.now() - start) / 1000;
console.log(`${total} requests of a ${(page.length / 1024).toFixed(0)} KB page, ${concurrency} at a time: ${(total / seconds).toFixed(0)} requests/s`);

await client.close();
server.close();
