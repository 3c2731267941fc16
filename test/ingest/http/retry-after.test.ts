import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "../../../src/ingest/http/index.ts";

const NOW = Date.parse("2026-11-29T12:00:00Z");

describe("parseRetryAfter", () => {
  it.each([
    ["120", 120_000],
    [" 0 ", 0],
    ["Sun, 29 Nov 2026 12:01:30 GMT", 90_000],
    ["Sun, 29 Nov 2026 11:00:00 GMT", 0],
  ])("reads %j as %i ms", (value, ms) => expect(parseRetryAfter(value, NOW)).toBe(ms));

  it.each([undefined, "", "soon", "-5", "1.5", "2026-11-30", "next tuesday"])("ignores %j", (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });
});
