import { describe, expect, it } from "vitest";
import { LoadStats } from "./load-stats.ts";

describe("the emulator's load figures", () => {
  it("counts the whole span as allowed when nobody was told to wait", () => {
    const stats = new LoadStats();
    stats.messageSent(1, 1000);
    stats.messageSent(2, 1500);
    stats.messageSent(3, 3000);
    expect(stats.snapshot()).toMatchObject({ messagesSent: 3, allowedSeconds: 2, messagesPerSecond: 2, messagesPerAllowedSecond: 2 });
  });

  it("leaves out the time when every message still to come was under a retry_after", () => {
    const stats = new LoadStats();
    stats.messageSent(1, 0);
    stats.refused(2, 1, 100); // chat 2 waits until 1100
    stats.messageSent(3, 500);
    stats.refused(2, 1, 1150); // and again, until 2150
    stats.messageSent(2, 2400);
    // Allowed: 0–500 (chat 3 and chat 2 still to come), 1100–1150, 2150–2400.
    expect(stats.snapshot()).toMatchObject({ messagesSent: 3, allowedSeconds: 0.8, messagesPerSecond: 1, messagesPerAllowedSecond: 4 });
  });
});
