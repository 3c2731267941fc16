import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchPageError, fetchPage } from "../../src/ingest/fetch-page.ts";

const PAGE = "<html><body><p>Hello from the test server.</p></body></html>";
let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case "/article":
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(PAGE);
        break;
      case "/moved":
        res.writeHead(301, { location: "/article" });
        res.end();
        break;
      case "/loop":
        res.writeHead(302, { location: "/loop" });
        res.end();
        break;
      case "/missing":
        res.writeHead(404, { "content-type": "text/html" });
        res.end("<h1>Not found</h1>");
        break;
      case "/pdf":
        res.writeHead(200, { "content-type": "application/pdf" });
        res.end("%PDF-1.4");
        break;
      case "/huge": {
        // Streams far more than the cap; the client must stop reading.
        res.writeHead(200, { "content-type": "text/html" });
        const chunk = "<p>" + "x".repeat(16 * 1024) + "</p>";
        let sent = 0;
        const write = (): void => {
          while (sent < 400 && res.write(chunk)) sent++;
          if (sent < 400) res.once("drain", write);
          else res.end();
        };
        res.on("error", () => undefined);
        write();
        break;
      }
      case "/slow":
        res.writeHead(200, { "content-type": "text/html" });
        res.write("<html>");
        setTimeout(() => res.end("</html>"), 2_000).unref();
        break;
      default:
        res.writeHead(500);
        res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const options = { timeoutMs: 1_000, maxBytes: 64 * 1024 };

async function failure(promise: Promise<unknown>): Promise<FetchPageError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(FetchPageError);
  return error as FetchPageError;
}

describe("fetchPage", () => {
  it("returns the bytes, content type and final URL", async () => {
    const page = await fetchPage(`${base}/article`, options);
    expect(new TextDecoder().decode(page.bytes)).toBe(PAGE);
    expect(page.contentType).toBe("text/html; charset=utf-8");
    expect(page.finalUrl).toBe(`${base}/article`);
    expect(page.truncated).toBe(false);
  });

  it("follows redirects and reports where it ended", async () => {
    const page = await fetchPage(`${base}/moved`, options);
    expect(page.finalUrl).toBe(`${base}/article`);
    expect(new TextDecoder().decode(page.bytes)).toBe(PAGE);
  });

  it("cuts the body at maxBytes while streaming", async () => {
    const page = await fetchPage(`${base}/huge`, options);
    expect(page.bytes.length).toBe(64 * 1024);
    expect(page.truncated).toBe(true);
  });

  it("turns a non-2xx answer into an http-status error", async () => {
    const error = await failure(fetchPage(`${base}/missing`, options));
    expect(error.reason).toBe("http-status");
    expect(error.status).toBe(404);
    expect(error.message).toContain("HTTP 404");
  });

  it("refuses a page that is not HTML", async () => {
    const error = await failure(fetchPage(`${base}/pdf`, options));
    expect(error.reason).toBe("not-html");
    expect(error.message).toContain("application/pdf");
  });

  it("times out", async () => {
    const error = await failure(fetchPage(`${base}/slow`, { ...options, timeoutMs: 200 }));
    expect(error.reason).toBe("timeout");
  });

  it("stops at a redirect loop", async () => {
    const error = await failure(fetchPage(`${base}/loop`, options));
    expect(error.reason).toBe("too-many-redirects");
  });

  it("honours the caller's abort signal", async () => {
    const controller = new AbortController();
    const pending = fetchPage(`${base}/slow`, { ...options, timeoutMs: 5_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await failure(pending)).reason).toBe("aborted");
  });

  it("rejects bad URLs and unreachable hosts with clear reasons", async () => {
    expect((await failure(fetchPage("not a url", options))).reason).toBe("invalid-url");
    expect((await failure(fetchPage("ftp://127.0.0.1/file", options))).reason).toBe("invalid-url");
    // Port 1 on localhost: connection refused, no outside network needed.
    expect((await failure(fetchPage("http://127.0.0.1:1/", options))).reason).toBe("network");
  });
});
