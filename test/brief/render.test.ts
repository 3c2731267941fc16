import { describe, expect, it } from "vitest";
import { renderBrief, type Brief } from "../../src/brief/index.ts";
import { cutUnits, shorten, toHashtag } from "../../src/brief/telegram-text.ts";
import { createI18n, translatorFor } from "../../src/i18n/index.ts";
import { parseHtml } from "../emulator/index.ts";

const i18n = createI18n({ defaultLocale: "en" });
const en = translatorFor(i18n, "en");
const uk = translatorFor(i18n, "uk");
const NOW = new Date("2025-03-23T12:00:00Z");

function brief(extra: Partial<Brief> = {}): Brief {
  return {
    title: "China considering joining Ukraine peacekeeping mission",
    sentences: [
      "China is considering joining a future peacekeeping mission in Ukraine, Welt reported.",
      "Russia has said it would not support such a force.",
    ],
    url: "https://www.kyivpost.com/post/49127",
    source: "Kyiv Post",
    published: "2025-03-23T11:55:00Z",
    tags: ["China", "War in Ukraine"],
    status: "ok",
    ...extra,
  };
}

/** What Telegram shows: the text after entity parsing (fails the test when Telegram would reject the HTML). */
function visible(html: string): { text: string; links: string[] } {
  const parsed = parseHtml(html, () => undefined);
  if (!parsed.ok) throw new Error(`Telegram would reject: ${parsed.error}\n${html}`);
  const links = parsed.entities.filter((e) => e.type === "text_link").map((e) => ("url" in e ? String(e.url) : ""));
  return { text: parsed.text, links };
}

describe("renderBrief", () => {
  it("renders headline, story, linked source with age, and hashtags, plus the button", () => {
    const rendered = renderBrief(brief(), { t: en, now: NOW, locale: "en", as: "message" });
    expect(rendered.html).toBe(
      "<b>China considering joining Ukraine peacekeeping mission</b>\n\n" +
        "China is considering joining a future peacekeeping mission in Ukraine, Welt reported. Russia has said it would not support such a force.\n\n" +
        '<a href="https://www.kyivpost.com/post/49127">Kyiv Post</a> · 5 min ago\n' +
        "#China #WarInUkraine",
    );
    expect(rendered.button).toEqual({ text: "Read the full story", url: "https://www.kyivpost.com/post/49127" });
    expect(rendered.linkPreview).toEqual({ is_disabled: true });
  });

  it("localizes the age and the button in Ukrainian with its plural forms", () => {
    const at = (published: string): string =>
      renderBrief(brief({ published }), { t: uk, now: NOW, locale: "uk", as: "message" }).html.split("\n").at(-2) ?? "";
    expect(at("2025-03-23T11:55:00Z")).toContain("Kyiv Post</a> · 5 хв тому");
    expect(at("2025-03-23T11:00:00Z")).toContain("· 1 годину тому");
    expect(at("2025-03-23T09:00:00Z")).toContain("· 3 години тому");
    expect(at("2025-03-23T07:00:00Z")).toContain("· 5 годин тому");
    expect(at("2025-03-22T11:00:00Z")).toContain("· 1 день тому");
    expect(at("2025-03-20T11:00:00Z")).toContain("· 3 дні тому");
    expect(at("2025-03-17T11:00:00Z")).toContain("· 6 днів тому");
    expect(at("2025-03-23T11:59:40Z")).toContain("· щойно");
    expect(at("2025-03-01T12:00:00Z")).toMatch(/· 1 бер\. 2025/);
    expect(renderBrief(brief(), { t: uk, now: NOW, locale: "uk", as: "message" }).button?.text).toBe("Читати повністю");
  });

  it("shows English ages and the date for old, future or unreadable dates", () => {
    const footer = (published: string | undefined): string =>
      renderBrief(brief(published === undefined ? { published: undefined } : { published }), { t: en, now: NOW, locale: "en", as: "message" })
        .html.split("\n")
        .at(-2) ?? "";
    expect(footer("2025-03-23T10:00:00Z")).toMatch(/· 2 hours ago$/);
    expect(footer("2025-03-22T11:00:00Z")).toMatch(/· 1 day ago$/);
    expect(footer("2025-03-10T12:00:00Z")).toMatch(/· Mar 10, 2025$/);
    expect(footer("2025-04-10T12:00:00Z")).toMatch(/· Apr 10, 2025$/);
    expect(footer("not a date")).toBe('<a href="https://www.kyivpost.com/post/49127">Kyiv Post</a>');
    expect(footer(undefined)).toBe('<a href="https://www.kyivpost.com/post/49127">Kyiv Post</a>');
  });

  it("escapes every external string", () => {
    const rendered = renderBrief(
      brief({
        title: 'A <b>bold</b> & "quoted" claim',
        sentences: ["Prices rose 5% & fell <3 times.", "x </a><script>alert(1)</script>"],
        source: "<Evil & Co>",
        url: 'https://example.com/a?b=1&c="2"<x>',
        tags: ["<tag>"],
      }),
      { t: en, now: NOW, locale: "en", as: "message" },
    );
    const shown = visible(rendered.html);
    expect(shown.text).toContain('A <b>bold</b> & "quoted" claim');
    expect(shown.text).toContain("Prices rose 5% & fell <3 times. x </a><script>alert(1)</script>");
    expect(shown.text).toContain("<Evil & Co>");
    expect(shown.text).toContain("#tag");
    expect(shown.links).toEqual(["https://example.com/a?b=1&c=%222%22%3Cx%3E"]);
    expect(rendered.button?.url).toBe("https://example.com/a?b=1&c=%222%22%3Cx%3E");
  });

  it("never makes a link of a URL that is not http(s)", () => {
    for (const url of ["javascript:alert(1)", "ftp://example.com/file", "tg://resolve?domain=x", "not a url", "", "http://localhost/a"]) {
      const rendered = renderBrief(brief({ url }), { t: en, now: NOW, locale: "en", as: "message", linkPreview: true });
      expect(rendered.html).not.toContain("<a ");
      expect(rendered.button).toBeUndefined();
      expect(rendered.linkPreview).toEqual({ is_disabled: true });
      expect(visible(rendered.html).text).toContain("Kyiv Post · 5 min ago");
    }
  });

  it("asks for a large preview of the article when the chat wants link previews", () => {
    const rendered = renderBrief(brief(), { t: en, now: NOW, locale: "en", as: "message", linkPreview: true });
    expect(rendered.linkPreview).toEqual({ url: "https://www.kyivpost.com/post/49127", prefer_large_media: true });
  });

  it("says so, in italics, when the article could not be read or is too short", () => {
    const noText = renderBrief(brief({ sentences: [], status: "no-text" }), { t: en, now: NOW, locale: "en", as: "message" });
    expect(noText.html).toContain("<i>Could not read the article on the page. Open the full story on the site.</i>");
    const tooShort = renderBrief(brief({ sentences: [], status: "too-short" }), { t: uk, now: NOW, locale: "uk", as: "message" });
    expect(tooShort.html).toContain("<i>На сторінці замало тексту для короткого викладу. Відкрийте статтю повністю на сайті.</i>");
    expect(tooShort.html).toContain("<b>China considering joining Ukraine peacekeeping mission</b>");
    expect(tooShort.button?.url).toBe("https://www.kyivpost.com/post/49127");
  });

  it("makes valid, deduplicated Telegram hashtags", () => {
    const rendered = renderBrief(
      brief({ tags: ["War in Ukraine", "WarInUkraine", "#Війна", "COVID-19", "2025", "", "___", "a/b c", "x1", "y2", "z3"] }),
      { t: en, now: NOW, locale: "en", as: "message" },
    );
    expect(rendered.html.split("\n").at(-1)).toBe("#WarInUkraine #Війна #COVID19 #ABC #x1 #y2");
    expect(toHashtag("нова пошта")).toBe("НоваПошта");
    expect(toHashtag("42")).toBeUndefined();
  });

  it("keeps a 10,000-character headline and a huge story within the message and caption limits", () => {
    const title = "Headline word ".repeat(715).trim(); // ~10,000 characters
    const sentences = Array.from({ length: 200 }, (_, i) => `Sentence number ${i} tells part of the story.`);
    for (const as of ["message", "caption"] as const) {
      const rendered = renderBrief(brief({ title, sentences }), { t: en, now: NOW, locale: "en", as });
      const shown = visible(rendered.html);
      expect(shown.text.length).toBeLessThanOrEqual(as === "message" ? 4096 : 1024);
      expect(shown.text).toMatch(/^Headline word .*…\n\n/s);
      // The story is cut after a whole sentence, and the footer survives.
      expect(shown.text).toMatch(/part of the story\.\n\nKyiv Post · 5 min ago\n#China #WarInUkraine$/);
    }
  });

  it("cuts a story without spaces inside the limit and never inside a surrogate pair", () => {
    const emoji = "😀".repeat(3000); // 6,000 UTF-16 code units, no word boundary
    const rendered = renderBrief(brief({ sentences: [emoji] }), { t: en, now: NOW, locale: "en", as: "caption" });
    const shown = visible(rendered.html);
    expect(shown.text.length).toBeLessThanOrEqual(1024);
    expect(shown.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(shown.text).toContain("😀…");
  });

  it("repairs lone surrogates and control characters in external strings", () => {
    const rendered = renderBrief(brief({ title: "Bad \uD800 title\u0000\u0007 here", source: "Site\nName" }), {
      t: en,
      now: NOW,
      locale: "en",
      as: "message",
    });
    expect(rendered.html).toContain("<b>Bad \uFFFD title here</b>");
    expect(rendered.html).toContain(">Site Name</a>");
  });
});

describe("text helpers", () => {
  it("cutUnits never leaves half of a surrogate pair", () => {
    expect(cutUnits("ab😀", 3)).toBe("ab");
    expect(cutUnits("ab😀", 4)).toBe("ab😀");
  });

  it("shorten prefers a sentence end, then a word boundary, and marks a cut with …", () => {
    expect(shorten("One two three. Four five six seven.", 20)).toBe("One two three.");
    expect(shorten("Alpha beta gamma delta epsilon", 20)).toBe("Alpha beta gamma…");
    expect(shorten("short", 20)).toBe("short");
  });
});
