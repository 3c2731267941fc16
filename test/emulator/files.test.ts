import { Bot, InputFile } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { botFor, failure } from "./helpers.ts";
import { startEmulator, type TelegramEmulator } from "./index.ts";

let emulator: TelegramEmulator;
let bot: Bot;
beforeEach(async () => {
  emulator = await startEmulator({ flood: false });
  bot = botFor(emulator);
});
afterEach(async () => {
  await emulator.close();
});

const OPML = '<?xml version="1.0"?><opml version="2.0"><body><outline text="A" xmlUrl="https://a.example/feed"/></body></opml>';

describe("documents a user sends", () => {
  it("arrive with a document, and getFile plus the file URL give back the bytes", async () => {
    const chat = emulator.privateChat(emulator.createUser());
    const sent = emulator.userSendsDocument(chat, { fileName: "feeds.opml", content: OPML, caption: "our feeds" });
    const [update] = await bot.api.getUpdates();
    expect(update?.message).toMatchObject({ message_id: sent.message_id, caption: "our feeds" });
    const document = update?.message?.document;
    expect(document).toEqual({
      file_id: expect.stringMatching(/^BQAC/),
      file_unique_id: expect.any(String),
      file_name: "feeds.opml",
      mime_type: "text/x-opml",
      file_size: Buffer.byteLength(OPML),
    });

    const file = await bot.api.getFile(document?.file_id ?? "");
    expect(file).toMatchObject({ file_id: document?.file_id, file_size: Buffer.byteLength(OPML), file_path: expect.stringMatching(/^documents\/file_\d+\.opml$/) });
    expect((await bot.api.getFile(document?.file_id ?? "")).file_path).toBe(file.file_path);
    const response = await fetch(`${emulator.apiRoot}/file/bot${emulator.botToken}/${file.file_path}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(OPML);
  });

  it("keeps binary content byte for byte and takes the MIME type the client gave", async () => {
    const chat = emulator.privateChat(emulator.createUser());
    const bytes = Buffer.from([0, 1, 2, 0xfe, 0xff, 0x0d, 0x0a]);
    const message = emulator.userSendsDocument(chat, { fileName: "data.bin", mimeType: "application/x-custom", content: bytes });
    expect(message.document).toMatchObject({ mime_type: "application/x-custom", file_size: 7 });
    const file = await bot.api.getFile(message.document?.file_id ?? "");
    const response = await fetch(`${emulator.apiRoot}/file/bot${emulator.botToken}/${file.file_path}`);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
  });

  it("refuses unknown file ids, files over 20 MB, a wrong token and an unknown path", async () => {
    const chat = emulator.privateChat(emulator.createUser());
    expect((await failure(bot.api.getFile("BQACnothing"))).description).toBe("Bad Request: invalid file_id");
    const big = emulator.userSendsDocument(chat, { fileName: "huge.zip", content: Buffer.alloc(20 * 1024 * 1024 + 1) });
    const tooBig = await failure(bot.api.getFile(big.document?.file_id ?? ""));
    expect([tooBig.error_code, tooBig.description]).toEqual([400, "Bad Request: file is too big"]);

    const small = emulator.userSendsDocument(chat, { fileName: "a.txt", content: "a" });
    const { file_path } = await bot.api.getFile(small.document?.file_id ?? "");
    expect((await fetch(`${emulator.apiRoot}/file/bot123:WRONG/${file_path}`)).status).toBe(401);
    const missing = await fetch(`${emulator.apiRoot}/file/bot${emulator.botToken}/documents/file_999.txt`);
    expect([missing.status, await missing.json()]).toEqual([404, { ok: false, error_code: 404, description: "Not Found" }]);
  });

  it("follows privacy mode in groups: a captionless document is not for the bot", async () => {
    const member = emulator.createUser();
    const group = emulator.createGroup({ title: "G", members: [{ user: member, status: "member" }], silent: true });
    emulator.userSendsDocument(group, { fileName: "x.txt", content: "x", from: member });
    emulator.userSendsDocument(group, { fileName: "y.txt", content: "y", from: member, caption: `@${emulator.botUser.username} this` });
    const updates = await bot.api.getUpdates();
    expect(updates.map((u) => u.message?.document?.file_name)).toEqual(["y.txt"]);
  });
});

describe("sendDocument", () => {
  it("takes an upload, records its bytes, name and caption, and sends it again by file_id", async () => {
    const chat = emulator.privateChat(emulator.createUser());
    const name = "джерела newsbrief.opml";
    const message = await bot.api.sendDocument(chat.id, new InputFile(Buffer.from(OPML), name), { caption: "<b>Sources</b>", parse_mode: "HTML" });
    expect(message.document).toMatchObject({ file_name: name, mime_type: "text/x-opml", file_size: Buffer.byteLength(OPML) });
    expect(message.caption).toBe("Sources");
    const [record] = emulator.documentsSent(chat);
    expect(record).toMatchObject({ messageId: message.message_id, fileName: name, caption: "Sources" });
    expect(record?.data?.toString("utf8")).toBe(OPML);

    const again = await bot.api.sendDocument(chat.id, message.document?.file_id ?? "");
    expect(again.document?.file_id).toBe(message.document?.file_id);
    expect(emulator.documentsSent(chat).map((d) => d.data?.toString("utf8"))).toEqual([OPML, OPML]);
    // The bot can download what it uploaded, as on Telegram.
    const file = await bot.api.getFile(again.document?.file_id ?? "");
    expect(await (await fetch(`${emulator.apiRoot}/file/bot${emulator.botToken}/${file.file_path}`)).text()).toBe(OPML);
  });

  it("sends PDF, ZIP and GIF by URL only, and says why otherwise", async () => {
    const chat = emulator.privateChat(emulator.createUser());
    const byUrl = await bot.api.sendDocument(chat.id, "https://example.com/report.pdf");
    expect(byUrl.document).toMatchObject({ file_name: "report.pdf", mime_type: "application/pdf" });
    expect(emulator.documentsSent(chat)[0]).toMatchObject({ url: "https://example.com/report.pdf" });
    expect((await failure(bot.api.sendDocument(chat.id, "https://example.com/page.html"))).description).toBe("Bad Request: wrong type of the web page content");
    emulator.markUrlUnreachable("https://example.com/gone.zip");
    expect((await failure(bot.api.sendDocument(chat.id, "https://example.com/gone.zip"))).description).toBe("Bad Request: failed to get HTTP URL content");
  });

  it("refuses an empty file, an upload over 50 MB, a missing document, a wrong id and a long caption", async () => {
    const chat = emulator.privateChat(emulator.createUser());
    expect((await failure(bot.api.sendDocument(chat.id, new InputFile(Buffer.alloc(0), "empty.txt")))).description).toBe("Bad Request: file must be non-empty");
    const tooBig = await failure(bot.api.sendDocument(chat.id, new InputFile(Buffer.alloc(50 * 1024 * 1024 + 1), "big.bin")));
    expect([tooBig.error_code, tooBig.description]).toEqual([413, "Request Entity Too Large"]);
    expect((await failure(bot.api.sendDocument(chat.id, ""))).description).toBe("Bad Request: there is no document in the request");
    expect((await failure(bot.api.sendDocument(chat.id, "BQACunknown"))).description).toBe("Bad Request: wrong file identifier/HTTP URL specified");
    const photo = await bot.api.sendPhoto(chat.id, "https://example.com/a.jpg");
    expect((await failure(bot.api.sendDocument(chat.id, photo.photo?.[0]?.file_id ?? ""))).description).toBe("Bad Request: type of file mismatch");
    const longCaption = await failure(bot.api.sendDocument(chat.id, new InputFile(Buffer.from("x"), "x.txt"), { caption: "c".repeat(1025) }));
    expect(longCaption.description).toBe("Bad Request: message caption is too long");
    expect(emulator.documentsSent(chat)).toEqual([]);
  });
});
