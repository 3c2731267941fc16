/**
 * Pages written for the failure classes found on unseen pages (issue 13): each one
 * holds the class's trap around a short story, and the extractor must give back
 * exactly the story. bench/extract-ablation.ts scores the same pages per rule.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/extract/index.ts";

interface Expected {
  /** The failure class (issue 13's numbering) and what the page tests. */
  class: string;
  body: string;
  title?: string;
  contentType?: string;
}

const DIR = join(import.meta.dirname, "..", "fixtures", "extract", "classes");
const expected = JSON.parse(readFileSync(join(DIR, "expected.json"), "utf8")) as Record<string, Expected>;

describe("failure classes of unseen pages", () => {
  for (const [file, want] of Object.entries(expected)) {
    it(`${want.class} (${file})`, () => {
      const result = extractArticle(readFileSync(join(DIR, file)), {
        url: "https://example.com/story",
        ...(want.contentType ? { contentType: want.contentType } : {}),
      });
      expect(result.article.articleBody).toBe(want.body);
      if (want.title !== undefined) expect(result.article.title).toBe(want.title);
    });
  }
});
