/**
 * A quality floor for the brief on stories kept in the repository: news written as an inverted
 * pyramid (the facts first, background after), each with a reference brief. It catches a scorer
 * whose signals are broken (a position prior that favours the end, centrality turned upside
 * down): such a brief picks the background and falls far below the floor. Not a benchmark: the
 * dev-file figures come from `npm run eval:summaries`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { summarize } from "../../src/brief/index.ts";

interface Story {
  title: string;
  text: string;
  reference: string;
}

const stories = JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "brief", "stories.json"), "utf8")) as Story[];

const tokens = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** ROUGE-2 F1 (bigram overlap), plain: enough to tell a lead brief from a background one. */
function rouge2(candidate: string, reference: string): number {
  const bigrams = (words: string[]): Map<string, number> => {
    const counts = new Map<string, number>();
    for (let i = 0; i + 1 < words.length; i++) {
      const key = `${words[i]} ${words[i + 1]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  };
  const c = bigrams(tokens(candidate));
  const r = bigrams(tokens(reference));
  let overlap = 0;
  for (const [key, count] of c) overlap += Math.min(count, r.get(key) ?? 0);
  const total = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
  if (overlap === 0) return 0;
  const precision = overlap / total(c);
  const recall = overlap / total(r);
  return (2 * precision * recall) / (precision + recall);
}

describe("brief quality floor on in-repository stories", () => {
  it("has the stories", () => {
    expect(stories.length).toBeGreaterThanOrEqual(6);
  });

  it("briefs each story from its facts, not its background", () => {
    const scores = stories.map((story) => rouge2(summarize(story.text, story.title).join(" "), story.reference));
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    // Today's scorer: about 0.3 on average; a brief of the background sentences scores under 0.05.
    expect(mean).toBeGreaterThan(0.2);
    for (const [i, score] of scores.entries()) expect(score, stories[i]?.title).toBeGreaterThan(0.1);
  });

  it("opens each one-sentence brief with a sentence of the story's first paragraphs", () => {
    for (const story of stories) {
      const [first] = summarize(story.text, story.title, { maxSentences: 1 });
      const factParagraphs = story.text.split("\n\n").slice(0, 3).join(" ");
      expect(factParagraphs, story.title).toContain(first);
    }
  });
});
