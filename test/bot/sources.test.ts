/** The pieces of the source commands that need no Telegram: arguments, buttons, downloads. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Api } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { downloadFile, FileDownloadError } from "../../src/bot/files.ts";
import { sourcesButton, type SourcesAction } from "../../src/bot/keyboards/sources.ts";
import { parseSourceId, parseSourceUrl } from "../../src/bot/sources/arguments.ts";
import { startEmulator, type TelegramEmulator } from "../emulator/index.ts";

describe("a source URL as an admin types it", () => {
  it("takes http(s) URLs as they are and a bare host as https", () => {
    expect(parseSourceUrl(" https://www.pravda.com.ua/rss/ ")).toEqual({ ok: true, url: "https://www.pravda.com.ua/rss/" });
    expect(parseSourceUrl("<http://example.com/feed>")).toEqual({ ok: true, url: "http://example.com/feed" });
    expect(parseSourceUrl("example.com/news")).toEqual({ ok: true, url: "https://example.com/news" });
    expect(parseSourceUrl("localhost:8080/feed.xml")).toEqual({ ok: true, url: "https://localhost:8080/feed.xml" });
    // IP literals in odd spellings come out as the address they mean, for the guard to judge.
    expect(parseSourceUrl("http://0x7f.1/feed")).toEqual({ ok: true, url: "http://127.0.0.1/feed" });
  });

  it("says what is wrong with anything else", () => {
    expect(parseSourceUrl("   ")).toEqual({ ok: false, problem: "missing" });
    for (const url of ["ftp://example.com/feed", "file:///etc/passwd", "javascript:alert(1)", "data:text/xml,<rss/>"]) {
      expect(parseSourceUrl(url), url).toEqual({ ok: false, problem: "scheme" });
    }
    for (const url of ["two words", "http://", "https://exa mple.com", "http://[::1"]) expect(parseSourceUrl(url), url).toEqual({ ok: false, problem: "invalid" });
    expect(parseSourceUrl("https://me:secret@example.com/feed")).toEqual({ ok: false, problem: "credentials" });
  });

  it("reads a source id as /sources shows it", () => {
    expect(parseSourceId("3")).toBe(3);
    expect(parseSourceId(" #12 ")).toBe(12);
    for (const text of ["", "0", "-1", "1.5", "3x", "#", "9999999999", "one"]) expect(parseSourceId(text), text).toBeUndefined();
  });
});

describe("source buttons", () => {
  const actions: SourcesAction[] = [
    { op: "page", page: 0 },
    { op: "page", page: 41 },
    { op: "add", token: "a1b2c3d4" },
    { op: "cancel", token: "00000000" },
  ];
  it("decodes what it encodes, within Telegram's 64 bytes", () => {
    for (const action of actions) expect(sourcesButton.decode(sourcesButton.encode(action))).toEqual(action);
  });
  it("rejects anything malformed", () => {
    for (const data of ["src:p:", "src:p:01", "src:p:-1", "src:p:1:2", "src:a:ABCDEFGH", "src:a:abc", "src:c:a1b2c3d4e", "src:x:1", "src:", "tp:p::1"]) {
      expect(sourcesButton.decode(data), data).toBeUndefined();
    }
  });
});

describe("downloading a file a user sent", () => {
  let tg: TelegramEmulator;
  let api: Api;
  beforeEach(async () => {
    tg = await startEmulator({ flood: false });
    api = new Api(tg.botToken, { apiRoot: tg.apiRoot });
  });
  afterEach(async () => {
    await tg.close();
  });

  it("gets the bytes through getFile and the file URL of an http:// Bot API server", async () => {
    const chat = tg.privateChat(tg.createUser());
    const content = Buffer.from("<opml version=\"2.0\"/>\u00e9", "utf8");
    const message = tg.userSendsDocument(chat, { fileName: "feeds.opml", content });
    expect(await downloadFile(api, message.document?.file_id ?? "", 1024)).toEqual(content);
  });

  it("refuses a file over the cap, whether Telegram states its size or not", async () => {
    const chat = tg.privateChat(tg.createUser());
    const message = tg.userSendsDocument(chat, { fileName: "big.opml", content: Buffer.alloc(2048, 0x20) });
    await expect(downloadFile(api, message.document?.file_id ?? "", 1024)).rejects.toMatchObject({ tooBig: true });
    // file_size is optional in getFile's answer: without it, the download itself stops at the cap.
    const sizeless = new Api(tg.botToken, { apiRoot: tg.apiRoot });
    sizeless.config.use(async (prev, method, payload, signal) => {
      const answer = await prev(method, payload, signal);
      if (method === "getFile" && answer.ok) delete (answer.result as { file_size?: number }).file_size;
      return answer;
    });
    const error = await downloadFile(sizeless, message.document?.file_id ?? "", 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileDownloadError);
    expect(error).toMatchObject({ tooBig: true, message: "the file has more than 1024 bytes" });
    expect(await downloadFile(sizeless, message.document?.file_id ?? "", 2048)).toHaveLength(2048);
  });

  it("says so when Telegram has no such file", async () => {
    await expect(downloadFile(api, "BQACnothing", 1024)).rejects.toMatchObject({ name: "FileDownloadError", tooBig: false, message: "Bad Request: invalid file_id" });
  });

  it("reads the absolute path a local Bot API server answers with", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsbrief-local-file-"));
    const path = join(dir, "feeds.opml");
    writeFileSync(path, "<opml/>");
    const local = new Api("1:LOCAL", { apiRoot: tg.apiRoot });
    local.config.use(async (prev, method, payload, signal) =>
      method === "getFile" ? ({ ok: true, result: { file_id: "f", file_unique_id: "u", file_size: 7, file_path: path } } as never) : prev(method, payload, signal),
    );
    expect((await downloadFile(local, "f", 1024)).toString()).toBe("<opml/>");
    await expect(downloadFile(local, "f", 3)).rejects.toMatchObject({ tooBig: true });
  });
});
