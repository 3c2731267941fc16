import { describe, expect, it } from "vitest";
import { deliveryTime, localTime, nextDigestAt, quietUntil } from "../../src/delivery/schedule.ts";
import { DEFAULT_CHAT_SETTINGS, type ChatSettings } from "../../src/store/index.ts";

const settings = (patch: Partial<ChatSettings>): ChatSettings => ({ ...DEFAULT_CHAT_SETTINGS, ...patch });
const at = (iso: string) => new Date(iso);

describe("digest times", () => {
  it("goes out daily at the chat's time in its own time zone", () => {
    const kyiv = settings({ delivery: "digest", digest: { every: "daily", at: "08:00" }, timeZone: "Europe/Kyiv" });
    // 05:30 UTC is 07:30 in Kyiv (winter, UTC+2): today's 08:00 is 06:00 UTC.
    expect(nextDigestAt(kyiv, at("2026-11-29T05:30:00Z")).toISOString()).toBe("2026-11-29T06:00:00.000Z");
    expect(nextDigestAt(kyiv, at("2026-11-29T06:00:00Z")).toISOString()).toBe("2026-11-30T06:00:00.000Z");
    const chicago = settings({ delivery: "digest", digest: { every: "daily", at: "08:00" }, timeZone: "America/Chicago" });
    expect(nextDigestAt(chicago, at("2026-11-29T05:30:00Z")).toISOString()).toBe("2026-11-29T14:00:00.000Z");
  });

  it("follows daylight saving time: the same local hour on both sides of the change", () => {
    const ny = settings({ delivery: "digest", digest: { every: "daily", at: "08:30" }, timeZone: "America/New_York" });
    expect(nextDigestAt(ny, at("2026-03-07T20:00:00Z")).toISOString()).toBe("2026-03-08T12:30:00.000Z");
    expect(nextDigestAt(ny, at("2026-03-06T20:00:00Z")).toISOString()).toBe("2026-03-07T13:30:00.000Z");
  });

  it("goes out hourly at the digest time's minutes, in half-hour time zones too", () => {
    const india = settings({ delivery: "digest", digest: { every: "hourly", at: "08:00" }, timeZone: "Asia/Kolkata" });
    expect(nextDigestAt(india, at("2026-11-29T12:10:00Z")).toISOString()).toBe("2026-11-29T12:30:00.000Z");
  });
});

describe("quiet hours", () => {
  const night = settings({ quietHours: { from: "23:00", to: "07:00" }, timeZone: "Europe/Kyiv" });

  it("hold a brief until they end, across midnight", () => {
    expect(localTime(at("2026-11-29T22:30:00Z"), "Europe/Kyiv")).toBe("00:30");
    expect(quietUntil(night, at("2026-11-29T22:30:00Z"))?.toISOString()).toBe("2026-11-30T05:00:00.000Z");
    expect(quietUntil(night, at("2026-11-29T21:00:00Z"))?.toISOString()).toBe("2026-11-30T05:00:00.000Z");
    expect(quietUntil(night, at("2026-11-29T05:00:00Z"))).toBeUndefined();
    expect(quietUntil(night, at("2026-11-29T12:00:00Z"))).toBeUndefined();
  });

  it("hold a daytime span that does not wrap", () => {
    const lunch = settings({ quietHours: { from: "13:00", to: "14:00" }, timeZone: "UTC" });
    expect(quietUntil(lunch, at("2026-11-29T13:59:00Z"))?.toISOString()).toBe("2026-11-29T14:00:00.000Z");
    expect(quietUntil(lunch, at("2026-11-29T14:00:00Z"))).toBeUndefined();
  });
});

describe("deliveryTime", () => {
  const now = at("2026-11-29T22:30:00Z"); // 00:30 in Kyiv
  it("sends an instant chat's brief now, and a held one when quiet hours end", () => {
    expect(deliveryTime(settings({}), { breaking: false }, now)).toEqual({ kind: "brief", notBefore: now, priority: 0 });
    const quiet = settings({ quietHours: { from: "23:00", to: "07:00" } });
    expect(deliveryTime(quiet, { breaking: false }, now).notBefore.toISOString()).toBe("2026-11-30T05:00:00.000Z");
  });

  it("lets breaking briefs through quiet hours only where the chat allows, ahead of the queue", () => {
    const allows = settings({ quietHours: { from: "23:00", to: "07:00" }, breakingThroughQuiet: true });
    expect(deliveryTime(allows, { breaking: true }, now)).toEqual({ kind: "brief", notBefore: now, priority: 1 });
    const refuses = settings({ quietHours: { from: "23:00", to: "07:00" }, breakingThroughQuiet: false });
    expect(deliveryTime(refuses, { breaking: true }, now)).toMatchObject({ kind: "brief", priority: 1, notBefore: at("2026-11-30T05:00:00Z") });
  });

  it("puts a digest chat's brief in its next digest, moved past quiet hours", () => {
    const digest = settings({ delivery: "digest", digest: { every: "hourly", at: "00:00" }, quietHours: { from: "23:00", to: "07:00" } });
    expect(deliveryTime(digest, { breaking: false }, now)).toEqual({ kind: "digest", notBefore: at("2026-11-30T05:00:00Z"), priority: 0 });
    const daily = settings({ delivery: "digest", digest: { every: "daily", at: "09:00" } });
    expect(deliveryTime(daily, { breaking: false }, now)).toEqual({ kind: "digest", notBefore: at("2026-11-30T07:00:00Z"), priority: 0 });
  });
});
