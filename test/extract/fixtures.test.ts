import { readFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/extract/index.ts";
import type { RelatedLink } from "../../src/extract/index.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "extract");
const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));

/** Every string field of the article, for "this text never leaks anywhere" checks. */
function allText(value: unknown): string {
  return JSON.stringify(value);
}

describe("Kyiv Post article (the seed page)", () => {
  const result = extractArticle(fixture("kyivpost-china-peacekeeping.html"), { url: "https://www.kyivpost.com/post/49163?utm_source=telegram" });
  const { article } = result;

  it("reads the metadata", () => {
    expect(result.truncated).toBe(false);
    expect(result.emptyReason).toBeUndefined();
    expect(article.url).toBe("https://www.kyivpost.com/post/49163");
    expect(article.title).toBe("China Considering Joining Peacekeeping Mission in Ukraine – Welt");
    expect(article.byline).toBe("TVP World");
    expect(article.authors).toEqual(["TVP World"]);
    expect(article.published).toBe("2025-03-23T09:42:00Z");
    expect(article.modified).toBe("2025-03-23T10:05:00Z");
    expect(article.lang).toBe("en");
    expect(article.section).toBe("China");
    expect(article.tags).toEqual(["China", "Peacekeeping", "Coalition of the Willing"]);
    expect(article.image).toBe("https://www.kyivpost.com/storage/images/2025/03/china-peacekeepers.jpg");
    expect(article.description).toBe(
      "China is considering joining a future peacekeeping mission in Ukraine, the German newspaper Welt reported citing sources in Brussels.",
    );
    expect(article.siteName).toBe("Kyiv Post");
  });

  it("keeps exactly the story's paragraphs, first to last, separated by blank lines", () => {
    const paragraphs = article.articleBody.split("\n\n");
    expect(paragraphs).toHaveLength(10);
    expect(paragraphs[0]).toBe(
      "China is considering joining a future peacekeeping mission in Ukraine, the German newspaper Welt reported citing sources in Brussels.",
    );
    expect(paragraphs[2]).toBe("Russia has said it would not support such a force on Ukrainian territory.");
    expect(paragraphs[6]).toBe(
      "The prospect of using peacekeepers from countries such as India and China has been raised before, but is usually dismissed by security experts.",
    );
    expect(paragraphs[9]).toBe(
      "“The war in Ukraine ties up a portion of US resources and those of its European allies. For this reason, contrary to its propaganda narratives, China has little interest in pushing for a swift, negotiated end to the conflict.”",
    );
  });

  it("drops the boilerplate between and after the paragraphs", () => {
    const body = article.articleBody;
    for (const junk of ["JOIN US ON TELEGRAM", "Follow our coverage", "Advertisement", "To suggest a correction", "Ctrl + Enter", "TVP World is Poland", "Other Topics of Interest", "POPULAR", "More on China", "Read Next", "Previous", "Share on", "Photo: Xinhua", "cookies"]) {
      expect(body).not.toContain(junk);
    }
    expect(body).not.toContain(article.title);
  });

  it("never leaks script, style, noscript, template or hidden text into any field", () => {
    const everything = allText(result);
    expect(everything).not.toContain("MUST NOT LEAK");
    expect(everything).not.toContain("dataLayer");
    expect(everything).not.toContain("min-height");
  });

  it("lists the related stories with kind, block label, section, byline and age", () => {
    const byTitle = (title: string): RelatedLink | undefined => article.links.find((l) => l.title === title);
    expect(article.links.map((l) => l.kind)).toEqual([
      "read-next",
      "popular", "popular", "popular", "popular",
      "more-on-topic", "more-on-topic", "more-on-topic", "more-on-topic",
      "read-next", "read-next", "read-next",
      "previous", "next",
    ]);
    expect(byTitle("Kyiv Suffers Deadly Russian Drone Strike, Casualties Include 5-Year-Old")).toEqual({
      url: "https://www.kyivpost.com/post/49160",
      title: "Kyiv Suffers Deadly Russian Drone Strike, Casualties Include 5-Year-Old",
      kind: "read-next",
      blockLabel: "Other Topics of Interest",
    });
    expect(byTitle("Maybe the Kremlin Needs a Break? Ukraine’s Drones Are Pummeling Russia")).toEqual({
      url: "https://www.kyivpost.com/post/49101",
      title: "Maybe the Kremlin Needs a Break? Ukraine’s Drones Are Pummeling Russia",
      kind: "popular",
      blockLabel: "POPULAR",
      byline: "Stefan Korshak",
      age: "2d ago",
    });
    expect(byTitle("OPINION: Is the US Trying to Save Russia From China?")).toEqual({
      url: "https://www.kyivpost.com/post/48850",
      title: "OPINION: Is the US Trying to Save Russia From China?",
      kind: "more-on-topic",
      blockLabel: "More on China",
      section: "Russia",
      byline: "George Monastiriakos",
      age: "Mar. 16",
    });
    expect(byTitle("US Trading Partners Hit Back on Steel, Aluminum Tariffs")).toMatchObject({ section: "Canada", byline: "AFP", age: "Mar. 12" });
    expect(byTitle("Why and How Russia is Targeting Odesa, Part 2")).toEqual({
      url: "https://www.kyivpost.com/post/49150",
      title: "Why and How Russia is Targeting Odesa, Part 2",
      kind: "read-next",
      blockLabel: "Read Next",
      section: "in-depth",
      byline: "Sergii Kostezh",
      age: "1h ago",
    });
    expect(byTitle("Ukraine’s Third Assault Brigade Takes Control of Nadiya in Luhansk")).toMatchObject({ section: "War in Ukraine", byline: "Kyiv Post", age: "20m ago" });
    expect(article.links.filter((l) => l.kind === "previous" || l.kind === "next")).toEqual([
      { url: "https://www.kyivpost.com/post/49158", title: "Czechia May Send Troops to Ukraine as Part of Peacekeeping Mission – Pavel", kind: "previous" },
      { url: "https://www.kyivpost.com/post/49165", title: "Trump Aims for Golden Dome Missile Defense, but Cost and Nuclear Risks Loom Large", kind: "next" },
    ]);
    // "More on China" names the page's topic.
    expect(new Set(article.links.filter((l) => l.kind === "more-on-topic").map((l) => l.blockLabel))).toEqual(new Set(["More on China"]));
  });
});

describe("WordPress post", () => {
  const { article, emptyReason, truncated } = extractArticle(fixture("wordpress-city-council.html"));

  it("reads metadata from OpenGraph, meta tags and the page", () => {
    expect(emptyReason).toBeUndefined();
    expect(truncated).toBe(false);
    expect(article.url).toBe("https://riversidegazette.example/2024/05/14/city-council-approves-bike-lanes/");
    expect(article.title).toBe("City Council Approves New Bike Lanes on Main Street");
    expect(article.byline).toBe("Maria Lopez");
    expect(article.authors).toEqual(["Maria Lopez"]);
    expect(article.published).toBe("2024-05-14T08:30:00Z");
    expect(article.modified).toBeUndefined();
    expect(article.lang).toBe("en-US");
    expect(article.section).toBe("Local News");
    expect(article.tags).toEqual(["transport", "cycling", "city council"]);
    expect(article.image).toBe("https://riversidegazette.example/wp-content/uploads/2024/05/bike-lanes.jpg");
    expect(article.description).toBeUndefined();
    expect(article.siteName).toBe("Riverside Gazette");
  });

  it("puts headings and list items on lines of their own and drops share, related and comments", () => {
    expect(article.articleBody).toBe(
      [
        "The Riverside City Council voted 6–1 on Tuesday night to build protected bike lanes along a two-mile stretch of Main Street, ending a debate that has divided shop owners and cyclists for more than a year.",
        "",
        "Construction is scheduled to begin in September and should be finished before the first snow, according to the city’s public works department.",
        "",
        "What changes for drivers",
        "",
        "Parking on the east side of the street will be removed between Oak Avenue and the river, and the speed limit will drop to 25 mph.",
        "",
        "About 40 parking spaces will move to a new lot behind the library.",
        "Delivery zones will stay in front of every block.",
        "Two new crosswalks will be added near the high school.",
        "",
        "“This is about making the street safe for everyone who uses it,” said council member Dana Whitfield, who sponsored the plan.",
      ].join("\n"),
    );
  });

  it("lists the Jetpack related posts and the post navigation", () => {
    expect(article.links).toEqual([
      { url: "https://riversidegazette.example/2024/04/02/main-street-merchants-oppose-bike-plan/", title: "Main Street merchants oppose bike plan", kind: "read-next", blockLabel: "Related", age: "April 2, 2024" },
      { url: "https://riversidegazette.example/2024/03/18/cycling-deaths-rise-across-county/", title: "Cycling deaths rise across the county", kind: "read-next", blockLabel: "Related", age: "March 18, 2024" },
      { url: "https://riversidegazette.example/2024/05/13/library-extends-weekend-hours/", title: "Library extends weekend hours", kind: "previous" },
      { url: "https://riversidegazette.example/2024/05/15/river-cleanup-draws-hundreds/", title: "River cleanup draws hundreds of volunteers", kind: "next" },
    ]);
  });
});

describe("page whose text is only in JSON-LD", () => {
  const { article, emptyReason } = extractArticle(fixture("jsonld-only.html"));

  it("takes body and metadata from the NewsArticle in @graph", () => {
    expect(emptyReason).toBeUndefined();
    expect(article).toEqual({
      url: "https://coastaltimes.example/news/harbour-bridge-close-repairs-2024",
      title: "Harbour Bridge to Close for Three Weekends of Repairs",
      byline: "Sam Okafor, Lee Chen",
      authors: ["Sam Okafor", "Lee Chen"],
      published: "2024-06-01T06:00:00Z",
      modified: "2024-06-01T09:15:00Z",
      lang: "en",
      section: "Transport",
      tags: ["bridge", "roadworks", "traffic"],
      image: "https://coastaltimes.example/img/bridge.jpg",
      description: "The bridge will be shut to traffic on three weekends in June.",
      siteName: "Coastal Times",
      articleBody: [
        "The Harbour Bridge will close to all traffic on three weekends in June while crews replace worn expansion joints, the state roads agency said on Saturday.",
        "Buses will be diverted through the tunnel, and extra ferries will run every fifteen minutes between the two wharves.",
        "The agency said the work could not be done at night because the joints must be set in daylight temperatures, and asked drivers to plan ahead.",
      ].join("\n\n"),
      links: [],
    });
  });
});

describe("AMP page", () => {
  const { article } = extractArticle(fixture("amp-storm.html"));

  it("reads the AMP article and drops the amp-ad placeholder", () => {
    expect(article).toEqual({
      url: "https://valleynews.example/weather/storm-leaves-thousands-without-power-20241103",
      title: "Storm Leaves Thousands Without Power",
      byline: "Priya Natarajan",
      authors: ["Priya Natarajan"],
      published: "2024-11-04T02:10:00Z",
      lang: "en",
      tags: [],
      image: "https://valleynews.example/img/storm.jpg",
      siteName: "Valley News",
      articleBody: [
        "More than 40,000 homes across the valley were without electricity on Sunday night after a line of thunderstorms brought down trees and power lines.",
        "The utility said crews from three neighbouring states were on their way and that most customers should have power back by Tuesday evening.",
        "Schools in two districts announced they would stay closed on Monday, and the county opened warming centres at the fairgrounds.",
      ].join("\n\n"),
      links: [],
    });
  });
});

describe("windows-1251 page", () => {
  const bytes = fixture("windows-1251-metro.html");

  it("decodes Cyrillic from the http-equiv charset", () => {
    const { article } = extractArticle(bytes, { url: "https://kharkiv.example/news/metro-2021" });
    expect(article).toEqual({
      url: "https://kharkiv.example/news/metro-2021",
      title: "В Харькове открыли новую станцию метро",
      byline: "Ольга Петренко",
      authors: ["Ольга Петренко"],
      published: "2021-09-01T07:00:00Z",
      lang: "ru",
      tags: [],
      articleBody: [
        "В среду в Харькове открыли станцию метро «Державинская», строительство которой продолжалось более десяти лет.",
        "Новая станция соединила Алексеевскую линию с центром города, и теперь путь от окраины до вокзала займёт около двадцати минут.",
        "По словам мэра, до конца года планируется открыть ещё одну станцию, а также обновить подвижной состав.",
      ].join("\n\n"),
      links: [],
    });
  });

  it("lets the HTTP Content-Type charset win over the page's own", () => {
    // The same windows-1251 bytes read as koi8-u give other letters: the header decides.
    const misread = extractArticle(bytes, { contentType: "text/html; charset=koi8-u" }).article.title;
    expect(misread).not.toBe("В Харькове открыли новую станцию метро");
    expect(misread.length).toBe("В Харькове открыли новую станцию метро".length);
  });

  it("decodes a koi8-u page named only by the HTTP header", () => {
    const paragraph = "Київ отримав нові трамваї, і вже з понеділка вони вийдуть на маршрути до Лісового масиву та Троєщини.";
    const html = `<html lang="uk"><body><article><h1>Нові трамваї</h1><p>${paragraph}</p><p>${paragraph}</p></article></body></html>`;
    const { article } = extractArticle(iconv.encode(html, "koi8-u"), { contentType: "text/html; charset=KOI8-U" });
    expect(article.title).toBe("Нові трамваї");
    expect(article.articleBody).toBe(`${paragraph}\n\n${paragraph}`);
  });
});

describe("live blog", () => {
  const { article } = extractArticle(fixture("live-blog-election.html"));

  it("keeps every update with its heading, newest first, without the timestamps", () => {
    expect(article.url).toBe("https://northernherald.example/politics/live/2024/jul/04/election-night-live");
    expect(article.title).toBe("Election night live: results as they come in");
    expect(article.byline).toBe("Tom Hardy");
    expect(article.authors).toEqual(["Tom Hardy"]);
    expect(article.published).toBe("2024-07-04T20:00:00Z");
    expect(article.modified).toBe("2024-07-05T01:30:00Z");
    expect(article.lang).toBe("en-GB");
    expect(article.siteName).toBe("Northern Herald");
    expect(article.tags).toEqual([]);
    expect(article.links).toEqual([]);
    const paragraphs = article.articleBody.split("\n\n");
    expect(paragraphs).toHaveLength(9);
    expect(paragraphs[0]).toBe("Turnout appears lower than in 2019");
    expect(paragraphs[3]).toBe("Recount ordered in marginal seat");
    expect(paragraphs[6]).toBe("First seat declared in Sunderland");
    expect(paragraphs[8]).toBe("Counters ran the ballot boxes from the polling stations to the sports centre, as they have done at every election since 1992.");
    expect(article.articleBody).not.toMatch(/\b\d{2}:\d{2}\b/);
  });
});

describe("page with no article", () => {
  it("returns an empty body and says why", () => {
    const result = extractArticle(fixture("no-article-section-front.html"));
    expect(result.article.articleBody).toBe("");
    expect(result.emptyReason).toMatch(/^no article content found/);
    expect(result.article.url).toBe("https://dailycourier.example/world");
    expect(result.article.siteName).toBe("Daily Courier");
    expect(result.article.authors).toEqual([]);
    expect(result.article.published).toBeUndefined();
  });
});
