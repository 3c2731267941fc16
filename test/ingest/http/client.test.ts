import { brotliCompressSync, constants, gzipSync, deflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchError, createHttpClient, type HttpClient } from "../../../src/ingest/http/index.ts";
import { TEST_CONFIG, startServer, type LocalServer } from "./local-server.ts";

const PAGE = "<html><body><p>Hello from the test server.</p></body></html>";
const MB = 1024 * 1024;
const ETAG = '"v1"';
const LAST_MODIFIED = "Sun, 29 Nov 2026 10:00:00 GMT";

/** Streams `total` bytes of `chunk` with backpressure; counts what was handed to the socket. */
function streamBytes(res: import("node:http").ServerResponse, total: number, chunk: Buffer, sent: { bytes: number }): void {
  const write = (): void => {
    while (sent.bytes < total) {
      sent.bytes += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", write);
    }
    res.end();
  };
  write();
}

// A gzip and a brotli body of 100 MB of zeros: ~100 KB on the wire.
const BOMB_SIZE = 100 * MB;
let gzipBomb: Buffer;
let brotliBomb: Buffer;
const hugeSent = { bytes: 0 };
let server: LocalServer;
let client: HttpClient;

beforeAll(async () => {
  const zeros = Buffer.alloc(BOMB_SIZE);
  gzipBomb = gzipSync(zeros, { level: 9 });
  brotliBomb = brotliCompressSync(zeros, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
  server = await startServer({
    "/article": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", etag: ETAG, "last-modified": LAST_MODIFIED });
      res.end(PAGE);
    },
    "/conditional": (req, res) => {
      if (req.headers["if-none-match"] === ETAG || req.headers["if-modified-since"] === LAST_MODIFIED) {
        res.writeHead(304, { etag: ETAG, "last-modified": LAST_MODIFIED });
        res.end();
        return;
      }
      res.writeHead(200, { "content-type": "application/rss+xml", etag: ETAG, "last-modified": LAST_MODIFIED });
      res.end("<rss/>");
    },
    "/moved": (_req, res) => {
      res.writeHead(301, { location: "/article" });
      res.end();
    },
    "/hop": (req, res) => {
      // /hop?n=3 → /hop?n=2 → … → /article
      const n = Number(new URL(req.url ?? "", "http://x").searchParams.get("n"));
      res.writeHead(302, { location: n > 0 ? `/hop?n=${n - 1}` : "/article" });
      res.end();
    },
    "/loop-a": (_req, res) => {
      res.writeHead(302, { location: "/loop-b" });
      res.end();
    },
    "/loop-b": (_req, res) => {
      res.writeHead(307, { location: "/loop-a" });
      res.end();
    },
    "/to-ftp": (_req, res) => {
      res.writeHead(302, { location: "ftp://127.0.0.1/file" });
      res.end();
    },
    "/see-other": (_req, res) => {
      res.writeHead(303, { location: "/echo" });
      res.end();
    },
    "/echo": (req, res) => {
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (chunk: string) => (body += chunk));
      req.on("end", () => {
        res.writeHead(202, { "content-type": "text/plain" });
        res.end(`${req.method} ${req.headers["content-type"] ?? "-"} ${body}`);
      });
    },
    "/missing": (_req, res) => {
      res.writeHead(404, { "content-type": "text/html" });
      res.end("<h1>Not found</h1>");
    },
    "/busy": (_req, res) => {
      res.writeHead(429, { "retry-after": "120" });
      res.end();
    },
    "/down": (_req, res) => {
      res.writeHead(503, { "retry-after": new Date(Date.now() + 3_600_000).toUTCString() });
      res.end();
    },
    "/pdf": (_req, res) => {
      res.writeHead(200, { "content-type": "application/pdf" });
      res.end("%PDF-1.4");
    },
    "/untyped": (_req, res) => res.end(PAGE),
    "/huge": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      streamBytes(res, 50 * MB, Buffer.alloc(64 * 1024, "x"), hugeSent);
    },
    "/gzip-bomb": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
      res.end(gzipBomb);
    },
    "/br-bomb": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "br" });
      res.end(brotliBomb);
    },
    "/gzip": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
      res.end(gzipSync(PAGE));
    },
    "/deflate": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "deflate" });
      res.end(deflateSync(PAGE));
    },
    "/corrupt-gzip": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
      res.end("this is not gzip at all");
    },
    "/compress": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "compress" });
      res.end("??");
    },
    "/slow-headers": (_req, res) => {
      setTimeout(() => res.end(PAGE), 3_000).unref();
    },
    "/slow-body": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<html>");
      setTimeout(() => res.end("</html>"), 3_000).unref();
    },
  });
  client = createHttpClient(TEST_CONFIG);
});

afterAll(async () => {
  await client.close();
  await server.close();
});

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  expect((error as Error).message).not.toContain("\n");
  return error as FetchError;
}

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString("utf8");

describe("createHttpClient().request", () => {
  it("returns the body, lower-cased headers, validators and the final URL", async () => {
    const response = await client.request(`${server.base}/article`);
    expect(response).toMatchObject({
      status: 200,
      url: `${server.base}/article`,
      contentType: "text/html; charset=utf-8",
      etag: ETAG,
      lastModified: LAST_MODIFIED,
      notModified: false,
      truncated: false,
    });
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(text(response.bytes)).toBe(PAGE);
  });

  it("sends an honest User-Agent, the caller's Accept and the encodings it can undo", async () => {
    await client.request(`${server.base}/article`, { accept: "text/html" });
    expect(server.lastHeaders["user-agent"]).toBe(TEST_CONFIG.userAgent);
    expect(server.lastHeaders.accept).toBe("text/html");
    expect(server.lastHeaders["accept-encoding"]).toBe("gzip, deflate, br");
  });

  it("answers a conditional GET with notModified on 304, by ETag and by date", async () => {
    const first = await client.request(`${server.base}/conditional`);
    expect(first).toMatchObject({ status: 200, notModified: false, etag: ETAG, lastModified: LAST_MODIFIED });

    const byTag = await client.request(`${server.base}/conditional`, { ifNoneMatch: first.etag ?? null });
    expect(byTag).toMatchObject({ status: 304, notModified: true, etag: ETAG, truncated: false });
    expect(byTag.bytes.length).toBe(0);
    expect(server.lastHeaders["if-none-match"]).toBe(ETAG);

    const byDate = await client.request(`${server.base}/conditional`, { ifNoneMatch: null, ifModifiedSince: LAST_MODIFIED });
    expect(byDate.notModified).toBe(true);
    expect(server.lastHeaders["if-none-match"]).toBeUndefined();
  });

  it("follows redirects and reports where it ended", async () => {
    const response = await client.request(`${server.base}/moved#top`);
    expect(response.url).toBe(`${server.base}/article`);
    expect(text(response.bytes)).toBe(PAGE);
  });

  it("follows five redirects and refuses a sixth", async () => {
    expect((await client.request(`${server.base}/hop?n=4`)).url).toBe(`${server.base}/article`);
    const error = await failure(client.request(`${server.base}/hop?n=5`));
    expect(error.reason).toBe("too-many-redirects");
    expect(error.message).toBe(`too many redirects (more than 5): ${server.base}/hop?n=5`);
  });

  it("names a redirect loop", async () => {
    const error = await failure(client.request(`${server.base}/loop-a`));
    expect(error.reason).toBe("too-many-redirects");
    expect(error.message).toBe(`redirect loop at ${server.base}/loop-a`);
  });

  it("refuses a redirect to another scheme", async () => {
    const error = await failure(client.request(`${server.base}/to-ftp`));
    expect(error.reason).toBe("invalid-url");
    expect(error.message).toBe(`redirected to a ftp URL from ${server.base}/to-ftp`);
  });

  it("POSTs a form (a WebSub subscription) and turns a 303 into a GET", async () => {
    const posted = await client.request(`${server.base}/echo`, {
      method: "POST",
      body: "hub.mode=subscribe",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(posted.status).toBe(202);
    expect(text(posted.bytes)).toBe("POST application/x-www-form-urlencoded hub.mode=subscribe");

    const redirected = await client.request(`${server.base}/see-other`, { method: "POST", body: "x=1", headers: { "content-type": "text/plain" } });
    expect(text(redirected.bytes)).toBe("GET - ");
  });

  it("throws http-status with the status for a non-2xx answer", async () => {
    const error = await failure(client.request(`${server.base}/missing`));
    expect(error).toMatchObject({ reason: "http-status", status: 404, url: `${server.base}/missing` });
    expect(error.message).toBe(`HTTP 404 Not Found from ${server.base}/missing`);
    expect(error.retryAfterMs).toBeUndefined();
  });

  it("parses Retry-After in seconds (429) and as a date (503)", async () => {
    const busy = await failure(client.request(`${server.base}/busy`));
    expect(busy).toMatchObject({ reason: "http-status", status: 429, retryAfterMs: 120_000 });
    expect(busy.message).toBe(`HTTP 429 Too Many Requests from ${server.base}/busy (retry after 120 s)`);

    const down = await failure(client.request(`${server.base}/down`));
    expect(down.status).toBe(503);
    // An HTTP date has whole seconds: an hour from when the server answered, less under a second and test time.
    expect(down.retryAfterMs).toBeGreaterThan(3_500_000);
    expect(down.retryAfterMs).toBeLessThanOrEqual(3_600_000);
  });

  it("refuses a content type the caller does not accept, and lets a missing one pass", async () => {
    const html = /^(?:text\/html|application\/xhtml\+xml)$/;
    const error = await failure(client.request(`${server.base}/pdf`, { allowedTypes: html }));
    expect(error.reason).toBe("unsupported-type");
    expect(error.message).toBe(`unsupported content type application/pdf: ${server.base}/pdf`);
    expect(text((await client.request(`${server.base}/untyped`, { allowedTypes: html })).bytes)).toBe(PAGE);
  });

  it("cuts a 50 MB body at the cap and stops the download", async () => {
    const response = await client.request(`${server.base}/huge`);
    expect(response.truncated).toBe(true);
    expect(response.bytes.length).toBe(5 * MB);
    // The server was stopped long before it could send 50 MB (socket buffers hold a few MB).
    await new Promise((resolve) => setImmediate(resolve));
    expect(hugeSent.bytes).toBeLessThan(20 * MB);
  });

  it("decompresses gzip and deflate bodies", async () => {
    expect(text((await client.request(`${server.base}/gzip`)).bytes)).toBe(PAGE);
    expect(text((await client.request(`${server.base}/deflate`)).bytes)).toBe(PAGE);
  });

  it.each(["/gzip-bomb", "/br-bomb"])("cuts %s at the cap counted on decompressed bytes", async (path) => {
    const response = await client.request(`${server.base}${path}`, { maxBytes: MB });
    expect(response.truncated).toBe(true);
    expect(response.bytes.length).toBe(MB);
    expect(response.bytes.every((byte) => byte === 0)).toBe(true);
  });

  it("reports a corrupt or unknown compression as a network failure", async () => {
    const corrupt = await failure(client.request(`${server.base}/corrupt-gzip`));
    expect(corrupt.reason).toBe("network");
    expect(corrupt.message).toBe(`could not fetch ${server.base}/corrupt-gzip: the compressed body is corrupt`);
    const unknown = await failure(client.request(`${server.base}/compress`));
    expect(unknown.message).toBe(`the server compressed the body with "compress", which newsbrief cannot read: ${server.base}/compress`);
  });

  it("times out a server that is slow to answer or slow to finish", async () => {
    const headers = await failure(client.request(`${server.base}/slow-headers`, { timeoutMs: 200 }));
    expect(headers.reason).toBe("timeout");
    expect(headers.message).toBe(`timed out after 200 ms: ${server.base}/slow-headers`);
    const body = await failure(client.request(`${server.base}/slow-body`, { timeoutMs: 200 }));
    expect(body.reason).toBe("timeout");
  });

  it("honours the caller's abort signal", async () => {
    const controller = new AbortController();
    const pending = client.request(`${server.base}/slow-headers`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await failure(pending);
    expect(error.reason).toBe("aborted");
    expect(error.message).toBe(`fetch aborted: ${server.base}/slow-headers`);
  });

  it("rejects bad URLs and unreachable hosts with clear reasons", async () => {
    expect(await failure(client.request("not a url"))).toMatchObject({ reason: "invalid-url", message: "not a valid URL: not a url" });
    expect(await failure(client.request("ftp://127.0.0.1/file"))).toMatchObject({ reason: "invalid-url", message: "only http(s) URLs can be fetched: ftp://127.0.0.1/file" });
    expect(await failure(client.request("file:///etc/passwd"))).toMatchObject({ reason: "invalid-url" });
    // Port 1 on loopback: connection refused, no outside network needed.
    expect(await failure(client.request("http://127.0.0.1:1/"))).toMatchObject({ reason: "network", message: "could not fetch http://127.0.0.1:1/: connection refused" });
  });
});
