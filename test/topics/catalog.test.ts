import { describe, expect, it } from "vitest";
import { DEFAULT_CATALOG } from "../../src/topics/catalog.ts";
import { MAX_SLUG_LENGTH, type Topic } from "../../src/topics/types.ts";
import { catalogProblems, parseTopic, TopicValidationError, topicProblems } from "../../src/topics/validate.ts";

const valid: Topic = { slug: "grain", names: { en: "Grain", uk: "Зерно" }, aliases: ["grain"], sections: [] };

describe("the built-in catalog", () => {
  it("has no problems", () => {
    expect(catalogProblems(DEFAULT_CATALOG)).toEqual([]);
  });

  it("has the newsroom's topics and the broad ones the classifier learns", () => {
    const slugs = DEFAULT_CATALOG.map((t) => t.slug);
    for (const slug of ["war-in-ukraine", "russia", "china", "united-states", "europe", "nato", "kyiv", "odesa", "economy", "energy", "politics", "world", "opinion", "in-depth"]) {
      expect(slugs).toContain(slug);
    }
    expect(DEFAULT_CATALOG.filter((t) => t.broad).map((t) => t.slug)).toEqual(expect.arrayContaining(["economy", "politics", "sport", "technology", "culture", "world"]));
  });

  it("keeps every deep link payload sub_<slug> within Telegram's 64 characters", () => {
    for (const topic of DEFAULT_CATALOG) {
      expect(`sub_${topic.slug}`.length).toBeLessThanOrEqual(64);
      expect(topic.slug).toMatch(/^[a-z0-9-]+$/);
    }
  });
});

describe("validation", () => {
  it("rejects bad slugs", () => {
    for (const slug of ["", "China", "war_in_ukraine", "-kyiv", "kyiv-", "a--b", "x".repeat(MAX_SLUG_LENGTH + 1)]) {
      expect(topicProblems({ ...valid, slug }).join(), slug).toMatch(/slug/);
    }
  });

  it("rejects a slug used twice", () => {
    expect(catalogProblems([valid, { ...valid }])).toEqual(['topic "grain" is defined twice']);
  });

  it("rejects empty names, wordless aliases, short stems and duplicates", () => {
    expect(topicProblems({ ...valid, names: { en: "", uk: "Зерно" } })).toEqual(['topic "grain": the en name is empty']);
    expect(topicProblems({ ...valid, aliases: ["grain", "—"] })).toEqual(['topic "grain": the alias "—" has no words']);
    expect(topicProblems({ ...valid, aliases: ["Зер*"] })[0]).toMatch(/at least 4 letters/);
    expect(topicProblems({ ...valid, aliases: ["grain", "Grain"] })).toEqual(['topic "grain": "Grain" is listed twice']);
  });

  it("rejects a topic nothing could ever assign", () => {
    expect(topicProblems({ ...valid, aliases: [] })[0]).toMatch(/needs aliases or section labels/);
  });

  it("parses a stored topic and lists every problem of a bad one", () => {
    expect(parseTopic(JSON.parse(JSON.stringify(valid)))).toEqual(valid);
    expect(() => parseTopic({ slug: "x", names: { en: "X" }, aliases: "x", sections: [] })).toThrow(TopicValidationError);
    try {
      parseTopic({ slug: "x", names: { en: "X" }, aliases: "x", sections: [] });
    } catch (error) {
      expect((error as TopicValidationError).problems).toEqual(['"names" must have "en" and "uk" strings', '"aliases" must be a list of strings']);
    }
  });
});
