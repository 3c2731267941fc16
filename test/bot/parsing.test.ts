import { describe, expect, it } from "vitest";
import { channelRef } from "../../src/bot/features/channels.ts";
import { parseTopicCommand } from "../../src/bot/topic-edit.ts";
import { findTopic } from "../../src/bot/subscriptions/lookup.ts";
import { parseTimeZone } from "../../src/bot/time-zone.ts";
import { DEFAULT_CATALOG } from "../../src/topics/index.ts";

describe("findTopic", () => {
  const slugOf = (text: string) => findTopic(DEFAULT_CATALOG, text)?.slug;
  it("knows a topic by name, slug or alias in any language and case", () => {
    expect(["China", "китай", "Пекін", "Xi Jinping", "  CHINA "].map(slugOf)).toEqual(Array(5).fill("china"));
    expect(slugOf("war in ukraine")).toBe("war-in-ukraine");
    expect(slugOf("war-in-ukraine")).toBe("war-in-ukraine");
    expect(slugOf("Kiev")).toBe("kyiv");
  });
  it("leaves queries of words to custom topics", () => {
    expect(["Odesa -football", '"China"', "China, Taiwan", "Кита*", "grain deal", ""].map(slugOf)).toEqual(Array(6).fill(undefined));
  });
});

describe("parseTimeZone", () => {
  it("takes IANA names in any case, and cities", () => {
    expect(parseTimeZone("europe/kyiv")).toBe("Europe/Kyiv");
    expect(parseTimeZone("Kyiv")).toBe("Europe/Kyiv");
    expect(parseTimeZone("new york")).toBe("America/New_York");
    expect(parseTimeZone("UTC")).toBe("UTC");
    expect(parseTimeZone("Asia/Kolkata")).toBe("Asia/Kolkata");
  });
  it("refuses what Intl does not know", () => {
    for (const text of ["Mars/Olympus", "", "+25:00", "Kyiv/Europe", "x".repeat(100)]) expect(parseTimeZone(text), text).toBeUndefined();
  });
});

describe("channelRef", () => {
  it("reads @names, links and ids", () => {
    expect(channelRef("@odesadaily")).toBe("@odesadaily");
    expect(channelRef("odesadaily")).toBe("@odesadaily");
    expect(channelRef("https://t.me/odesadaily")).toBe("@odesadaily");
    expect(channelRef("-1001234567890")).toBe(-1001234567890);
    expect(channelRef("  ")).toBeUndefined();
    expect(channelRef("two words")).toBeNull();
    expect(channelRef("-42")).toBeNull();
  });
});

describe("parseTopicCommand", () => {
  it("splits slug, names, aliases and optional sections", () => {
    expect(parseTopicCommand("lviv Lviv | Львів | Lviv, Львів")).toEqual({ slug: "lviv", names: { en: "Lviv", uk: "Львів" }, aliases: ["Lviv", "Львів"] });
    expect(parseTopicCommand("lviv Lviv | Львів | Lviv | lviv, Львів")?.sections).toEqual(["lviv", "Львів"]);
    expect(parseTopicCommand("lviv Lviv | Львів")).toBeUndefined();
    expect(parseTopicCommand("")).toBeUndefined();
  });
});
