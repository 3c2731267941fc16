/** newsbrief's admins edit the topic catalog from the bot; everyone else is refused. */
import { describe, expect, it } from "vitest";
import { useTestBot } from "./harness.ts";
import { buttonsOf } from "./helpers.ts";

const ADMIN_ID = 424242;
const world = useTestBot({ env: { ADMIN_IDS: String(ADMIN_ID) } });

describe("topic editing", () => {
  it("adds, edits, withdraws and restores topics, each in the audit log", async () => {
    const admin = world.tg.privateChat(world.tg.createUser({ id: ADMIN_ID, languageCode: "en" }));
    const reader = world.tg.privateChat(world.tg.createUser({ languageCode: "en" }));
    const say = async (chat: typeof admin, text: string) => {
      world.tg.userSends(chat, text);
      return (await world.tg.waitForBotMessage(chat.id)).text;
    };

    expect(await say(admin, "/topicadd lviv Lviv | Львів | Lviv, Lvov, Львів, Львова")).toBe(
      `Added Lviv (lviv). Link to follow it: https://t.me/${world.tg.botUser.username}?start=sub_lviv`,
    );
    expect(await say(reader, "/subscribe Львова")).toBe("Following Lviv. Briefs on it will come here.");
    expect(await say(reader, "/start sub_lviv")).toMatch(/^Already following Lviv\./);

    expect(await say(admin, "/topicadd china China | Китай | China, Beijing | china")).toMatch(/^Updated China \(china\)/);
    expect((await world.bot.app.store.topics.get("china"))?.topic).toMatchObject({ aliases: ["China", "Beijing"], sections: ["china"], keywords: expect.arrayContaining(["Chinese"]) });
    expect(await world.bot.app.store.topics.get("china")).toMatchObject({ builtin: false, enabled: true });

    expect(await say(admin, "/topicoff lviv")).toBe("Lviv is no longer offered. Chats that follow it keep their subscription.");
    world.tg.userSends(reader, "/topics");
    world.tg.userSends(reader, "/mysubs");
    const menu = await world.tg.waitForBotMessage(reader.id);
    expect(buttonsOf(menu).map((b) => b.text)).not.toContain("Lviv");
    expect((await world.tg.waitForBotMessage(reader.id)).text).toMatch(/^This chat follows one thing:\n\n• Lviv \(no longer offered\)/);
    expect(await say(reader, "/subscribe Lviv")).toBe("Following your words: Lviv. Any article that mentions them will come here.");
    expect(await say(admin, "/topicon lviv")).toBe("Lviv is offered again.");

    const actions = (await world.bot.app.store.audit.recent({ limit: 20 })).filter((a) => a.action.startsWith("topic.")).map((a) => [a.action, a.actorId, a.details.slug]);
    expect(actions).toEqual([
      ["topic.enable", ADMIN_ID, "lviv"],
      ["topic.disable", ADMIN_ID, "lviv"],
      ["topic.edit", ADMIN_ID, "china"],
      ["topic.add", ADMIN_ID, "lviv"],
    ]);
  });

  it("explains a malformed or invalid topic and saves nothing", async () => {
    const admin = world.tg.privateChat(world.tg.createUser({ id: ADMIN_ID, languageCode: "en" }));
    world.tg.userSends(admin, "/topicadd lviv Lviv");
    expect((await world.tg.waitForBotMessage(admin.id)).text).toMatch(/^Usage: \/topicadd slug English name \| Ukrainian name \| alias, alias/);
    world.tg.userSends(admin, "/topicadd Lviv-City <b>Lviv</b> |  | Л*");
    expect((await world.tg.waitForBotMessage(admin.id)).text).toBe(
      'The topic was not saved:\n• topic "Lviv-City": the slug must be 1–32 characters of a–z, 0–9 and single hyphens inside\n' +
        '• topic "Lviv-City": the uk name is empty\n• topic "Lviv-City": the stem "Л*" needs at least 4 letters before the *',
    );
    world.tg.userSends(admin, "/topicoff atlantis");
    expect((await world.tg.waitForBotMessage(admin.id)).text).toBe("There is no topic “atlantis”.");
    expect((await world.bot.app.store.topics.listAll()).map((t) => t.topic.slug)).not.toContain("Lviv-City");
  });

  it("refuses everyone who is not a newsbrief admin, even a group's own admin", async () => {
    const owner = world.tg.createUser({ languageCode: "en" });
    const group = world.tg.createGroup({ title: "G", members: [{ user: owner, status: "creator" }] });
    world.tg.userSends(group, "/topicoff china", { from: owner });
    expect((await world.tg.waitForBotMessage(group.id)).text).toBe(
      "Only newsbrief's administrators can edit topics. To follow something, use /topics or /subscribe.",
    );
    world.tg.userSends(world.tg.privateChat(owner), "/topicadd lviv Lviv | Львів | Lviv");
    expect((await world.tg.waitForBotMessage(owner.id)).text).toMatch(/^Only newsbrief's administrators can edit topics\./);
    expect(await world.bot.app.store.topics.get("china")).toMatchObject({ enabled: true, builtin: true });
    expect(await world.bot.app.store.topics.get("lviv")).toBeUndefined();
  });

  it("asks for a topic step by step, and the conversation survives a restart", async () => {
    const admin = world.tg.privateChat(world.tg.createUser({ id: ADMIN_ID, languageCode: "uk" }));
    const answer = async (text: string) => {
      world.tg.userSends(admin, text);
      return (await world.tg.waitForBotMessage(admin.id)).text;
    };
    expect(await answer("/topicadd")).toMatch(/^Нова тема, крок за кроком/);
    expect(await answer("Not A Slug!")).toMatch(/^Це не slug/);
    expect(await answer("lviv")).toMatch(/^Її назва англійською/);
    expect(await answer("Lviv")).toMatch(/^Її назва українською/);

    // The bot restarts between two answers; the conversation goes on where it was.
    await world.restart();
    expect(await answer("Львів")).toMatch(/^Слова, що її позначають/);
    expect(await answer("Lviv, Lvov, Львів, Львова")).toBe(`Додано Львів (lviv). Посилання, щоб стежити: https://t.me/${world.tg.botUser.username}?start=sub_lviv`);
    expect((await world.bot.app.store.topics.get("lviv"))?.topic).toMatchObject({ names: { en: "Lviv", uk: "Львів" }, aliases: ["Lviv", "Lvov", "Львів", "Львова"] });
    // Once it is over, messages are the bot's ordinary business again.
    expect(await answer("hello")).toBe("Я відповідаю лише на команди. Надішліть /help, щоб їх побачити.");
  });

  it("stops the guided topic on /cancel and saves nothing", async () => {
    const admin = world.tg.privateChat(world.tg.createUser({ id: ADMIN_ID, languageCode: "en" }));
    world.tg.userSends(admin, "/topicadd");
    await world.tg.waitForBotMessage(admin.id);
    world.tg.userSends(admin, "kharkiv");
    await world.tg.waitForBotMessage(admin.id);
    world.tg.userSends(admin, "/cancel");
    expect((await world.tg.waitForBotMessage(admin.id)).text).toBe("Stopped; no topic was saved.");
    expect(await world.bot.app.store.topics.get("kharkiv")).toBeUndefined();

    world.tg.userSends(admin, "/topicadd");
    await world.tg.waitForBotMessage(admin.id);
    world.tg.userSends(admin, "/help");
    expect((await world.tg.waitForBotMessage(admin.id)).text).toBe("Stopped; no topic was saved.");
    expect((await world.tg.waitForBotMessage(admin.id)).text).toMatch(/^newsbrief turns news articles/);
  });
});
