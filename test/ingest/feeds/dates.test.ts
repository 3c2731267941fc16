import { describe, expect, it } from "vitest";
import { feedDate } from "../../../src/ingest/feeds/dates.ts";

describe("feedDate", () => {
  it.each([
    ["Tue, 10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00Z"],
    ["Tue, 10 Jun 2003 04:00:00 EDT", "2003-06-10T08:00:00Z"],
    ["10 Jun 03 04:00 +0130", "2003-06-10T02:30:00Z"],
    ["Tue, 10 Jun 2003 04:00:00", "2003-06-10T04:00:00Z"],
    ["2026-11-24T12:00:00+02:00", "2026-11-24T10:00:00Z"],
    ["2026-11-24T12:00:00.250Z", "2026-11-24T12:00:00.250Z"],
    ["2026-11-24 12:00:00", "2026-11-24T12:00:00Z"],
    ["2003-12-13T18:30+01:00", "2003-12-13T17:30:00Z"],
    ["2003-12", "2003-12-01T00:00:00Z"],
    ["2003", "2003-01-01T00:00:00Z"],
    ["March 23, 2025", "2025-03-23T00:00:00Z"],
  ])("%s → %s", (raw, iso) => {
    expect(feedDate(raw)).toBe(iso);
  });

  it.each(["", "   ", "yesterday", "Mon, 31 Feb 2026 10:00:00 GMT", "2026-13-01", "0001-01-01T00:00:00Z"])(
    "%j is undefined, never an exception",
    (raw) => {
      expect(feedDate(raw)).toBeUndefined();
    },
  );
});
