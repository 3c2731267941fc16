/** Briefs reaching the chats that follow them, through the real bot and the emulator. */
import type { Chat } from "grammy/types";
import { describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/store/index.ts";
import { storeStory, type StoryInput } from "../delivery/stories.ts";
import { silentLogger } from "../store/helpers.ts";
import { useTestBot } from "./harness.ts";
import { buttonsOf } from "./helpers.ts";

const world = useTestBot();

async function follower(...topics: string[]): Promise<Chat> {
  const chat = world.tg.privateChat(world.tg.createUser({ languageCode: "en" }));
  for (const topic of topics) {
    world.tg.userSends(chat, `/subscribe ${topic}`);
    await world.tg.waitForBotMessage(chat.id);
  }
  return chat;
}

/** Stores stories as ingestion does and waits until delivery has done all it can. */
async function publish(...stories: StoryInput[]) {
  const stored = [];
  for (const story of stories) stored.push(await storeStory(world.bot.app.store, story));
  world.bot.app.delivery.nudge();
  await world.bot.app.delivery.settled();
  return stored;
}

const briefsIn = (chatId: number) => world.tg.botMessages(chatId).filter((m) => m.reply_markup?.inline_keyboard.flat().some((b) => "callback_data" in b && b.callback_data.startsWith("rel:")));
const titlesIn = (chatId: number) => briefsIn(chatId).map((m) => (m.text ?? m.caption ?? "").split("\n")[0]);

describe("instant delivery", () => {
  it("sends a new story on a followed topic at once, with its buttons", async () => {
    const chat = await follower("China");
    const [story] = await publish({ title: "China and Ukraine sign a grain deal", topics: ["china"] });
    const brief = await world.tg.waitForBotMessage(chat.id);
    expect(brief.text).toMatch(/^China and Ukraine sign a grain deal\n\nChina and Ukraine sign a grain deal\. Officials said/);
    expect(buttonsOf(brief)).toEqual([
      { text: "Read the full story", data: undefined },
      { text: "🔎 Related", data: `rel:${story!.id}` },
    ]);
    expect(brief.link_preview_options).toEqual({ is_disabled: true });
    await expect.poll(() => world.bot.app.store.outbox.figures({ articleId: story!.id })).toMatchObject({ planned: 1, sent: 1, pending: 0, failed: 0, blocked: 0 });
  });

  it("delivers a story another process stored on the same database (ingest --once while the bot runs)", async () => {
    const chat = await follower("China");
    const ingest = await openSqliteStore({ path: world.databasePath, logger: silentLogger });
    await storeStory(ingest, { title: "Stored by another process", topics: ["china"] });
    await ingest.close();
    // No nudge: the running bot finds it at its next look at the database, within a second.
    expect((await world.tg.waitForBotMessage(chat.id)).text).toMatch(/^Stored by another process/);
  });

  it("gives chats that follow several topics only the stories of their topics, each once", async () => {
    const chinaOnly = await follower("China");
    const chinaAndNato = await follower("China", "NATO");
    const sportOnly = await follower("Sport");
    const words = await follower("Odesa -football");
    await publish(
      { title: "Beijing sets a new tariff", topics: ["china"] },
      { title: "NATO ministers meet in Brussels", topics: ["nato"] },
      { title: "China and NATO hold first talks", topics: ["china", "nato"] },
      { title: "Cup final ends in a draw", topics: ["sport"] },
      { title: "Markets close higher", topics: ["economy"] },
      { title: "Odesa port reopens", body: "Odesa port reopens after repairs. Ships are back." },
      { title: "Odesa football club wins", body: "Odesa football club wins the derby." },
    );
    // A chat gets one message a second: the three for one chat take a little over two seconds.
    await expect.poll(() => world.bot.app.store.outbox.unsent(), { timeout: 10_000 }).toBe(0);
    expect(titlesIn(chinaOnly.id)).toEqual(["Beijing sets a new tariff", "China and NATO hold first talks"]);
    expect(titlesIn(chinaAndNato.id)).toEqual(["Beijing sets a new tariff", "NATO ministers meet in Brussels", "China and NATO hold first talks"]);
    expect(titlesIn(sportOnly.id)).toEqual(["Cup final ends in a draw"]);
    expect(titlesIn(words.id)).toEqual(["Odesa port reopens"]);
  });

  it("plans a story once however often it is looked at, and an archived story never", async () => {
    const chat = await follower("China");
    const [story] = await publish({ title: "China story", topics: ["china"] }, { title: "Archived China story", topics: ["china"], deliver: false });
    await world.tg.waitForBotMessage(chat.id);
    // Planning again (a crash after the rows were written, another process) adds nothing.
    expect(await world.bot.app.store.outbox.plan(story!.id, [{ chatId: chat.id, threadId: 0, kind: "brief", notBefore: new Date(), priority: 0, payload: {} }], new Date())).toBe(0);
    await world.bot.app.delivery.settled();
    expect(titlesIn(chat.id)).toEqual(["China story"]);
  });

  it("sends the lead image with the brief as its caption when the chat wants images, and text when the photo is refused", async () => {
    const chat = await follower("China");
    await publish({ title: "Panda born in Chengdu", topics: ["china"], image: "https://img.example.org/panda.jpg" });
    const photo = await world.tg.waitForBotMessage(chat.id);
    expect(photo.photo).toBeDefined();
    expect(photo.caption).toMatch(/^Panda born in Chengdu\n\n/);
    expect(buttonsOf(photo).map((b) => b.text)).toEqual(["Read the full story", "🔎 Related"]);

    world.tg.markUrlUnreachable("https://img.example.org/broken.jpg");
    await publish({ title: "Great Wall repairs begin", topics: ["china"], image: "https://img.example.org/broken.jpg" });
    const text = await world.tg.waitForBotMessage(chat.id);
    expect(text.photo).toBeUndefined();
    expect(text.text).toMatch(/^Great Wall repairs begin/);

    await world.bot.app.store.chats.updateSettings(chat.id, { images: false, linkPreviews: true });
    const [plain] = await publish({ title: "Tea prices rise", topics: ["china"], image: "https://img.example.org/tea.jpg" });
    const withPreview = await world.tg.waitForBotMessage(chat.id);
    expect(withPreview.photo).toBeUndefined();
    expect(withPreview.link_preview_options).toEqual({ url: (await world.bot.app.store.articles.get(plain!.id))!.url, prefer_large_media: true });
  });

  it("adds 'also reported by' to a brief not yet sent when another outlet reports the story, and sends nothing new", async () => {
    const chat = await follower("China");
    await world.bot.app.store.chats.updateSettings(chat.id, { delivery: "digest", digest: { every: "daily", at: "08:00" } });
    const group = await world.bot.app.store.articles.createStoryGroup("Grain deal");
    const [first] = await publish({ title: "China signs grain deal", topics: ["china"], storyGroupId: group, source: "Kyiv Post" });
    const source = await world.bot.app.store.sources.add({ name: "Reuters", feedUrl: "https://reuters.example.org/feed", format: "rss", pollIntervalS: 300 });
    const [second] = await publish({ title: "Beijing agrees grain deal", topics: ["china"], storyGroupId: group, sourceId: source.source.id });
    expect((await world.bot.app.store.articles.get(second!.id))?.plannedAt).not.toBeNull();
    expect(await world.bot.app.store.outbox.figures({ articleId: second!.id })).toMatchObject({ planned: 0 });
    expect(await world.bot.app.store.outbox.figures({ articleId: first!.id })).toMatchObject({ planned: 1, pending: 1 });

    // The row waiting for the digest carries both outlets (claimed here as the sender would, two days on).
    const rows = await world.bot.app.store.outbox.claim("test", new Date(Date.now() + 86_400_000 * 2), new Date(Date.now() + 86_400_000 * 3), 10);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.payload).toEqual({ alsoReportedBy: ["Reuters"] });
  });
});

describe("chats of every kind", () => {
  it("delivers into the forum topic that follows the story", async () => {
    const admin = world.tg.createUser({ languageCode: "en" });
    const forum = world.tg.createGroup({ title: "Forum", isForum: true, members: [{ user: admin, status: "creator" }] });
    const desk = world.tg.createForumTopic(forum, "China desk", { from: admin });
    world.tg.userSends(forum, "/subscribe China", { from: admin, messageThreadId: desk });
    await world.tg.waitForBotMessage(forum.id);
    await publish({ title: "Forum story on China", topics: ["china"] });
    expect(await world.tg.waitForBotMessage(forum.id)).toMatchObject({ message_thread_id: desk, text: expect.stringMatching(/^Forum story on China/) });
  });

  it("posts into a channel that follows the story", async () => {
    const owner = world.tg.createUser({ languageCode: "en" });
    const channel = world.tg.createChannel({ title: "Odesa Daily", username: "odesadaily", admins: [owner] });
    await expect.poll(() => world.bot.app.store.chats.get(channel.id)).toMatchObject({ type: "channel", status: "active" });
    await world.bot.app.store.subscriptions.add({ chatId: channel.id, threadId: 0 }, { kind: "topic", slug: "china" }, owner.id);
    await publish({ title: "Channel story on China", topics: ["china"] });
    const post = await world.tg.waitForBotMessage(channel.id);
    expect(post).toMatchObject({ sender_chat: { id: channel.id }, text: expect.stringMatching(/^Channel story on China/) });
  });
});

describe("Telegram's refusals", () => {
  it("marks a chat that blocked the bot inactive, drops what waited for it, and serves it again after /start", async () => {
    const gone = await follower("China");
    const other = await follower("China");
    world.tg.injectFault({ method: "sendMessage", chatId: gone.id, errorCode: 403, description: "Forbidden: bot was blocked by the user" });
    await world.bot.app.store.chats.updateSettings(gone.id, { quietHours: null });
    const [a, b] = await publish({ title: "First China story", topics: ["china"] }, { title: "Second China story", topics: ["china"] });
    await expect.poll(() => world.bot.app.store.outbox.unsent(), { timeout: 10_000 }).toBe(0);
    expect((await world.bot.app.store.chats.get(gone.id))?.status).toBe("blocked");
    expect(titlesIn(gone.id)).toEqual([]);
    expect(titlesIn(other.id)).toEqual(["First China story", "Second China story"]);
    const figures = [await world.bot.app.store.outbox.figures({ articleId: a!.id }), await world.bot.app.store.outbox.figures({ articleId: b!.id })];
    expect(figures.map((f) => [f.sent, f.blocked])).toEqual([[1, 1], [1, 1]]);

    // Nothing more is planned for it while it is blocked …
    await publish({ title: "Third China story", topics: ["china"] });
    await expect.poll(() => titlesIn(other.id), { timeout: 10_000 }).toHaveLength(3);
    expect(titlesIn(gone.id)).toEqual([]);
    // … and the user's /start brings it back.
    world.tg.userSends(gone, "/start");
    await world.tg.waitForBotMessage(gone.id);
    expect((await world.bot.app.store.chats.get(gone.id))?.status).toBe("active");
    await publish({ title: "Fourth China story", topics: ["china"] });
    await expect.poll(() => titlesIn(gone.id), { timeout: 10_000 }).toEqual(["Fourth China story"]);
  });

  it("follows a group that became a supergroup: the brief goes to the new id, and so do its subscriptions", async () => {
    const admin = world.tg.createUser({ languageCode: "en" });
    const group = world.tg.createGroup({ title: "Old group", members: [{ user: admin, status: "creator" }] });
    world.tg.userSends(group, "/subscribe China", { from: admin });
    await world.tg.waitForBotMessage(group.id);
    const supergroup = world.tg.createGroup({ title: "Old group", type: "supergroup", members: [{ user: admin, status: "creator" }], silent: true });
    // Telegram refuses the old id before the bot has seen the migration's service message.
    world.tg.injectFault({ method: "sendMessage", chatId: group.id, errorCode: 400, description: "Bad Request: group chat was upgraded to a supergroup chat", migrateToChatId: supergroup.id });
    await publish({ title: "China story for the group", topics: ["china"] });
    expect((await world.tg.waitForBotMessage(supergroup.id)).text).toMatch(/^China story for the group/);
    expect(await world.bot.app.store.chats.get(group.id)).toMatchObject({ status: "migrated", migratedTo: supergroup.id });
    expect((await world.bot.app.store.subscriptions.forTopic("china")).map((s) => s.chatId)).toEqual([supergroup.id]);
  });

  it("resends a brief Telegram calls malformed as plain text, once, and logs the story", async () => {
    const chat = await follower("China");
    world.tg.injectFault({ method: "sendMessage", chatId: chat.id, errorCode: 400, description: "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 0" });
    const [story] = await publish({ title: "China <story> & more", topics: ["china"] });
    const plain = await world.tg.waitForBotMessage(chat.id);
    expect(plain.text).toMatch(/^China <story> & more\n\n/);
    expect(plain.entities?.filter((e) => e.type !== "hashtag")).toEqual([]);
    expect(world.tg.callsTo("sendMessage").at(-1)?.params["parse_mode"]).toBeUndefined();
    const logged = world.bot.logs.find((l) => l.msg === "Telegram refused a brief as malformed");
    expect(logged).toMatchObject({ articleIds: [story!.id], chatId: chat.id });
  });

  it("retries network errors and 5xx answers with backoff, and other chats keep going", async () => {
    const flaky = await follower("China");
    const fine = await follower("China");
    world.tg.injectFault({ method: "sendMessage", chatId: flaky.id, errorCode: 502, description: "Bad Gateway" });
    const [story] = await publish({ title: "China story through a bad gateway", topics: ["china"] });
    // Replies share the flood budget, so the second brief may wait a few milliseconds for its token.
    await expect.poll(() => titlesIn(fine.id)).toEqual(["China story through a bad gateway"]);
    expect(titlesIn(flaky.id)).toEqual([]);
    const [row] = await world.bot.app.store.outbox.claim("peek", new Date(Date.now() + 600_000), new Date(Date.now() + 600_000), 10);
    expect(row).toMatchObject({ articleId: story!.id, chatId: flaky.id, attempts: 2 });
  });
});
