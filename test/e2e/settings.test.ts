import { describe, expect, it } from "vitest";
import type { Message } from "grammy/types";
import { DEFAULT_CHAT_SETTINGS } from "../../src/store/index.ts";
import { useTestBot } from "./harness.ts";
import { buttonsOf, dataOf } from "./helpers.ts";

const world = useTestBot();

describe("/settings", () => {
  it("changes every setting from the menu and keeps them after a restart", async () => {
    const chat = world.tg.privateChat(world.tg.createUser({ languageCode: "en" }));
    world.tg.userSends(chat, "/settings");
    const menu = await world.tg.waitForBotMessage(chat.id);
    expect(menu.text).toBe(
      "⚙️ Settings of this chat\n\nDelivery: As they come\nTime zone: Europe/Kyiv\nQuiet hours: off\n" +
        "Breaking news during quiet hours: on\nLink previews: off\nImages: on\nLanguage: English",
    );
    let shown: Message = menu;
    /** Presses a button of the menu by its label and returns the menu as redrawn. */
    const press = async (label: string, answer = "Saved.") => {
      const click = world.tg.userClicks(chat, menu.message_id, dataOf(shown, label));
      if (answer) expect((await world.tg.waitForCallbackAnswer(click)).text, label).toBe(answer);
      shown = await world.tg.waitForBotEdit(chat.id);
      return shown;
    };

    await press("📬 Delivery: As they come", "");
    expect(buttonsOf(shown).map((b) => b.text)).toEqual(["✓ As they come", "Hourly digest", "Daily digest", "« Back"]);
    await press("Daily digest");
    expect(buttonsOf(shown).map((b) => b.text)).toEqual([
      "As they come", "Hourly digest", "✓ Daily digest", "06:00", "07:00", "✓ 08:00", "09:00", "12:00", "18:00", "20:00", "22:00", "« Back",
    ]);
    await press("07:00");
    expect(buttonsOf(shown).map((b) => b.text)).toContain("✓ 07:00");
    await press("« Back", "");
    await press("🕓 Time zone: Europe/Kyiv", "");
    expect(shown.text).toBe("Times are in the chat's time zone, now Europe/Kyiv. Choose one, or type another.");
    await press("America/New_York");
    await press("🌙 Quiet hours: off", "");
    await press("23:00–07:00");
    await press("⚡ Breaking news in quiet hours: on");
    await press("🔗 Previews: off");
    await press("🖼 Images: on");
    expect(shown.text).toBe(
      "⚙️ Settings of this chat\n\nDelivery: daily digest at 07:00\nTime zone: America/New_York\nQuiet hours: 23:00–07:00\n" +
        "Breaking news during quiet hours: off\nLink previews: on\nImages: off\nLanguage: English",
    );
    await press("🌐 Language: English", "");
    await press("Українська", "Збережено.");
    expect(shown.text).toMatch(/^⚙️ Налаштування цього чату\n\nДоставка: щоденний дайджест о 07:00\n/);

    const expected = {
      ...DEFAULT_CHAT_SETTINGS,
      delivery: "digest",
      digest: { every: "daily", at: "07:00" },
      timeZone: "America/New_York",
      quietHours: { from: "23:00", to: "07:00" },
      breakingThroughQuiet: false,
      linkPreviews: true,
      images: false,
    };
    expect(await world.bot.app.store.chats.get(chat.id)).toMatchObject({ locale: "uk", settings: expected });

    await world.restart();
    world.tg.userSends(chat, "/settings");
    const after = await world.tg.waitForBotMessage(chat.id);
    expect(after.text).toBe(
      "⚙️ Налаштування цього чату\n\nДоставка: щоденний дайджест о 07:00\nЧасовий пояс: America/New_York\nТихі години: 23:00–07:00\n" +
        "Термінові новини в тихі години: вимк.\nПопередній перегляд посилань: увімк.\nЗображення: вимк.\nМова: Українська",
    );
    expect((await world.bot.app.store.chats.get(chat.id))?.settings).toEqual(expected);
  });

  it("takes a typed time zone, by name or city, and asks again for one it does not know", async () => {
    const chat = world.tg.privateChat(world.tg.createUser({ languageCode: "en" }));
    world.tg.userSends(chat, "/settings");
    const menu = await world.tg.waitForBotMessage(chat.id);
    world.tg.userClicks(chat, menu.message_id, dataOf(menu, "🕓 Time zone: Europe/Kyiv"));
    const zones = await world.tg.waitForBotEdit(chat.id);
    world.tg.userClicks(chat, menu.message_id, dataOf(zones, "⌨️ Type another time zone…"));
    const question = await world.tg.waitForBotMessage(chat.id);
    expect(question.text).toMatch(/^Which time zone is this chat in\?/);

    world.tg.userSends(chat, "Mars/Olympus_Mons", { replyTo: question.message_id });
    expect((await world.tg.waitForBotMessage(chat.id)).text).toBe(
      "I don't know the time zone “Mars/Olympus_Mons”. Use a name like Europe/Kyiv or America/New_York, or a big city in it.",
    );
    expect((await world.tg.waitForBotMessage(chat.id)).text).toMatch(/^Which time zone is this chat in\?/);
    expect((await world.bot.app.store.chats.get(chat.id))?.settings.timeZone).toBe("Europe/Kyiv");
    world.tg.userSends(chat, "asia/kolkata");
    expect((await world.tg.waitForBotMessage(chat.id)).text).toBe("Time zone set to Asia/Kolkata.");

    world.tg.userClicks(chat, menu.message_id, dataOf(zones, "⌨️ Type another time zone…"));
    await world.tg.waitForBotMessage(chat.id);
    world.tg.userSends(chat, "new york");
    expect((await world.tg.waitForBotMessage(chat.id)).text).toBe("Time zone set to America/New_York.");
    expect((await world.bot.app.store.chats.get(chat.id))?.settings.timeZone).toBe("America/New_York");
  });

  it("lets group members look at the settings but only admins change them", async () => {
    const admin = world.tg.createUser({ languageCode: "en" });
    const member = world.tg.createUser({ languageCode: "en" });
    const group = world.tg.createGroup({
      title: "Desk",
      type: "supergroup",
      members: [
        { user: admin, status: "administrator" },
        { user: member, status: "member" },
      ],
    });
    world.tg.userSends(group, "/settings", { from: member });
    const menu = await world.tg.waitForBotMessage(group.id);
    expect(menu.text).toMatch(/^⚙️ Settings of this chat\n/);
    const refused = world.tg.userClicks(group, menu.message_id, dataOf(menu, "🖼 Images: on"), { from: member });
    expect(await world.tg.waitForCallbackAnswer(refused)).toMatchObject({ text: "Only the chat's administrators can change this.", show_alert: true });
    expect((await world.bot.app.store.chats.get(group.id))?.settings.images).toBe(true);
    const accepted = world.tg.userClicks(group, menu.message_id, dataOf(menu, "🖼 Images: on"), { from: admin });
    expect((await world.tg.waitForCallbackAnswer(accepted)).text).toBe("Saved.");
    expect((await world.bot.app.store.chats.get(group.id))?.settings.images).toBe(false);
  });
});
