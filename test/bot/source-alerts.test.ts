import { Api } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminNotifier } from "../../src/bot/source-alerts.ts";
import { createI18n } from "../../src/i18n/index.ts";
import { openSqliteStore, type Store } from "../../src/store/index.ts";
import { startEmulator, type TelegramEmulator } from "../emulator/index.ts";
import { silentLogger } from "../store/helpers.ts";

let tg: TelegramEmulator;
let store: Store;

beforeAll(async () => {
  tg = await startEmulator({ flood: false });
  store = await openSqliteStore({ path: ":memory:", logger: silentLogger });
});
afterAll(async () => {
  await store.close();
  await tg.close();
});

describe("admin alerts for a failing source", () => {
  it("tells each admin in their own language, with the reason, and carries on past one who cannot be written to", async () => {
    const english = tg.createUser({ firstName: "Ann", languageCode: "en", startedBot: true });
    const ukrainian = tg.createUser({ firstName: "Оля", languageCode: "uk", startedBot: true });
    const stranger = tg.createUser({ firstName: "Never started", startedBot: false });
    await store.chats.touch({ id: ukrainian.id, type: "private" }, "uk");
    const { source } = await store.sources.add({ name: "Wire <Daily>", feedUrl: "https://wire.example/feed", format: "rss", pollIntervalS: 300 });
    const notify = createAdminNotifier({
      api: new Api(tg.botToken, { apiRoot: tg.apiRoot }),
      i18n: createI18n({ defaultLocale: "en" }),
      store,
      adminIds: [stranger.id, english.id, ukrainian.id],
      defaultLocale: "en",
      logger: silentLogger,
    });

    await notify({ kind: "failing", source, since: "2026-03-01T08:00:00.000Z", error: "HTTP 503 from https://wire.example/feed" });
    const [toAnn] = tg.botMessages(english.id);
    expect(toAnn?.text).toBe(
      "⚠️ Source Wire <Daily> (#1) has been failing since 2026-03-01 08:00 UTC: HTTP 503 from https://wire.example/feed. Its stories are not coming in; /sources shows its state.",
    );
    expect(tg.botMessages(ukrainian.id)[0]?.text).toMatch(/^⚠️ Джерело Wire <Daily> \(#1\) не працює з 2026-03-01 08:00 UTC: HTTP 503/);

    await notify({ kind: "recovered", source });
    expect(tg.botMessages(english.id)[1]?.text).toBe("✅ Source Wire <Daily> (#1) works again.");
  });
});
