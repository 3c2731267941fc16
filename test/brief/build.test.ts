import { describe, expect, it } from "vitest";
import { buildBrief, summarize } from "../../src/brief/index.ts";
import { MAX_BRIEF_INPUT_CHARS } from "../../src/brief/build.ts";
import { bodySentences, cutToWords } from "../../src/brief/build.ts";
import type { Article } from "../../src/extract/article.ts";

const words = (sentences: string[]): number => sentences.join(" ").split(/\s+/).filter(Boolean).length;

function article(body: string, extra: Partial<Article> = {}): Article {
  return {
    url: "https://www.kyivpost.com/post/49127",
    title: "China Considering Joining Ukraine Peacekeeping Mission",
    authors: [],
    tags: [],
    links: [],
    articleBody: body,
    ...extra,
  };
}

// The seed article's body as the extractor gives it (paragraphs separated by blank lines).
const SEED_BODY = [
  "China is considering joining a future peacekeeping mission in Ukraine, the German newspaper Welt reported citing sources in Brussels.",
  "Earlier this month, UK Prime Minister proposed forming a “coalition of the willing” of EU and NATO members to send troops to Ukraine to enforce a ceasefire between Kyiv and Moscow.",
  "Russia has said it would not support such a force on Ukrainian territory.",
  "According to Welt’s sources, Beijing is asking its European partners if they support its involvement in such an initiative.",
  "China’s participation in the “coalition of the willing” could help Russia reconsider its attitude towards a peacekeeping force on Ukrainian territory, the paper wrote.",
  "But this step remains “delicate” and requires a cautious approach, it added.",
  "Advertisement",
  "The prospect of using peacekeepers from countries such as India and China has been raised before, but is usually dismissed by security experts.",
  "Many believe China is tacitly supporting Russia and the war.",
].join("\n\n");

describe("buildBrief", () => {
  it("briefs the seed article in 2-4 of its own sentences, lead first, within 90 words", () => {
    const brief = buildBrief(article(SEED_BODY, { siteName: "Kyiv Post", published: "2025-03-23T09:00:00Z" }), {
      tags: ["China", "WarInUkraine"],
    });
    expect(brief.status).toBe("ok");
    expect(brief.sentences.length).toBeGreaterThanOrEqual(2);
    expect(brief.sentences.length).toBeLessThanOrEqual(4);
    expect(words(brief.sentences)).toBeLessThanOrEqual(90);
    expect(brief.sentences[0]).toMatch(/^China is considering joining a future peacekeeping mission/);
    for (const sentence of brief.sentences) expect(SEED_BODY).toContain(sentence);
    expect(brief.sentences.join(" ")).not.toContain("Advertisement");
    expect(brief).toMatchObject({
      title: "China Considering Joining Ukraine Peacekeeping Mission",
      url: "https://www.kyivpost.com/post/49127",
      source: "Kyiv Post",
      published: "2025-03-23T09:00:00Z",
      tags: ["China", "WarInUkraine"],
    });
  });

  it("opens with the lead of a well-written story, the rest in article order, and is deterministic", () => {
    const first = buildBrief(article(SEED_BODY));
    const again = buildBrief(article(SEED_BODY));
    expect(again).toEqual(first);
    const positions = first.sentences.map((sentence) => SEED_BODY.indexOf(sentence));
    expect(positions[0]).toBe(0);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("says honestly when there is no text or too little, and invents nothing", () => {
    const empty = buildBrief(article("   "));
    expect(empty.status).toBe("no-text");
    expect(empty.sentences).toEqual([]);
    const teaser = buildBrief(article("Subscribe to read the full story.\n\nRussia struck Kyiv overnight."));
    expect(teaser.status).toBe("too-short");
    expect(teaser.sentences).toEqual([]);
    expect(teaser.title).toBe("China Considering Joining Ukraine Peacekeeping Mission");
  });

  it("does not count the headline repeated in the body, nor page debris, as text", () => {
    const body = "China Considering Joining Ukraine Peacekeeping Mission\n\nJOIN US ON TELEGRAM\n\nClick here to subscribe.\n\nAdvertisement";
    expect(buildBrief(article(body)).status).toBe("too-short");
  });

  it("falls back to the site's host for the source and drops a non-http image", () => {
    const brief = buildBrief(article(SEED_BODY, { image: "javascript:alert(1)" }));
    expect(brief.source).toBe("kyivpost.com");
    expect(brief.image).toBeUndefined();
    expect(buildBrief(article(SEED_BODY, { image: "https://cdn.example.com/a.jpg" })).image).toBe("https://cdn.example.com/a.jpg");
  });

  it("honours the word and sentence options", () => {
    const one = buildBrief(article(SEED_BODY), { maxSentences: 1 });
    expect(one.sentences).toHaveLength(1);
    const tight = buildBrief(article(SEED_BODY), { maxWords: 40 });
    expect(words(tight.sentences)).toBeLessThanOrEqual(40);
  });

  it("cuts an overlong only sentence at a clause or word boundary with an ellipsis", () => {
    const long = `${Array.from({ length: 30 }, (_, i) => `clause number ${i} goes on`).join(", ")}.`;
    const brief = buildBrief(article(`Officials said ${long}`), { maxWords: 40 });
    expect(brief.status).toBe("ok");
    expect(brief.sentences).toHaveLength(1);
    expect(brief.sentences[0]).toMatch(/…$/);
    expect(words(brief.sentences)).toBeLessThanOrEqual(40);
    expect(cutToWords("a b c d e f, g h i j", 8)).toBe("a b c d e f…");
  });
});

// A feature that opens with a teaser: the story is in the second sentence.
const TEASER_BODY = [
  "Ever wondered what it feels like to stand in a 122mph wind?",
  "Storm Eunice brought record gusts of 122mph to southern England on Friday, closing hundreds of schools and cutting power to 140,000 homes.",
  "The Met Office issued a rare red weather warning for London and the south-east of England.",
  "The record gust was measured at the Needles on the Isle of Wight, the strongest ever recorded in England.",
  "Schools in Kent, Sussex and London closed as the storm reached the coast on Friday morning.",
  "Power companies said engineers were working to restore supplies to the 140,000 homes left without electricity.",
  "Train operators cancelled services across southern England and urged people not to travel.",
].join(" ");
const TEASER_TITLE = "Storm Eunice: record 122mph gust as storm closes schools and cuts power in southern England";

describe("the brief's first sentence carries the story on its own", () => {
  it("is the story's core statement when the article opens with a teaser; the rest follow in article order", () => {
    const brief = buildBrief(article(TEASER_BODY, { title: TEASER_TITLE }));
    expect(brief.sentences[0]).toBe(
      "Storm Eunice brought record gusts of 122mph to southern England on Friday, closing hundreds of schools and cutting power to 140,000 homes.",
    );
    // The teaser is still part of the brief, just not its opening.
    expect(brief.sentences).toContain("Ever wondered what it feels like to stand in a 122mph wind?");
    const rest = brief.sentences.slice(1).map((sentence) => TEASER_BODY.indexOf(sentence));
    expect(rest.every((position) => position >= 0)).toBe(true);
    expect([...rest].sort((a, b) => a - b)).toEqual(rest);
  });

  it("is the lead of a news story in Ukrainian", () => {
    const body = [
      "Сили протиповітряної оборони вночі збили 40 із 55 дронів, якими Росія атакувала Київ, повідомили в Повітряних силах ЗСУ.",
      "Унаслідок атаки загинули двоє людей, ще дев'ятеро поранені, повідомив мер Києва Віталій Кличко.",
      "Пожежі виникли у трьох районах столиці.",
      "Рятувальники працювали всю ніч, розбираючи завали.",
    ].join(" ");
    const sentences = summarize(body, "Росія атакувала Київ дронами, загинули двоє людей");
    expect(sentences[0]).toMatch(/^Сили протиповітряної оборони вночі збили 40 із 55 дронів/);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
  });

  it("never leans on a sentence before it (\"He conceded…\"), however central that sentence is", () => {
    const body = [
      "Few people expected the vote to be this close.",
      "Anna Kowalska won on Sunday.",
      "He conceded that Kowalska won a second term as Gdansk mayor with 50.8% of the Gdansk vote, the closest Gdansk mayoral vote.",
      "Turnout in the Gdansk mayoral vote was 61%, the highest in the city's history.",
      "Kowalska promised to finish the new Gdansk tram line in her second term as mayor.",
    ].join(" ");
    const title = "Kowalska wins second term as Gdansk mayor";
    const sentences = summarize(body, title);
    expect(sentences.some((sentence) => sentence.startsWith("He conceded"))).toBe(true);
    expect(sentences[0]).not.toMatch(/^He\b/);
    expect(summarize(body, title, { maxSentences: 1 })[0]).not.toMatch(/^He\b/);
  });

  it("never opens with a sentence that leans on one before it, in English, Ukrainian or Russian, even after \"But\" is dropped", () => {
    const cases: Array<[string, string]> = [
      [
        [
          "The port reopened on Monday after a week of repairs.",
          "But the strike that closed the port in March cost the city 40 million in lost trade and 300 jobs at the port, the port authority said.",
          "This port strike was the longest strike at the city port since 1989, port workers said.",
        ].join(" "),
        "Port strike cost city 40 million",
      ],
      [
        [
          "Порт відкрився в понеділок після тижня ремонту.",
          "Однак страйк у порту в березні коштував місту 40 мільйонів і 300 робочих місць у порту, заявили в адміністрації порту.",
          "Він став найдовшим страйком у порту міста з 1989 року.",
        ].join(" "),
        "Страйк у порту коштував місту 40 мільйонів",
      ],
      [
        [
          "Порт открылся в понедельник после недели ремонта.",
          "Однако забастовка в порту в марте стоила городу 40 миллионов и 300 рабочих мест в порту, заявили в администрации порта.",
          "Это была самая долгая забастовка в порту города с 1989 года.",
        ].join(" "),
        "Забастовка в порту стоила городу 40 миллионов",
      ],
    ];
    for (const [body, title] of cases) {
      const sentences = summarize(body, title);
      expect(sentences[0], title).toBe(body.split(/(?<=\.) /)[0]);
      expect(summarize(body, title, { maxSentences: 1 })[0], title).toBe(body.split(/(?<=\.) /)[0]);
    }
  });

  it("is what a one-sentence brief of the same article says", () => {
    for (const [body, title] of [
      [SEED_BODY, "China Considering Joining Ukraine Peacekeeping Mission"],
      [TEASER_BODY, TEASER_TITLE],
    ] as const) {
      expect(summarize(body, title, { maxSentences: 1 })).toEqual([summarize(body, title)[0]]);
    }
  });
});

describe("compression", () => {
  it("strips datelines, agency bylines and photo credits", () => {
    expect(bodySentences("KYIV (AP) — Russian drones hit the capital overnight. Two people died.")[0]).toBe(
      "Russian drones hit the capital overnight.",
    );
    expect(bodySentences("(CNN) -- A whale swam 14,000 miles. It set a record.")[0]).toBe("A whale swam 14,000 miles.");
    expect(bodySentences("Boston (CNN)Guilty across the board. Jurors agreed.")[0]).toBe("Guilty across the board.");
    expect(bodySentences("By Jane Doe, Reuters — Oil prices rose on Monday. Traders cheered.")[0]).toBe("Oil prices rose on Monday.");
    expect(bodySentences("WASHINGTON — The Senate voted on Friday. It passed.")[0]).toBe("The Senate voted on Friday.");
    expect(bodySentences("КИЇВ — Сили ППО збили 12 дронів. Про це повідомили в ЗСУ.")[0]).toBe("Сили ППО збили 12 дронів.");
    expect(bodySentences("The mayor (pictured) spoke at the rally (Photo: AP/John Smith). Crowds came.")[0]).toBe(
      "The mayor spoke at the rally.",
    );
  });

  it("keeps a leading bracket that is not a dateline", () => {
    expect(bodySentences("Apple (AAPL) shares rose 5% on Monday. Investors cheered.")[0]).toBe("Apple shares rose 5% on Monday.");
  });

  it("drops calls to action, share bars, player notices and credit lines", () => {
    const body =
      "Share this withEmailFacebookTwitterWhatsAppLinkedinCopy this linkThe council approved the plan on Monday. Click here to see the full results. Media playback is not supported on this deviceThe vote was close. Scroll down for video The mayor welcomed it.\nGetty Images\nBy Kyiv Post\nЧитайте також: інша новина.";
    expect(bodySentences(body)).toEqual(["The council approved the plan on Monday.", "The vote was close.", "The mayor welcomed it."]);
  });

  it("drops a leading connective and a bracketed gloss but keeps bracketed numbers", () => {
    expect(bodySentences("Prices rose. But the bank (the country's largest) held rates. Williams won 7-6 (3) 6-3.")).toEqual([
      "Prices rose.",
      "The bank held rates.",
      "Williams won 7-6 (3) 6-3.",
    ]);
  });
});

describe("summarize", () => {
  it("returns the brief's sentences for a plain text and a title", () => {
    const sentences = summarize(SEED_BODY, "China peacekeeping Ukraine");
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences[0]).toMatch(/^China is considering/);
  });

  it("gives a one-sentence brief on request", () => {
    expect(summarize(SEED_BODY, undefined, { maxSentences: 1 })).toHaveLength(1);
  });

  it("returns a text too short to brief as its own summary, and nothing for no text", () => {
    expect(summarize("Fire hit the market.")).toEqual(["Fire hit the market."]);
    expect(summarize("Fire hit the market. Two stalls burned.")).toEqual(["Fire hit the market.", "Two stalls burned."]);
    expect(summarize("  \n ")).toEqual([]);
  });

  it("reads only a bounded head of a huge body, so its work per article has a bound", () => {
    // A sentence far past the bound that would otherwise win on every signal is never seen.
    const filler = "The market reopened on Monday after repairs to the roof were finished by the city. ";
    const late = "Fire hit the market on Monday, and the fire destroyed the market roof, the market stalls and the city market hall. ";
    const body = filler.repeat(Math.ceil((MAX_BRIEF_INPUT_CHARS * 2) / filler.length)) + late.repeat(50);
    const sentences = summarize(body, "Fire hit the market");
    expect(sentences.length).toBeGreaterThan(0);
    expect(sentences.join(" ")).not.toContain("Fire hit the market on Monday");
  });
});
