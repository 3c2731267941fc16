import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { NEAR_DUPLICATE_THRESHOLD, contentHash, fingerprint, similarity } from "../../../src/ingest/dedup/index.ts";

const text = (name: string): string =>
  readFileSync(new URL(`../../fixtures/ingest/dedup/${name}`, import.meta.url), "utf8");

const wire = text("wire.txt");
const reprint = text("reprint.txt");
const sameEvent = text("same-event.txt");

describe("contentHash", () => {
  it("is the same across case, whitespace and punctuation, and a sha256 hex", () => {
    const hash = contentHash("The ship, it said, lost power.");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash("  the SHIP it said lost power ")).toBe(hash);
    expect(contentHash("The ship — it said — “lost power”!")).toBe(hash);
  });

  it("differs when a word differs, and is empty for text without words", () => {
    expect(contentHash("The ship lost power.")).not.toBe(contentHash("The ship lost steering."));
    expect(contentHash("")).toBe("");
    expect(contentHash(" ... — !")).toBe("");
  });
});

describe("fingerprint and similarity", () => {
  it("joins the same wire story reprinted with another headline, byline, ads and a paragraph cut", () => {
    expect(similarity(fingerprint(wire), fingerprint(reprint))).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
  });

  it("keeps apart a different article about the same event", () => {
    expect(similarity(fingerprint(wire), fingerprint(sameEvent))).toBeLessThan(NEAR_DUPLICATE_THRESHOLD);
    expect(similarity(fingerprint(reprint), fingerprint(sameEvent))).toBeLessThan(NEAR_DUPLICATE_THRESHOLD);
  });

  it("is 1 for the same text however it is spaced or cased, and symmetric", () => {
    expect(similarity(fingerprint(wire), fingerprint(wire.toUpperCase().replace(/\s+/g, "  ")))).toBe(1);
    expect(similarity(fingerprint(wire), fingerprint(reprint))).toBe(similarity(fingerprint(reprint), fingerprint(wire)));
  });

  it("is a fixed-size hex string, stable from run to run", () => {
    const print = fingerprint(wire);
    expect(print).toMatch(/^[0-9a-f]{512}$/);
    expect(fingerprint(wire)).toBe(print);
  });

  it("gives an empty fingerprint for text without words and 0 similarity for empty or foreign values", () => {
    expect(fingerprint("")).toBe("");
    expect(fingerprint("!!! ---")).toBe("");
    expect(similarity("", fingerprint(wire))).toBe(0);
    expect(similarity(fingerprint(wire), "not-a-fingerprint")).toBe(0);
    expect(similarity("", "")).toBe(0);
  });

  it("threshold is a share between 0 and 1", () => {
    expect(NEAR_DUPLICATE_THRESHOLD).toBeGreaterThan(0);
    expect(NEAR_DUPLICATE_THRESHOLD).toBeLessThan(1);
  });
});
