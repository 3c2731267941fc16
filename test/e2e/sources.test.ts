/**
 * newsbrief's admins manage the news sources from the bot: /addsource shows what it found before
 * adding, /sources lists each source's state, sources are paused, resumed and removed, and OPML
 * goes in as a document and comes back out. Everyone else is refused. The feeds come from a
 * local site on 127.0.0.1, which the guard lets the bot reach only with FETCH_ALLOW_PRIVATE_HOSTS.
 */
import { Api } from "grammy";
import iconv from "iconv-lite";
import type { Chat, Message } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalSite, newsParagraphs } from "../ingest/local-site.ts";
import { useTestBot, type TestBotWorld } from "./harness.ts";
import { buttonsOf, dataOf } from "./helpers.ts";

const ADMIN_ID = 515151;
const ADMIN_ONLY = "Only newsbrief's administrators can manage the news sources.";

let site: LocalSite;
beforeEach(async () => {
  site = await LocalSite.start("Local News");
});
afterEach(async () => {
  await site.close();
});

function publish(slug: string, title: string): void {
  site.publish({ slug, title, paragraphs: newsParagraphs(title, slug.length), published: "2026-03-01T07:00:00Z" });
}

function opml(urls: string[]): string {
  const outlines = urls.map((url, i) => `<outline type="rss" text="Feed ${i + 1}" xmlUrl="${url}"/>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0"><head><title>Newsroom</title></head><body>\n${outlines}\n</body></opml>`;
}

/** Sends text as the chat's user and returns the bot's next message there. */
async function say(world: TestBotWorld, chat: Chat, text: string): Promise<Message> {
  world.tg.userSends(chat, text);
  return world.tg.waitForBotMessage(chat.id);
}

async function auditActions(world: TestBotWorld): Promise<Array<[string, number | null]>> {
  const entries = await world.bot.app.store.audit.recent({ limit: 50 });
  return entries.filter((e) => e.action.startsWith("source.")).map((e) => [e.action, e.actorId]);
}

describe("sources, with private hosts allowed for the local site", () => {
  const world = useTestBot({ env: { ADMIN_IDS: String(ADMIN_ID), FETCH_ALLOW_PRIVATE_HOSTS: "true", POLL_HOST_DELAY_MS: "0" } });
  const adminChat = () => world.tg.privateChat(world.tg.createUser({ id: ADMIN_ID, languageCode: "en" }));

  it("finds the feed behind a page, shows it, adds it on Add, and the first poll archives the feed", async () => {
    publish("metro", "Kyiv opens a new metro station");
    publish("bridge", "A new bridge over the Dnipro");
    const admin = adminChat();
    const preview = await say(world, admin, `/addsource ${site.origin}/`);
    expect(preview.text).toBe(
      [
        "Found Local News",
        `Feed: ${site.feedUrl} (RSS 2.0, items now: 2)`,
        `Site: ${site.origin}/`,
        "Language: en",
        "Push: no, it will be polled",
        "",
        "Latest headlines:",
        "• A new bridge over the Dnipro",
        "• Kyiv opens a new metro station",
        "",
        "Add this source? Its first poll archives the items already in the feed; only stories published after it reach subscribers.",
      ].join("\n"),
    );
    expect(await world.bot.app.store.sources.list()).toEqual([]);

    const click = world.tg.userClicks(admin, preview.message_id, dataOf(preview, "✅ Add"));
    expect((await world.tg.waitForCallbackAnswer(click)).text).toBe("Added.");
    const added = await world.tg.waitForBotEdit(admin.id);
    expect(added.text).toBe("Added Local News as source #1. Its first poll is archiving what the feed holds now; /sources shows how it goes.");
    expect(buttonsOf(added)).toEqual([]);
    expect(await auditActions(world)).toEqual([["source.add", ADMIN_ID]]);

    // Archived, not delivered: adding a source never floods subscribers with old news.
    await expect.poll(() => world.bot.app.store.articles.count(), { timeout: 10_000 }).toBe(2);
    expect(await world.bot.app.store.articles.unplanned(10)).toEqual([]);
    expect((await world.bot.app.store.articles.get(1))?.deliver).toBe(false);
    await expect.poll(async () => (await world.bot.app.store.sources.get(1))?.lastSuccessAt, { timeout: 5_000 }).toEqual(expect.any(String));

    const list = await say(world, admin, "/sources");
    expect(list.text).toMatch(new RegExp(`^Sources: 1 \\(failing: 0, paused: 0\\) · page 1 of 1\\n\\n#1 Local News\\n${site.feedUrl.replace(/\./g, "\\.")} · every 5 min · stories: 2\\n✅ ok, last polled \\w{3} \\d{1,2}, \\d{2}:\\d{2} GMT\\+\\d$`));
    expect(buttonsOf(list)).toEqual([]);
    expect((await say(world, admin, `/addsource ${site.feedUrl}`)).text).toBe("Local News is already a source (#1).");
  });

  it("cancels a preview, and refuses a press on an older preview or a forged button", async () => {
    publish("a", "First story");
    const admin = adminChat();
    const first = await say(world, admin, `/addsource ${site.feedUrl}`);
    const second = await say(world, admin, `/addsource ${site.origin}`);
    // Only the newest preview can be added: the first one's Add is stale.
    const stale = world.tg.userClicks(admin, first.message_id, dataOf(first, "✅ Add"));
    expect((await world.tg.waitForCallbackAnswer(stale)).text).toBe("This button is no longer valid. Please open the menu again.");
    const cancel = world.tg.userClicks(admin, second.message_id, dataOf(second, "Cancel"));
    await world.tg.waitForCallbackAnswer(cancel);
    expect((await world.tg.waitForBotEdit(admin.id)).text).toBe("Not added: Local News.");

    const forged = ["src:a:zzzzzzzz", "src:a:AB", "src:p:7", "src:p:-1", "src:x:1", "src:p:0:extra"];
    const api = new Api(world.tg.botToken, { apiRoot: world.tg.apiRoot });
    const planted = await api.sendMessage(admin.id, "old buttons", { reply_markup: { inline_keyboard: [forged.map((data) => ({ text: data, callback_data: data }))] } });
    await world.tg.waitForBotMessage(admin.id, (m) => m.message_id === planted.message_id);
    for (const data of forged) {
      const press = world.tg.userClicks(admin, planted.message_id, data);
      expect((await world.tg.waitForCallbackAnswer(press)).text, data).toBe("This button is no longer valid. Please open the menu again.");
    }
    expect(await world.bot.app.store.sources.list()).toEqual([]);
    expect(await auditActions(world)).toEqual([]);
  });

  it("says in one line why a URL gives no source", async () => {
    const admin = adminChat();
    site.routes.set("/plain", (_req, res) => void res.writeHead(200, { "content-type": "text/html" }).end("<html><body>No feed here</body></html>"));
    expect((await say(world, admin, `/addsource ${site.origin}/plain`)).text).toBe(`Cannot add ${site.origin}/plain: it is not a feed, and the page links to no feed.`);
    expect((await say(world, admin, `/addsource ${site.origin}/missing`)).text).toBe(`Cannot add ${site.origin}/missing: the site answered with HTTP error 404.`);
    expect((await say(world, admin, "/addsource ftp://example.com/feed.xml")).text).toBe("Cannot add ftp://example.com/feed.xml: only http:// and https:// addresses can be added.");
    expect((await say(world, admin, "/addsource http://user:secret@example.com/feed")).text).toMatch(/^Cannot add http:\/\/user:secret@example\.com\/feed: the address contains a user name or password/);
    expect((await say(world, admin, "/addsource")).text).toMatch(/^Usage: \/addsource URL — a feed/);
    expect(await world.bot.app.store.sources.list()).toEqual([]);
  });

  it("pauses, resumes and removes a source, each in the audit log", async () => {
    publish("a", "First story");
    const { source } = await world.bot.app.store.sources.add({ name: "Local News", feedUrl: site.feedUrl, format: "rss", pollIntervalS: 300 });
    const admin = adminChat();
    expect((await say(world, admin, `/pausesource ${source.id}`)).text).toBe(`Paused Local News (#${source.id}): it is not polled until /resumesource ${source.id}.`);
    expect((await world.bot.app.store.sources.get(source.id))?.enabled).toBe(false);
    expect((await say(world, admin, `/pausesource ${source.id}`)).text).toBe(`Local News (#${source.id}) is already paused.`);
    expect((await say(world, admin, "/sources")).text).toMatch(/\(failing: 0, paused: 1\)[\s\S]*\n⏸ paused/);
    expect((await say(world, admin, `/resumesource #${source.id}`)).text).toBe(`Resumed Local News (#${source.id}): it is polled again from now on.`);
    expect((await say(world, admin, `/resumesource ${source.id}`)).text).toBe(`Local News (#${source.id}) is not paused.`);
    expect((await say(world, admin, `/removesource ${source.id}`)).text).toBe(`Removed Local News (#${source.id}). Its stories stay in the archive.`);
    expect(await world.bot.app.store.sources.list()).toEqual([]);
    expect((await say(world, admin, `/removesource ${source.id}`)).text).toBe(`There is no source #${source.id}. /sources lists them.`);
    expect((await say(world, admin, "/pausesource latest")).text).toBe("Usage: /pausesource ID, with the source's number as /sources shows it, e.g. /pausesource 3.");
    expect(await auditActions(world)).toEqual([
      ["source.remove", ADMIN_ID],
      ["source.resume", ADMIN_ID],
      ["source.pause", ADMIN_ID],
    ]);
  });

  it("shows a failing source with the reason and since when, as the poller recorded it", async () => {
    site.routes.set("/broken.xml", (_req, res) => void res.writeHead(200, { "content-type": "application/rss+xml" }).end("<html><body>Maintenance</body></html>"));
    const { source } = await world.bot.app.store.sources.add({ name: "Broken Daily", feedUrl: `${site.origin}/broken.xml`, format: "rss", pollIntervalS: 300 });
    await expect.poll(async () => (await world.bot.app.store.sources.get(source.id))?.failingSince, { timeout: 10_000 }).toEqual(expect.any(String));
    const stored = await world.bot.app.store.sources.get(source.id);
    const list = await say(world, adminChat(), "/sources");
    expect(list.text).toMatch(/^Sources: 1 \(failing: 1, paused: 0\)/);
    expect(list.text).toMatch(/\n⚠️ failing since \w{3} \d{1,2}, \d{2}:\d{2} GMT\+\d \(failed polls: 1\): (.+)$/);
    expect(list.text?.endsWith(`: ${stored?.lastError ?? "?"}`)).toBe(true);
  });

  it("pages through many sources with buttons", async () => {
    for (let i = 1; i <= 10; i++) await world.bot.app.store.sources.add({ name: `Outlet ${i}`, feedUrl: `${site.origin}/feed-${i}.xml`, format: "rss", pollIntervalS: 600 });
    const admin = adminChat();
    const first = await say(world, admin, "/sources");
    expect(first.text).toMatch(/^Sources: 10 \(failing: \d+, paused: 0\) · page 1 of 2\n\n#1 Outlet 1\n/);
    expect(first.text).not.toContain("Outlet 9");
    expect(buttonsOf(first).map((b) => b.text)).toEqual(["Next »"]);
    const next = world.tg.userClicks(admin, first.message_id, dataOf(first, "Next »"));
    await world.tg.waitForCallbackAnswer(next);
    const second = await world.tg.waitForBotEdit(admin.id);
    expect(second.text).toMatch(/· page 2 of 2\n\n#9 Outlet 9\n[\s\S]*#10 Outlet 10\n/);
    expect(buttonsOf(second).map((b) => b.text)).toEqual(["« Previous"]);
  });

  it("imports an OPML document and sends the sources back as OPML", async () => {
    const admin = adminChat();
    const imported = opml([`${site.origin}/feed-a.xml`, `${site.origin}/feed-b.xml`, "ftp://example.com/feed.xml"]);
    world.tg.userSendsDocument(admin, { fileName: "newsroom.opml", content: imported });
    const report = await world.tg.waitForBotMessage(admin.id);
    expect(report.text).toBe(
      "Imported newsroom.opml: added 2, already there 0, refused 1. New sources are polled within a few minutes.\n• ftp://example.com/feed.xml: only http:// and https:// addresses can be added.",
    );
    expect((await world.bot.app.store.sources.list()).map((s) => [s.name, s.feedUrl])).toEqual([
      ["Feed 1", `${site.origin}/feed-a.xml`],
      ["Feed 2", `${site.origin}/feed-b.xml`],
    ]);
    expect(await auditActions(world)).toEqual([["source.import", ADMIN_ID]]);

    const exported = await say(world, admin, "/exportsources");
    expect(exported.document).toMatchObject({ file_name: expect.stringMatching(/^newsbrief-sources-\d{4}-\d{2}-\d{2}\.opml$/) });
    expect(exported.caption).toBe("newsbrief's sources as OPML (sources: 2). Feed readers open it; sent back to me, it is imported.");
    const [sent] = world.tg.documentsSent(admin);
    const text = sent?.data?.toString("utf8") ?? "";
    expect(text).toContain(`xmlUrl="${site.origin}/feed-a.xml"`);
    expect(text).toContain(`xmlUrl="${site.origin}/feed-b.xml"`);

    // The round trip: the exported file imports as the same two sources, already there.
    world.tg.userSendsDocument(admin, { fileName: "export.xml", content: text });
    expect((await world.tg.waitForBotMessage(admin.id)).text).toMatch(/^Imported export\.xml: added 0, already there 2, refused 0\./);
    expect(await world.bot.app.store.sources.list()).toHaveLength(2);
  });

  it("reads an OPML file in the charset its XML declaration names", async () => {
    const admin = adminChat();
    const text = `<?xml version="1.0" encoding="windows-1251"?>\n<opml version="1.0"><body><outline text="Новини Києва" xmlUrl="${site.origin}/kyiv.xml"/></body></opml>`;
    world.tg.userSendsDocument(admin, { fileName: "kyiv.opml", content: iconv.encode(text, "windows-1251") });
    expect((await world.tg.waitForBotMessage(admin.id)).text).toMatch(/^Imported kyiv\.opml: added 1,/);
    expect((await world.bot.app.store.sources.list()).map((s) => s.name)).toEqual(["Новини Києва"]);
  });

  it("explains a document that is not OPML or is too big, and imports nothing", async () => {
    const admin = adminChat();
    world.tg.userSendsDocument(admin, { fileName: "feeds.opml", content: "<html><body>hello</body></html>" });
    expect((await world.tg.waitForBotMessage(admin.id)).text).toBe(
      "feeds.opml is not an OPML list of feeds (not an OPML file: the document has no <opml> root element). Nothing was imported.",
    );
    world.tg.userSendsDocument(admin, { fileName: "huge.opml", content: Buffer.alloc(3 * 1024 * 1024, 0x20) });
    expect((await world.tg.waitForBotMessage(admin.id)).text).toBe("huge.opml is too big for a list of feeds (up to 2 MB). Nothing was imported.");
    expect((await say(world, admin, "/exportsources")).text).toBe("There are no sources to export yet.");
    expect(await world.bot.app.store.sources.list()).toEqual([]);
  });

  it("refuses everyone else at each command, and leaves their documents alone", async () => {
    const { source } = await world.bot.app.store.sources.add({ name: "Local News", feedUrl: site.feedUrl, format: "rss", pollIntervalS: 300 });
    const reader = world.tg.privateChat(world.tg.createUser({ languageCode: "en" }));
    for (const command of ["/sources", `/addsource ${site.origin}/`, `/removesource ${source.id}`, `/pausesource ${source.id}`, `/resumesource ${source.id}`, "/exportsources"]) {
      expect((await say(world, reader, command)).text, command).toBe(ADMIN_ONLY);
    }
    world.tg.userSendsDocument(reader, { fileName: "feeds.opml", content: opml([`${site.origin}/other.xml`]) });
    // Updates of a chat are handled in order: the reply to /sources comes after the document was handled.
    expect((await say(world, reader, "/sources")).text).toBe(ADMIN_ONLY);
    expect(world.tg.botMessages(reader.id).map((m) => m.text)).not.toContainEqual(expect.stringMatching(/Imported/));
    expect(world.tg.documentsSent(reader)).toEqual([]);
    expect((await world.bot.app.store.sources.list()).map((s) => [s.id, s.enabled])).toEqual([[source.id, true]]);
    expect(await auditActions(world)).toEqual([]);
    // Not even a group's own administrator is a newsbrief admin: not at a command, not at a button.
    const owner = world.tg.createUser({ languageCode: "en" });
    const newsroomAdmin = world.tg.createUser({ id: ADMIN_ID, languageCode: "en" });
    const group = world.tg.createGroup({ title: "Desk", members: [{ user: owner, status: "creator" }, { user: newsroomAdmin, status: "member" }] });
    world.tg.userSends(group, "/sources", { from: owner });
    expect((await world.tg.waitForBotMessage(group.id)).text).toBe(ADMIN_ONLY);
    site.routes.set("/other", (_req, res) => void res.writeHead(200, { "content-type": "application/rss+xml" }).end('<rss version="2.0"><channel><title>Other</title><item><title>One</title><link>/one</link></item></channel></rss>'));
    world.tg.userSends(group, `/addsource ${site.origin}/other`, { from: newsroomAdmin });
    const preview = await world.tg.waitForBotMessage(group.id);
    const press = world.tg.userClicks(group, preview.message_id, dataOf(preview, "✅ Add"), { from: owner });
    expect(await world.tg.waitForCallbackAnswer(press)).toMatchObject({ text: ADMIN_ONLY, show_alert: true });
    expect((await world.bot.app.store.sources.list()).map((s) => s.id)).toEqual([source.id]);
  });

  it("speaks Ukrainian to a Ukrainian admin", async () => {
    const admin = world.tg.privateChat(world.tg.createUser({ id: ADMIN_ID, languageCode: "uk" }));
    expect((await say(world, admin, "/sources")).text).toMatch(/^Джерел ще немає\./);
    expect((await say(world, admin, "/addsource ftp://example.com/x")).text).toBe("Не можу додати ftp://example.com/x: можна додавати лише адреси http:// і https://.");
  });
});

describe("sources, on a clock the test moves", () => {
  let now = new Date("2026-03-02T09:00:00Z");
  const world = useTestBot({ env: { ADMIN_IDS: String(ADMIN_ID), FETCH_ALLOW_PRIVATE_HOSTS: "true" }, now: () => now });

  it("refuses to add from a preview left for over half an hour", async () => {
    publish("a", "First story");
    const admin = world.tg.privateChat(world.tg.createUser({ id: ADMIN_ID, languageCode: "en" }));
    const preview = await say(world, admin, `/addsource ${site.feedUrl}`);
    now = new Date(now.getTime() + 31 * 60_000);
    const late = world.tg.userClicks(admin, preview.message_id, dataOf(preview, "✅ Add"));
    expect((await world.tg.waitForCallbackAnswer(late)).text).toBe("This button is no longer valid. Please open the menu again.");
    expect(await world.bot.app.store.sources.list()).toEqual([]);
    // Sent again, the preview is fresh and adds.
    const again = await say(world, admin, `/addsource ${site.feedUrl}`);
    world.tg.userClicks(admin, again.message_id, dataOf(again, "✅ Add"));
    expect((await world.tg.waitForBotEdit(admin.id)).text).toMatch(/^Added Local News as source #1\./);
  });
});

describe("sources, with the address guard on", () => {
  const world = useTestBot({ env: { ADMIN_IDS: String(ADMIN_ID) } });

  it("refuses loopback, cloud metadata and an IP literal spelled otherwise, in one clear line", async () => {
    const admin = world.tg.privateChat(world.tg.createUser({ id: ADMIN_ID, languageCode: "en" }));
    const blocked = "it leads to a private or local network address, which newsbrief never fetches.";
    expect((await say(world, admin, `/addsource ${site.feedUrl}`)).text).toBe(`Cannot add ${site.feedUrl}: ${blocked}`);
    expect((await say(world, admin, "/addsource http://169.254.169.254/latest/meta-data/")).text).toBe(`Cannot add http://169.254.169.254/latest/meta-data/: ${blocked}`);
    expect((await say(world, admin, "/addsource http://0x7f.1/feed.xml")).text).toBe(`Cannot add http://127.0.0.1/feed.xml: ${blocked}`);
    expect(site.requests).toEqual([]);
    expect(await world.bot.app.store.sources.list()).toEqual([]);
  });
});
