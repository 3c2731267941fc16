import { describe, expect, it } from "vitest";
import { channelButton } from "../../src/bot/keyboards/channel-button.ts";
import { settingsButton, type SettingsAction } from "../../src/bot/keyboards/settings.ts";
import { subscriptionsButton } from "../../src/bot/keyboards/subscriptions.ts";
import { topicsButton, type TopicsAction } from "../../src/bot/keyboards/topics.ts";

describe("topic buttons", () => {
  const actions: TopicsAction[] = [
    { op: "toggle", remote: undefined, page: 0, slug: "war-in-ukraine" },
    { op: "toggle", remote: -1001234567890, page: 2, slug: "a".repeat(32) },
    { op: "page", remote: undefined, page: 1 },
    { op: "words", remote: -1001234567890 },
  ];
  it("decodes what it encodes, within Telegram's 64 bytes", () => {
    for (const action of actions) expect(topicsButton.decode(topicsButton.encode(action))).toEqual(action);
  });
  it("rejects anything malformed", () => {
    for (const data of ["tp:t::0:War", "tp:t::01:china", "tp:t:12:0:china", "tp:t::0:china:x", "tp:p::1e3", "tp:w::", "tp:", "xx:p::1"]) {
      expect(topicsButton.decode(data), data).toBeUndefined();
    }
  });
});

describe("settings buttons", () => {
  const actions: SettingsAction[] = [
    { remote: undefined, op: "open", page: "quiet" },
    { remote: -100123, op: "toggle", setting: "previews" },
    { remote: undefined, op: "mode", mode: "hourly" },
    { remote: undefined, op: "at", time: "07:00" },
    { remote: -1001234567890, op: "zone", zone: "America/Los_Angeles" },
    { remote: undefined, op: "quiet", hours: { from: "23:00", to: "07:00" } },
    { remote: undefined, op: "quiet", hours: null },
    { remote: undefined, op: "locale", locale: "uk" },
    { remote: undefined, op: "zone-type" },
  ];
  it("decodes what it encodes", () => {
    for (const action of actions) expect(settingsButton.decode(settingsButton.encode(action))).toEqual(action);
  });
  it("accepts only values from its lists", () => {
    for (const data of ["st::at:0730", "st::zv:Europe/Paris", "st::qv:2300-0600", "st::dv:weekly", "st::lv:de", "st::constructor", "st::toString"]) {
      expect(settingsButton.decode(data), data).toBeUndefined();
    }
  });
});

describe("subscription and channel buttons", () => {
  it("round-trips and rejects ids that cannot be", () => {
    expect(subscriptionsButton.decode(subscriptionsButton.encode({ op: "remove", remote: -100, id: 7 }))).toEqual({ op: "remove", remote: -100, id: 7 });
    expect(subscriptionsButton.decode("sb:r::-7")).toBeUndefined();
    expect(channelButton.decode(channelButton.encode({ op: "menu", chatId: -1001 }))).toEqual({ op: "menu", chatId: -1001 });
    expect(channelButton.decode("ch:m:1001")).toBeUndefined();
  });
});
