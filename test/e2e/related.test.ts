import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Api, InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFetchArticle } from "../../src/archive/fetch-article.ts";
import { createHttpClient } from "../../src/ingest/http/index.ts";
import { renderBrief } from "../../src/brief/index.ts";
import type { Brief } from "../../src/brief/types.ts";
import { createI18n, translatorFor } from "../../src/i18n/index.ts";
import type { Store, StoredArticle } from "../../src/store/index.ts";
import { useTestBot } from "./harness.ts";
import { buttonsOf, dataOf } from "./helpers.ts";

/** A local page server: a story page the archive does not hold, with the page's own related links. */
let server: Server;
let origin = "";
const PAGE = (origin: string) => `<!doctype html><html lang="en"><head><title>Aftershocks rattle Sumatra</title>
<meta property="og:title" content="Aftershocks rattle Sumatra a day after the 6.1 earthquake"></head><body>
<article><h1>Aftershocks rattle Sumatra a day after the 6.1 earthquake</h1>
<p>Strong aftershocks shook Padang on Wednesday, a day after a magnitude 6.1 earthquake struck off Sumatra, Indonesia's geophysics agency said.</p>
<p>Residents of Padang slept outside for a second night after the Sumatra earthquake damaged hundreds of houses, officials said.</p>
<p>The agency said the aftershocks posed no tsunami threat to the coast of Sumatra.</p>
</article>
<aside><h2>Read Next</h2><ul><li><a href="https://news.example/world/2026/03/02/indonesia-raises-alert-on-java-volcano">Indonesia raises the alert on a Java volcano</a></li>
<li><a href="https://news.example/world/2026/03/01/java-villagers-leave-homes-near-volcano">Java villagers leave homes near the volcano</a></li></ul></aside>
</body></html>`;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === "/aftershocks") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(PAGE(origin));
      return;
    }
    response.writeHead(404, { "content-type": "text/html" });
    response.end("<h1>Not found</h1>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// The guard stays on, as in production; only this file's page server is let through.
const fetchConfig = { allowPrivateHosts: false, userAgent: "newsbrief-test", timeoutMs: 5000, connectTimeoutMs: 2000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 };
const world = useTestBot({
  app: () => ({ fetchArticle: createFetchArticle(createHttpClient(fetchConfig, { allowAddress: (address, port) => address === "127.0.0.1" && `127.0.0.1:${port}` === new URL(origin).host })) }),
});

const DAY = 86_400_000;
const now = Date.now();

async function story(store: Store, source: string, title: string, text: string, url: string, daysAgo: number, group: number | null = null): Promise<StoredArticle> {
  const { source: src } = await store.sources.add({ name: source, feedUrl: `https://${source.toLowerCase().replace(/\W+/g, "")}.example/feed`, format: "rss", pollIntervalS: 600 });
  const brief: Brief = { title, sentences: [text], url, source, tags: [], status: "ok", published: new Date(now - daysAgo * DAY).toISOString() };
  return store.articles.insert(
    { sourceId: src.id, url, title, body: text, brief, textFrom: "page", contentHash: null, fingerprint: null, deliver: true, topics: [], links: [], publishedAt: brief.published ?? null },
    group,
  );
}

/** The archive: one earthquake told by two outlets, more stories on it, and unrelated news. */
async function seed(store: Store) {
  const group = await store.articles.createStoryGroup("Sumatra earthquake");
  const quake = await story(store, "Kyiv Post", "Magnitude 6.1 earthquake hits Sumatra", "A magnitude 6.1 earthquake struck off Sumatra on Tuesday, Indonesia's geophysics agency said. Buildings shook in Padang.", "https://kyivpost.example/sumatra-quake", 1, group);
  const copy = await story(store, "Reuters", "Strong quake shakes Sumatra, Indonesia says", "Indonesia's geophysics agency said a 6.1 magnitude earthquake struck off Sumatra; houses were damaged in Padang.", "https://reuters.example/sumatra-quake", 1, group);
  const related: StoredArticle[] = [];
  const angles = ["Padang residents sleep outside", "No tsunami after the Sumatra earthquake", "Sumatra earthquake damages schools", "Aid reaches Padang after the earthquake", "Sumatra earthquake: what we know", "Indonesia counts the cost of the Sumatra quake", "Padang hospitals treat the injured after the quake"];
  for (const [i, angle] of angles.entries()) {
    related.push(await story(store, i % 2 ? "BBC" : "AP", angle, `${angle}. The magnitude 6.1 earthquake off Sumatra damaged houses in Padang, Indonesia said.`, `https://news${i}.example/quake-${i}`, 2 + i));
  }
  const other = await story(store, "AP", "Actress checks into rehab in Malibu", "The actress checked into a rehab clinic in Malibu, her spokesman confirmed.", "https://ap.example/rehab", 3);
  return { quake, copy, related, other };
}

/** What delivery sends: the rendered brief with "Read the full story" and "Related" buttons. */
async function deliverBrief(chatId: number, article: StoredArticle): Promise<Message> {
  const i18n = createI18n({ defaultLocale: "en" });
  const rendered = renderBrief(article.brief, { t: translatorFor(i18n, "en"), now: new Date(), locale: "en", as: "message" });
  const keyboard = new InlineKeyboard().url(rendered.button!.text, rendered.button!.url).text("Related", `rel:${article.id}`);
  const api = new Api(world.tg.botToken, { apiRoot: world.tg.apiRoot });
  return api.sendMessage(chatId, rendered.html, { parse_mode: "HTML", reply_markup: keyboard });
}

const titlesIn = (message: Message) => [...(message.text ?? "").matchAll(/^\d+\. (.+)$/gm)].map((m) => m[1]);

describe("/related", () => {
  it("answers a reply to a brief: the same story elsewhere first, then related stories, paged, never the story itself", async () => {
    const { quake, copy, related, other } = await seed(world.bot.app.store);
    const chat = world.tg.privateChat(world.tg.createUser({ languageCode: "en" }));
    const brief = await deliverBrief(chat.id, quake);
    await world.tg.waitForBotMessage(chat.id);
    world.tg.userSends(chat, "/related", { replyTo: brief.message_id });
    const answer = await world.tg.waitForBotMessage(chat.id, (m) => m.message_id !== brief.message_id);
    const lines = answer.text!.split("\n");
    expect(lines[0]).toBe(`Related to ${quake.title}`);
    expect(lines[2]).toBe("The same story elsewhere");
    expect(lines[3]).toBe(`1. ${copy.title}`);
    expect(lines[4]).toBe("    Reuters · 1 day ago");
    expect(lines[5]).toBe("");
    expect(lines[6]).toBe("Related stories");
    expect(answer.text).toMatch(/Page 1 of 2$/);
    expect(buttonsOf(answer).map((b) => b.text)).toEqual(["More ›"]);

    world.tg.userClicks(chat, answer.message_id, dataOf(answer, "More ›"));
    const second = await world.tg.waitForBotEdit(chat.id);
    expect(second.text).toMatch(/Page 2 of 2$/);
    expect(buttonsOf(second).map((b) => b.text)).toEqual(["‹ Back"]);
    const all = [...titlesIn(answer), ...titlesIn(second)];
    expect(all).not.toContain(quake.title);
    expect(all).not.toContain(other.title);
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual([copy.title, ...related.map((r) => r.title)].sort());
  });

  it("answers the brief's Related button as /related does", async () => {
    const { quake, copy } = await seed(world.bot.app.store);
    const chat = world.tg.privateChat(world.tg.createUser({ languageCode: "uk" }));
    const brief = await deliverBrief(chat.id, quake);
    await world.tg.waitForBotMessage(chat.id);
    const press = world.tg.userClicks(chat, brief.message_id, `rel:${quake.id}`);
    await world.tg.waitForCallbackAnswer(press);
    const answer = await world.tg.waitForBotMessage(chat.id, (m) => m.message_id !== brief.message_id);
    expect(answer.text).toMatch(new RegExp(`^Пов'язане з ${quake.title}\n\nТа сама історія в інших виданнях\n1\\. ${copy.title}`));
    expect(buttonsOf(answer).map((b) => b.text)).toEqual(["Далі ›"]);
  });

  it("reads a linked page it does not hold: the page's own links, then similar stories", async () => {
    const { related } = await seed(world.bot.app.store);
    const chat = world.tg.privateChat(world.tg.createUser({ languageCode: "en" }));
    world.tg.userSends(chat, `/related ${origin}/aftershocks`);
    const answer = await world.tg.waitForBotMessage(chat.id);
    const lines = answer.text!.split("\n");
    expect(lines[0]).toBe("Related to Aftershocks rattle Sumatra a day after the 6.1 earthquake");
    expect(lines[2]).toBe("Related stories");
    expect(lines[3]).toBe("1. Indonesia raises the alert on a Java volcano");
    expect(lines[4]).toBe("    news.example");
    expect(lines[5]).toBe("2. Java villagers leave homes near the volcano");
    expect(related.map((r) => r.title)).toContain(titlesIn(answer)[2]);
    world.tg.userClicks(chat, answer.message_id, dataOf(answer, "More ›"));
    expect((await world.tg.waitForBotEdit(chat.id)).text).toMatch(/^Related to Aftershocks[^]*\n6\. [^]*Page 2 of 3$/);
  });

  it("finds stories by words, whatever quotes and operators they hold", async () => {
    const { related, other } = await seed(world.bot.app.store);
    const chat = world.tg.privateChat(world.tg.createUser({ languageCode: "en" }));
    world.tg.userSends(chat, '/related "Padang" AND NOT (earthquake* OR -tsunami) NEAR(x');
    const answer = await world.tg.waitForBotMessage(chat.id);
    expect(answer.text).toMatch(/^Stories about "Padang" AND NOT \(earthquake\* OR -tsunami\) NEAR\(x\n/);
    expect(titlesIn(answer).every((t) => [...related.map((r) => r.title), "Magnitude 6.1 earthquake hits Sumatra", "Strong quake shakes Sumatra, Indonesia says"].includes(t!))).toBe(true);
    expect(titlesIn(answer)).not.toContain(other.title);
  });

  it("says clearly what is wrong with the input", async () => {
    await seed(world.bot.app.store);
    const chat = world.tg.privateChat(world.tg.createUser({ languageCode: "en" }));
    const cases: Array<[string, RegExp]> = [
      ["/related", /^Reply \/related to one of my briefs/],
      [`/related ${"news ".repeat(800)}`, /^That is too long to search: please use at most 300 characters\.$/],
      ['/related "" () - *', /^There is nothing in that I can search for/],
      ["/related ftp://example.com/story", /^I can only open http and https links\.$/],
      ["/related http://10.0.0.7/story", /private network address/],
      ["/related http://localhost:8080/admin", /private network address/],
      [`/related ${origin}/missing`, /^I could not open that page\. Check the link, or try again later\.$/],
      ["/search", /^Send \/search with some words/],
    ];
    for (const [text, expected] of cases) {
      world.tg.userSends(chat, text);
      expect((await world.tg.waitForBotMessage(chat.id)).text).toMatch(expected);
    }
    const mine = world.tg.userSends(chat, "hello");
    await world.tg.waitForBotMessage(chat.id);
    world.tg.userSends(chat, "/related", { replyTo: mine.message_id });
    expect((await world.tg.waitForBotMessage(chat.id)).text).toMatch(/^That message is not one of my briefs/);
  });
});

describe("after a restart", () => {
  it("answers from the stored archive at once", async () => {
    const { quake, copy } = await seed(world.bot.app.store);
    await world.restart();
    const chat = world.tg.privateChat(world.tg.createUser({ languageCode: "en" }));
    world.tg.userSends(chat, `/related ${quake.url}`);
    const answer = await world.tg.waitForBotMessage(chat.id);
    expect(answer.text).toMatch(new RegExp(`^Related to ${quake.title}\n\nThe same story elsewhere\n1\. ${copy.title}`));
  });
});

describe("/search and inline mode", () => {
  it("lists the newest relevant briefs first", async () => {
    const { quake, copy, related } = await seed(world.bot.app.store);
    const chat = world.tg.privateChat(world.tg.createUser({ languageCode: "en" }));
    world.tg.userSends(chat, "/search Padang earthquake");
    const answer = await world.tg.waitForBotMessage(chat.id);
    expect(answer.text).toMatch(/^Newest briefs about Padang earthquake\n/);
    const titles = titlesIn(answer);
    expect(titles.slice(0, 2).sort()).toEqual([quake.title, copy.title].sort());
    expect(titles[2]).toBe(related[0]!.title);
    expect(answer.text).toMatch(/Page 1 of 2$/);
  });

  it("offers briefs as shareable results for @bot words", async () => {
    const { quake } = await seed(world.bot.app.store);
    const user = world.tg.createUser({ languageCode: "en" });
    const id = world.tg.inlineQuery(user, "Sumatra earthquake");
    const answer = await world.tg.waitForInlineAnswer(id);
    const results = answer.results as Array<{ type: string; id: string; title: string; input_message_content: { message_text: string; parse_mode: string } }>;
    expect(results.length).toBeGreaterThan(2);
    expect(results.every((r) => r.type === "article")).toBe(true);
    const first = results.find((r) => r.id === String(quake.id))!;
    expect(first.title).toBe(quake.title);
    expect(first.input_message_content.parse_mode).toBe("HTML");
    expect(first.input_message_content.message_text).toMatch(/^<b>Magnitude 6\.1 earthquake hits Sumatra<\/b>\n\nA magnitude 6\.1 earthquake struck/);

    const nothing = world.tg.inlineQuery(user, '"" -');
    expect((await world.tg.waitForInlineAnswer(nothing)).results).toEqual([]);
  });
});
