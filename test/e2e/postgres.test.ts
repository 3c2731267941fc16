/** The real bot on PostgreSQL (DATABASE_URL), as a newsroom that moved off SQLite runs it. */
import { existsSync } from "node:fs";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TelegramEmulator } from "../emulator/index.ts";
import { POSTGRES_SKIPPED, TEST_DATABASE_URL, dropSchemas, postgresSchema } from "../store/databases.ts";
import { startTestBot, testWorld, type RunningTestBot } from "./harness.ts";
import { followedBy } from "./helpers.ts";

describe.skipIf(!TEST_DATABASE_URL)(`the bot on PostgreSQL${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIPPED})`}`, () => {
  let tg: TelegramEmulator;
  let databaseUrl: string;
  let bot: RunningTestBot | undefined;
  // DATABASE_PATH names a file that must never be created: DATABASE_URL wins.
  let databasePath: string;
  const start = () => startTestBot(tg, { databasePath, env: { DATABASE_URL: databaseUrl } });

  beforeEach(async () => {
    ({ tg, databasePath } = await testWorld());
    databaseUrl = (await postgresSchema(TEST_DATABASE_URL ?? "")).settings.databaseUrl ?? "";
    bot = await start();
  });
  afterEach(async () => {
    await bot?.stop();
    await tg.close();
  });
  afterAll(dropSchemas);

  it("serves a supergroup whose id exceeds 32 bits, and remembers it across a restart", async () => {
    const admin = tg.createUser({ firstName: "Admin", languageCode: "uk" });
    const group = tg.createGroup({ title: "Редакція", type: "supergroup", members: [{ user: admin, status: "creator" }] });
    expect(Math.abs(group.id)).toBeGreaterThan(2 ** 31);
    tg.userSends(group, "/subscribe Китай", { from: admin });
    expect((await tg.waitForBotMessage(group.id)).text).toBe("Стежу за темою Китай. Зведення про неї надходитимуть сюди.");

    await bot?.stop();
    bot = await start();
    expect(await followedBy(bot, group.id)).toEqual(["china"]);
    expect(await bot.app.store.chats.get(group.id)).toMatchObject({ id: group.id, title: "Редакція", type: "supergroup" });
    tg.userSends(group, "/mysubs", { from: admin });
    expect((await tg.waitForBotMessage(group.id)).text).toMatch(/Китай/);
    expect(existsSync(databasePath)).toBe(false);
  });
});
