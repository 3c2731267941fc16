/** /subscribe, /unsubscribe, /mysubs, the question for words, and deep links. */
import { describe, expect, it } from "vitest";
import { useTestBot } from "./harness.ts";
import { buttonsOf, dataOf, followedBy, sessionSaved } from "./helpers.ts";

const world = useTestBot();

describe("/subscribe and /unsubscribe", () => {
  it("follows a topic by its name or alias in either language, and custom words otherwise", async () => {
    const chat = world.tg.privateChat(world.tg.createUser({ languageCode: "en" }));
    const say = async (text: string) => {
      world.tg.userSends(chat, text);
      return (await world.tg.waitForBotMessage(chat.id)).text;
    };
    expect(await say("/subscribe China")).toBe("Following China. Briefs on it will come here.");
    expect(await say("/subscribe Китай")).toBe("Already following China.");
    expect(await say("/subscribe war in ukraine")).toBe("Following War in Ukraine. Briefs on it will come here.");
    expect(await say("/subscribe Kiev")).toBe("Following Kyiv. Briefs on it will come here.");
    expect(await say("/subscribe Odesa -football")).toBe("Following your words: Odesa -football. Any article that mentions them will come here.");
    expect(await say("/subscribe odesa  -Football")).toBe("Already following Odesa -football.");
    expect(await say('/subscribe "grain deal')).toBe('A quote is not closed: put the phrase between two " marks.');
    expect(await followedBy(world.bot, chat.id)).toEqual(["china", "war-in-ukraine", "kyiv", "words:odesa -football"]);

    expect(await say("/unsubscribe Пекін")).toBe("Stopped following China.");
    expect(await say("/unsubscribe odesa -football")).toBe("Stopped following Odesa -football.");
    expect(await say("/unsubscribe NATO")).toBe("Nothing to stop: this chat does not follow NATO. See /mysubs for what it follows.");
    expect(await followedBy(world.bot, chat.id)).toEqual(["war-in-ukraine", "kyiv"]);
  });

  it("explains a bad custom topic in the chat's language", async () => {
    const chat = world.tg.privateChat(world.tg.createUser({ languageCode: "uk" }));
    world.tg.userSends(chat, "/subscribe -футбол");
    expect((await world.tg.waitForBotMessage(chat.id)).text).toBe("Додайте слово, за яким стежити, а не лише слова, які слід пропускати (ті, що з -).");
    world.tg.userSends(chat, "/subscribe Од*");
    expect((await world.tg.waitForBotMessage(chat.id)).text).toBe("Поставте перед * щонайменше 4 літери, наприклад Одес*.");
    expect(await followedBy(world.bot, chat.id)).toEqual([]);
  });

  it("asks for the words when none are given, and takes the answer even after a restart", async () => {
    const chat = world.tg.privateChat(world.tg.createUser({ languageCode: "en" }));
    world.tg.userSends(chat, "/subscribe");
    const question = await world.tg.waitForBotMessage(chat.id);
    expect(question.text).toMatch(/^What should I follow here\? Reply with a topic such as China, or your own words/);
    expect(world.tg.callsTo("sendMessage").at(-1)?.params).toMatchObject({ reply_markup: { force_reply: true, selective: true } });

    await sessionSaved(world.bot, chat.id, { prompts: [{ kind: "words", messageId: question.message_id }] });
    await world.restart();
    world.tg.userSends(chat, "-football", { replyTo: question.message_id });
    expect((await world.tg.waitForBotMessage(chat.id)).text).toBe("Add a word to follow, not only words to leave out (those start with -).");
    // An unusable answer is asked for again; the next plain message answers it.
    expect((await world.tg.waitForBotMessage(chat.id)).text).toMatch(/^What should I follow here\?/);
    world.tg.userSends(chat, '"grain deal"');
    expect((await world.tg.waitForBotMessage(chat.id)).text).toBe('Following your words: "grain deal". Any article that mentions them will come here.');
    expect(await followedBy(world.bot, chat.id)).toEqual(['words:"grain deal"']);

    // Answered: ordinary text is ordinary text again.
    world.tg.userSends(chat, "hello");
    expect((await world.tg.waitForBotMessage(chat.id)).text).toBe("I answer commands only. Send /help to see them.");
  });

  it("subscribes from a deep link in one tap", async () => {
    const chat = world.tg.privateChat(world.tg.createUser({ firstName: "Ann", languageCode: "en" }));
    world.tg.userSends(chat, "/start sub_china");
    expect((await world.tg.waitForBotMessage(chat.id)).text).toBe(
      "Following China. Briefs on it will come here.\n\nMore topics: /topics · what you follow: /mysubs · delivery: /settings",
    );
    expect(await followedBy(world.bot, chat.id)).toEqual(["china"]);
    world.tg.userSends(chat, "/start sub_atlantis");
    expect((await world.tg.waitForBotMessage(chat.id)).text).toBe("That link points to a topic I don't offer (any more). Send /topics to see the topics you can follow.");
    world.tg.userSends(chat, "/start somethingelse");
    expect((await world.tg.waitForBotMessage(chat.id)).text).toMatch(/^Hello, Ann!/);
  });
});

describe("/mysubs", () => {
  it("lists what the chat follows and removes with a tap", async () => {
    const chat = world.tg.privateChat(world.tg.createUser({ languageCode: "en" }));
    world.tg.userSends(chat, "/mysubs");
    expect((await world.tg.waitForBotMessage(chat.id)).text).toBe(
      "This chat follows nothing yet. Choose topics with /topics, or follow your own words with /subscribe.",
    );
    world.tg.userSends(chat, "/subscribe China");
    world.tg.userSends(chat, "/subscribe Odesa -football");
    await world.tg.waitForBotMessage(chat.id);
    await world.tg.waitForBotMessage(chat.id);
    world.tg.userSends(chat, "/mysubs");
    const list = await world.tg.waitForBotMessage(chat.id);
    expect(list.text).toBe(
      "This chat follows 2 things:\n\n• China\n• your words: Odesa -football\n\nTap ✕ to stop following one. Add more with /topics or /subscribe.",
    );
    expect(buttonsOf(list).map((b) => b.text)).toEqual(["✕ China", "✕ Odesa -football"]);

    const click = world.tg.userClicks(chat, list.message_id, dataOf(list, "✕ China"));
    expect((await world.tg.waitForCallbackAnswer(click)).text).toBe("Stopped following China.");
    const after = await world.tg.waitForBotEdit(chat.id);
    expect(after.text).toMatch(/^This chat follows one thing:\n\n• your words: Odesa -football/);
    expect(buttonsOf(after).map((b) => b.text)).toEqual(["✕ Odesa -football"]);
    expect(await followedBy(world.bot, chat.id)).toEqual(["words:odesa -football"]);
  });
});

