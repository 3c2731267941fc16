import { describe, expect, it } from "vitest";
import { leadWithStorySentence } from "../../src/brief/order.ts";
import { DEFAULT_WEIGHTS, STORY_WEIGHTS, scoreSentences, weightedScore } from "../../src/brief/score.ts";

const SENTENCES = [
  "Sick of awkward family portraits?",
  "Photographer Yuki Aoyama's new book shows Japanese fathers leaping into the air beside their teenage daughters.",
  "The book's title roughly translates as Daughter and Salary Man.",
  "Aoyama said the fathers leaping beside their daughters became the book's signature image.",
];

describe("leadWithStorySentence", () => {
  it("opens with the chosen sentence the story weights rank highest and keeps the rest in article order", () => {
    const scored = scoreSentences(SENTENCES, "Japanese fathers leap beside their daughters in Aoyama's book");
    const ordered = leadWithStorySentence([scored[3]!, scored[0]!, scored[1]!, scored[2]!]);
    const best = Math.max(...scored.map((sentence) => weightedScore(sentence, STORY_WEIGHTS)));
    expect(weightedScore(ordered[0]!, STORY_WEIGHTS)).toBe(best);
    expect(ordered[0]?.index).not.toBe(0);
    const rest = ordered.slice(1).map((sentence) => sentence.index);
    expect(rest).toEqual([...rest].sort((a, b) => a - b));
    expect(new Set(ordered)).toEqual(new Set(scored));
  });

  it("keeps article order when the first sentence is also the best story sentence, and ties go to the earlier one", () => {
    const scored = scoreSentences(SENTENCES, undefined);
    const positionOnly = { ...DEFAULT_WEIGHTS, centrality: 0, headline: 0, entities: 0, shape: 0, quote: 0 };
    expect(leadWithStorySentence([scored[2]!, scored[1]!], positionOnly).map((s) => s.index)).toEqual([1, 2]);
    const flat = { ...positionOnly, position: 0 };
    expect(leadWithStorySentence([scored[3]!, scored[2]!, scored[1]!], flat).map((s) => s.index)).toEqual([1, 2, 3]);
  });

  it("returns nothing for nothing", () => {
    expect(leadWithStorySentence([])).toEqual([]);
  });
});
