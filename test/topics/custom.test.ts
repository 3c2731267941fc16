import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CUSTOM_TOPIC_LIMITS, CustomTopicMatcher, matchesCustomTopic, parseCustomTopic, type CustomTopic } from "../../src/topics/custom.ts";
import { seedArticle } from "./fixtures/seed-article.ts";

function parsed(query: string): CustomTopic {
  const result = parseCustomTopic(query);
  if (!result.ok) throw new Error(`expected ${query} to parse: ${result.error.message}`);
  return result.topic;
}

function errorCode(query: string): string | undefined {
  const result = parseCustomTopic(query);
  return result.ok ? undefined : result.error.code;
}

describe("parseCustomTopic", () => {
  it("reads words, phrases and exclusions", () => {
    expect(parsed("Odesa -football")).toEqual({ include: ["odesa"], exclude: ["football"], key: "odesa -football" });
    expect(parsed('"grain deal"').include).toEqual(["grain deal"]);
    expect(parsed("grain deal").include).toEqual(["grain deal"]);
    expect(parsed('Odesa, "grain deal" -"Champions League" -football')).toEqual({
      include: ["grain deal", "odesa"],
      exclude: ["champions league", "football"],
      key: '"grain deal", odesa -"champions league" -football',
    });
  });

  it("gives the same key to the same topic typed differently", () => {
    const keys = ["Odesa -football", "  odesa   -Football ", "ODESA -FOOTBALL", "-football Odesa", "Odesa -football -football"].map((q) => parsed(q).key);
    expect(new Set(keys)).toEqual(new Set(["odesa -football"]));
    expect(parsed("Kyiv, Odesa").key).toBe(parsed("Odesa, Kyiv").key);
  });

  it("keeps short acronyms case-sensitive and stems as stems", () => {
    expect(parsed("US tariffs").key).toBe('"US tariffs"');
    expect(parsed("NATO").key).toBe("nato");
    expect(parsed("Одес*").key).toBe("одес*");
  });

  it("accepts phone quotes and a lone dash as a separator", () => {
    expect(parsed("“grain deal”").include).toEqual(["grain deal"]);
    expect(parsed("Odesa - port").include).toEqual(["odesa", "port"]);
  });

  it("explains what is wrong", () => {
    expect(errorCode("")).toBe("empty");
    expect(errorCode("   ")).toBe("empty");
    expect(errorCode("x".repeat(CUSTOM_TOPIC_LIMITS.maxLength + 1))).toBe("too-long");
    expect(errorCode("!!! ???")).toBe("no-words");
    expect(errorCode("-football")).toBe("only-exclusions");
    expect(errorCode(Array.from({ length: 11 }, (_, i) => `w${i}`).join(", "))).toBe("too-many-terms");
    expect(errorCode("one two three four five six seven")).toBe("phrase-too-long");
    expect(errorCode("Оде*")).toBe("stem-too-short");
    expect(errorCode('"grain deal')).toBe("unclosed-quote");
    const result = parseCustomTopic("-football");
    expect(result.ok ? "" : result.error.message).toMatch(/not only words to leave out/);
  });

  it("drops an exclusion that equals an inclusion rather than matching nothing", () => {
    expect(parsed("Odesa -Odesa")).toEqual({ include: ["odesa"], exclude: [], key: "odesa" });
  });

  it("has keys that parse back to the same topic", () => {
    const word = fc.stringMatching(/^[A-Za-zА-Яа-яіїєІЇЄ]{1,8}$/);
    const term = fc.tuple(fc.boolean(), fc.array(word, { minLength: 1, maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 6 }), (terms) => {
        const query = terms.map(([minus, ws]) => `${minus ? "-" : ""}"${ws.join(" ")}"`).join(" ");
        const first = parseCustomTopic(query);
        if (!first.ok) return true;
        const again = parseCustomTopic(first.topic.key);
        expect(again.ok && again.topic).toEqual(first.topic);
        return true;
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe("matchesCustomTopic", () => {
  it("matches whole words and phrases in the headline and the body", () => {
    expect(matchesCustomTopic("peacekeeping", seedArticle)).toBe(true);
    expect(matchesCustomTopic('"coalition of the willing"', seedArticle)).toBe(true);
    expect(matchesCustomTopic("Beijing", "beijing’s envoy")).toBe(true);
    expect(matchesCustomTopic("peace", seedArticle)).toBe(false);
    expect(matchesCustomTopic("China", "a walk through Chinatown")).toBe(false);
    expect(matchesCustomTopic('"willing coalition"', seedArticle)).toBe(false);
  });

  it("leaves out articles that mention an excluded word", () => {
    expect(matchesCustomTopic("Odesa -football", "Odesa port reopens")).toBe(true);
    expect(matchesCustomTopic("Odesa -football", "Odesa football club wins")).toBe(false);
    expect(matchesCustomTopic("China -Putin", seedArticle)).toBe(false);
  });

  it("matches Ukrainian forms through a stem, and short acronyms by case", () => {
    expect(matchesCustomTopic("Одес*", "Вибухи в Одесі")).toBe(true);
    expect(matchesCustomTopic("US", "tell us more")).toBe(false);
    expect(matchesCustomTopic("US", "US envoy arrives")).toBe(true);
  });

  it("never matches with an invalid query", () => {
    expect(matchesCustomTopic("-China", seedArticle)).toBe(false);
  });

  it("checks many topics in one pass", () => {
    const topics = ["China", "Odesa", "grain deal", "China -Putin"].map(parsed);
    expect(new CustomTopicMatcher(topics).match(seedArticle).map((t) => t.key)).toEqual(["china"]);
  });
});
