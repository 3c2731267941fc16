import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFetchArticle, FetchArticleError } from "../../src/archive/fetch-article.ts";
import { createHttpClient, type HttpClient } from "../../src/ingest/http/index.ts";

const config = { allowPrivateHosts: false, userAgent: "newsbrief-test", timeoutMs: 2000, connectTimeoutMs: 1000, maxBytes: 1024 * 1024, maxRedirects: 5 };
let server: Server;
let port: number;
let requests = 0;
let http: HttpClient;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    if (req.url === "/to-metadata") return void res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data" }).end();
    if (req.url === "/pdf") return void res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.4");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end("<html><head><title>Dam repaired</title></head><body><article><h1>Dam repaired</h1><p>Engineers finished repairing the dam on Tuesday after three weeks of work, the regional council said.</p></article></body></html>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  // The guard stays on; only this test's own server is let through.
  http = createHttpClient(config, { allowAddress: (address, to) => address === "127.0.0.1" && to === port });
});
afterAll(async () => {
  await http.close();
  await new Promise((resolve) => server.close(resolve));
});

const reason = (fetchArticle: ReturnType<typeof createFetchArticle>, url: string) =>
  fetchArticle(url).then(
    (article) => `fetched: ${article.title}`,
    (error: unknown) => (error instanceof FetchArticleError ? error.reason : String(error)),
  );

describe("createFetchArticle", () => {
  it("reads a page's article through the guarded client", async () => {
    expect(await reason(createFetchArticle(http), `http://127.0.0.1:${port}/story`)).toBe("fetched: Dam repaired");
  });

  it("never opens a private address, a redirect to one, or a non-http link, and calls a PDF no article", async () => {
    const guarded = createHttpClient(config);
    const fetchArticle = createFetchArticle(guarded);
    const before = requests;
    expect(await reason(fetchArticle, `http://127.0.0.1:${port}/`)).toBe("private-address");
    expect(await reason(fetchArticle, "http://[::1]/")).toBe("private-address");
    expect(await reason(fetchArticle, "http://169.254.169.254/latest/meta-data")).toBe("private-address");
    expect(await reason(fetchArticle, "file:///etc/passwd")).toBe("bad-url");
    expect(await reason(fetchArticle, "not a url")).toBe("bad-url");
    expect(requests).toBe(before);
    await guarded.close();
    expect(await reason(createFetchArticle(http), `http://127.0.0.1:${port}/to-metadata`)).toBe("private-address");
    expect(await reason(createFetchArticle(http), `http://127.0.0.1:${port}/pdf`)).toBe("not-article");
  });
});
