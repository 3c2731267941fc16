/**
 * The judge of "always valid in Telegram": thousands of generated and adversarial briefs, rendered
 * and sent through grammY's real Api to the Telegram emulator (which parses HTML and counts
 * lengths as Telegram does). Not one may be refused.
 */
import fc from "fast-check";
import { Api } from "grammy";
import type { InlineKeyboardMarkup, Message, MessageEntity } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderBrief, type Brief } from "../../src/brief/index.ts";
import { createI18n, translatorFor } from "../../src/i18n/index.ts";
import { startEmulator, type TelegramEmulator } from "../emulator/index.ts";

const i18n = createI18n({ defaultLocale: "en" });
const translators = { en: translatorFor(i18n, "en"), uk: translatorFor(i18n, "uk") };
const NOW = new Date("2025-03-23T12:00:00Z");

const ADVERSARIAL = [
  "<", ">", "&", "&amp;", "&lt;b&gt;", "<b>", "</b>", "<a href=\"x\">", "</a>", "<script>alert(1)</script>", '"', "'",
  "«", "»", "“unbalanced", "(", "*", "_", "`", "~", "||", "\\", "#", "@user", "/start", "https://t.me/x", "😀", "👨‍👩‍👧‍👦",
  "🇺🇦", "\u200f", "\u202e", "مرحبا بالعالم", "שלום עולם", "Київ", "\uD800", "\uDFFF", "\u0000", "\u0007", "\r\n", "\t",
  "\u2028", "\uFEFF", "\u00a0", "e\u0301", "…", "—",
];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 3, arbitrary: fc.constantFrom(...ADVERSARIAL) },
  { weight: 2, arbitrary: fc.lorem({ maxCount: 12 }) },
);
const text = (maxPieces: number): fc.Arbitrary<string> => fc.array(piece, { maxLength: maxPieces }).map((parts) => parts.join(" "));
const huge = fc.constantFrom("A".repeat(10_000), "Заголовок ".repeat(1000), "😀".repeat(5000), "<&>".repeat(3000), "word. ".repeat(2000));

const url = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    "https://www.kyivpost.com/post/49127",
    'https://example.com/a?b=1&c="2"<x>',
    "https://example.com/шлях?q=київ",
    "javascript:alert(1)",
    "tg://resolve?domain=x",
    "ftp://example.com/file",
    "http://localhost/x",
    "not a url",
    "",
  ),
);

const briefArbitrary: fc.Arbitrary<Brief> = fc.record({
  title: fc.oneof({ weight: 4, arbitrary: text(12) }, { weight: 1, arbitrary: huge }),
  sentences: fc.array(fc.oneof({ weight: 6, arbitrary: text(30) }, { weight: 1, arbitrary: huge }), { maxLength: 6 }),
  url,
  source: fc.oneof(text(4), fc.constant(""), huge),
  published: fc.option(
    fc.oneof(
      fc.date({ min: new Date("2000-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constantFrom("garbage", "", "2025-03-23T11:59:59Z"),
    ),
    { nil: undefined },
  ),
  image: fc.constant(undefined),
  tags: fc.array(fc.oneof(text(3), fc.constantFrom("War in Ukraine", "#Війна", "2025", "COVID-19", "___")), { maxLength: 10 }),
  status: fc.constantFrom("ok", "ok", "ok", "too-short", "no-text"),
}).map((brief) => {
  // fc.record keeps keys with undefined values; a Brief omits them.
  const { published, image: _image, ...rest } = brief;
  return published === undefined ? rest : { ...rest, published };
});

describe("rendered briefs in Telegram (emulator)", () => {
  let emulator: TelegramEmulator;
  let api: Api;
  let chatId: number;

  beforeAll(async () => {
    emulator = await startEmulator({ flood: false });
    api = new Api(emulator.botToken, { apiRoot: emulator.apiRoot });
    chatId = emulator.privateChat(emulator.createUser({ languageCode: "uk" })).id;
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("accepts every one, as a message and as a photo caption", async () => {
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(
        briefArbitrary,
        fc.constantFrom("en", "uk" as const),
        fc.constantFrom("message", "caption" as const),
        fc.boolean(),
        async (brief, locale, as, linkPreview) => {
          const rendered = renderBrief(brief, { t: translators[locale], now: NOW, locale, as, linkPreview });
          const reply_markup: InlineKeyboardMarkup | undefined = rendered.button
            ? { inline_keyboard: [[{ text: rendered.button.text, url: rendered.button.url }]] }
            : undefined;
          const message: Message =
            as === "message"
              ? await api.sendMessage(chatId, rendered.html, {
                  parse_mode: "HTML",
                  link_preview_options: rendered.linkPreview,
                  ...(reply_markup ? { reply_markup } : {}),
                })
              : await api.sendPhoto(chatId, "https://cdn.example.com/lead.jpg", {
                  caption: rendered.html,
                  parse_mode: "HTML",
                  ...(reply_markup ? { reply_markup } : {}),
                });
          sent++;
          const shown = message.text ?? message.caption ?? "";
          expect(shown.length).toBeLessThanOrEqual(as === "message" ? 4096 : 1024);
          // The link in the text is the button's link.
          const entities: MessageEntity[] = message.entities ?? message.caption_entities ?? [];
          const links = entities.filter((e) => e.type === "text_link");
          if (rendered.button) expect(links.map((e) => ("url" in e ? e.url : ""))).toContain(rendered.button.url);
          else expect(links).toEqual([]);
        },
      ),
      { numRuns: 1500, seed: 20250323, endOnFailure: true },
    );
    expect(sent).toBe(1500);
  }, 60_000);
});
