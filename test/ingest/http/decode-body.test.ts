import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpClient, decodeBody } from "../../../src/ingest/http/index.ts";
import { TEST_CONFIG, startServer, type LocalServer } from "./local-server.ts";

const TITLE = "Новини Харкова: відкрили нову станцію метро";
const feed = (encoding: string): string =>
  `<?xml version="1.0" encoding="${encoding}"?>\n<rss version="2.0"><channel><title>${TITLE}</title></channel></rss>`;
const cp1251Feed = iconv.encode(feed("windows-1251"), "windows-1251");

describe("decodeBody", () => {
  it("reads the XML declaration of a feed served without a charset", () => {
    expect(decodeBody(cp1251Feed, "application/rss+xml")).toContain(`<title>${TITLE}</title>`);
    expect(decodeBody(iconv.encode(feed("KOI8-U"), "koi8-u"))).toContain(TITLE);
  });

  it("lets the Content-Type charset win over the declaration, and a byte-order mark over both", () => {
    const koi = iconv.encode(feed("utf-8"), "koi8-u");
    expect(decodeBody(koi, "text/xml; charset=koi8-u")).toContain(TITLE);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(feed("windows-1251"))]);
    expect(decodeBody(bom, "text/xml; charset=koi8-u")).toContain(TITLE);
  });

  it("reads UTF-16 from the declaration's own bytes, without a byte-order mark", () => {
    expect(decodeBody(iconv.encode(feed("UTF-16"), "utf-16le"))).toContain(TITLE);
    expect(decodeBody(iconv.encode(feed("UTF-16"), "utf-16be"))).toContain(TITLE);
  });

  it("reads an HTML page's <meta charset>, and UTF-8 when nothing says otherwise", () => {
    const html = iconv.encode(`<html><head><meta charset="windows-1251"></head><p>${TITLE}</p>`, "windows-1251");
    expect(decodeBody(html, "text/html")).toContain(`<p>${TITLE}</p>`);
    expect(decodeBody(Buffer.from(`{"title":"${TITLE}"}`), "application/feed+json")).toBe(`{"title":"${TITLE}"}`);
  });
});

describe("a windows-1251 feed over HTTP", () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startServer({
      "/rss": (_req, res) => {
        res.writeHead(200, { "content-type": "application/rss+xml" });
        res.end(cp1251Feed);
      },
    });
  });
  afterAll(() => server.close());

  it("is fetched and decoded", async () => {
    const client = createHttpClient(TEST_CONFIG);
    try {
      const response = await client.request(`${server.base}/rss`, { allowedTypes: /^application\/(?:rss\+)?xml$/ });
      expect(decodeBody(response.bytes, response.contentType)).toContain(`<title>${TITLE}</title>`);
    } finally {
      await client.close();
    }
  });
});
