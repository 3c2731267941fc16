import { describe, expect, it } from "vitest";
import { briefFromText, HEADLINE_MAX, linkIn, withHeadline, withText } from "../../src/delivery/broadcast-brief.ts";

describe("an admin's text as a brief", () => {
  it("takes the first line as the headline and briefs the rest", () => {
    const brief = briefFromText("\n  Dam breached near Kherson  \nA dam near Kherson was breached early on Tuesday, officials said.\nWater is rising.", { name: "Kyiv Channel", url: "https://t.me/kyivchannel/5" });
    expect(brief).toMatchObject({ title: "Dam breached near Kherson", source: "Kyiv Channel", url: "https://t.me/kyivchannel/5", status: "ok" });
    expect(brief!.sentences.join(" ")).toContain("A dam near Kherson was breached");
  });

  it("a headline alone is a headline-only brief; blank text none", () => {
    expect(briefFromText("Dam breached")).toMatchObject({ title: "Dam breached", sentences: [], status: "no-text", url: "", source: "" });
    expect(briefFromText(" \n \n")).toBeUndefined();
  });

  it("edits: a long headline is cut; the text's lines become its sentences", () => {
    const brief = briefFromText("Old\nSome text.")!;
    expect(withHeadline(brief, "x".repeat(400)).title).toHaveLength(HEADLINE_MAX);
    expect(withText(brief, "First line.\n\nSecond   line.").sentences).toEqual(["First line.", "Second line."]);
    expect(withText(brief, "  ").status).toBe("no-text");
  });

  it("a message that is only a link is a link", () => {
    expect(linkIn(" https://news.example/a?b=1 ")).toBe("https://news.example/a?b=1");
    expect(linkIn("see https://news.example/a")).toBeUndefined();
    expect(linkIn("ftp://news.example/a")).toBeUndefined();
  });
});
