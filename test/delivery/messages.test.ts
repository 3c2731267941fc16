import { describe, expect, it } from "vitest";
import { classifyFailure } from "../../src/delivery/failures.ts";
import { isBreaking } from "../../src/delivery/breaking.ts";
import { briefMessage, digestPages, plainText, visibleLength, type StoryToSend } from "../../src/delivery/messages.ts";
import { GrammyError, HttpError } from "grammy";
import { createI18n, translatorFor } from "../../src/i18n/index.ts";
import { newArticle } from "./stories.ts";

const i18n = createI18n({ defaultLocale: "en" });
const context = (locale: "en" | "uk" = "en", settings = { images: true, linkPreviews: false }) => ({ t: translatorFor(i18n, locale), locale, now: new Date("2026-11-29T12:00:00Z"), settings });
const story = (patch: Partial<StoryToSend["brief"]> = {}, payload: StoryToSend["payload"] = {}, articleId = 1): StoryToSend => ({
  articleId,
  brief: { ...newArticle().brief, ...patch },
  payload,
});

describe("a brief as a message", () => {
  it("carries the Read and Related buttons, and the outlets that also reported it, in the chat's language", () => {
    const en = briefMessage(story({ title: "Grain deal" }, { alsoReportedBy: ["Reuters", "BBC"] }, 42), context());
    expect(en.method).toBe("sendMessage");
    expect(en.html.endsWith("<i>Also reported by Reuters, BBC</i>")).toBe(true);
    expect(en.keyboard).toEqual([[{ text: "Read the full story", url: expect.stringMatching(/^https:\/\/news\.example\.org\//) }, { text: "🔎 Related", callback_data: "rel:42" }]]);
    const uk = briefMessage(story({}, { alsoReportedBy: ["Reuters"], breaking: true }), context("uk"));
    expect(uk.html.startsWith("<b>⚡ Терміново</b>\n\n")).toBe(true);
    expect(uk.html.endsWith("<i>Також пишуть: Reuters</i>")).toBe(true);
    expect(uk.keyboard[0]!.map((b) => b.text)).toEqual(["Читати повністю", "🔎 Схожі"]);
  });

  it("is a photo with a caption when the chat wants images, and a message when it does not or the caption would be too long", () => {
    const image = "https://img.example.org/a.jpg";
    expect(briefMessage(story({ image }), context())).toMatchObject({ method: "sendPhoto", photo: image });
    expect(briefMessage(story({ image }), context("en", { images: false, linkPreviews: true }))).toMatchObject({ method: "sendMessage" });
    expect(briefMessage(story({ image }), context(), { photo: false })).toMatchObject({ method: "sendMessage" });
    const long = briefMessage(story({ image }, { alsoReportedBy: Array.from({ length: 80 }, (_, i) => `Outlet number ${i}`) }), context());
    expect(long.method).toBe("sendMessage");
  });

  it("turns into plain text for a resend", () => {
    expect(plainText('<b>A &amp; B</b> <a href="x">&lt;c&gt;</a>')).toBe("A & B <c>");
  });
});

describe("a digest", () => {
  it("fits every page into one message and numbers the stories across pages", () => {
    const stories = Array.from({ length: 25 }, (_, i) => story({ title: `Story ${i + 1} ${"long ".repeat(30)}`, sentences: ["x".repeat(290)] }, {}, i + 1));
    const pages = digestPages(stories, context());
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flatMap((p) => p.items)).toEqual(stories.map((_, i) => i));
    for (const page of pages) {
      expect(visibleLength(page.message.html)).toBeLessThanOrEqual(4096);
      expect(page.message.keyboard.length).toBe(page.items.length);
    }
    expect(pages[1]!.message.keyboard[0]![1]).toEqual({ text: `${pages[0]!.items.length + 1}. Related`, callback_data: `rel:${pages[0]!.items.length + 1}` });
    expect(pages[0]!.message.html.startsWith(`📰 <b>Your digest</b> · 25 stories (part 1 of ${pages.length})`)).toBe(true);
  });
});

describe("breaking news", () => {
  it("is what the outlet marks as such in the headline", () => {
    for (const title of ["BREAKING: Quake hits", "Breaking news – talks collapse", "Терміново: вибухи в Києві", "⚡ Markets halt", "URGENT | Strike"]) expect(isBreaking(title)).toBe(true);
    for (const title of ["Breaking the ice with Beijing", "Why urgent reforms stall", "Markets close higher"]) expect(isBreaking(title)).toBe(false);
  });
});

describe("what a failed send means", () => {
  const error = (code: number, description: string, parameters = {}) => new GrammyError("x", { ok: false, error_code: code, description, parameters }, "sendMessage", {});
  it("tells waits, dead chats, moves, malformed text, refused photos and passing failures apart", () => {
    expect(classifyFailure(error(429, "Too Many Requests: retry after 7", { retry_after: 7 }), "sendMessage")).toMatchObject({ kind: "flood", retryAfterS: 7 });
    expect(classifyFailure(error(403, "Forbidden: user is deactivated"), "sendMessage").kind).toBe("gone");
    expect(classifyFailure(error(400, "Bad Request: chat not found"), "sendMessage").kind).toBe("gone");
    expect(classifyFailure(error(400, "Bad Request: group chat was upgraded to a supergroup chat", { migrate_to_chat_id: -100 }), "sendMessage")).toMatchObject({ kind: "migrated", toChatId: -100 });
    expect(classifyFailure(error(400, "Bad Request: can't parse entities: x"), "sendMessage").kind).toBe("malformed");
    expect(classifyFailure(error(400, "Bad Request: failed to get HTTP URL content"), "sendPhoto").kind).toBe("photo-refused");
    expect(classifyFailure(error(502, "Bad Gateway"), "sendMessage").kind).toBe("transient");
    expect(classifyFailure(new HttpError("Network request for 'sendMessage' failed!", new Error("ECONNRESET")), "sendMessage").kind).toBe("transient");
    expect(classifyFailure(error(400, "Bad Request: message thread not found"), "sendMessage").kind).toBe("refused");
  });
});
