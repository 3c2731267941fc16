/** Admins push breaking news with /breaking: the conversation, the broadcast, its figures, a restart, /stopbroadcast. */
import type { Chat, Message } from "grammy/types";
import { describe, expect, it } from "vitest";
import { useTestBot, type TestBotWorld } from "./harness.ts";
import { buttonsOf, dataOf, followers as followersOf } from "./helpers.ts";

const ADMIN_ID = 4242;
const STORY = [
  "Dam breached near Kherson",
  "A dam near Kherson was breached early on Tuesday, officials said. Water levels downstream are rising quickly.",
  "Residents of nearby villages are being evacuated by bus. Rescue teams have been sent from three regions.",
].join("\n");

function adminChat(world: TestBotWorld): Chat {
  return world.tg.privateChat(world.tg.createUser({ id: ADMIN_ID, languageCode: "en" }));
}

const followers = (world: TestBotWorld, count: number, topic = "war-in-ukraine"): Promise<Chat[]> => followersOf(world, count, topic);

const isBreaking = (m: Message) => (m.text ?? m.caption ?? "").startsWith("⚡ Breaking\n\nDam breached near Kherson");
const breakingIn = (world: TestBotWorld, chatId: number) => world.tg.botMessages(chatId).filter(isBreaking);

/** Sends a text and waits for the bot's message that satisfies `until`. */
async function say(world: TestBotWorld, chat: Chat, text: string, until: (m: Message) => boolean): Promise<Message> {
  world.tg.userSends(chat, text);
  return world.tg.waitForBotMessage(chat.id, until);
}

async function click(world: TestBotWorld, chat: Chat, message: Message, label: string, until: (m: Message) => boolean): Promise<Message> {
  world.tg.userClicks(chat, message.message_id, dataOf(message, label));
  return world.tg.waitForBotMessage(chat.id, until);
}

const hasButton = (label: string) => (m: Message) => buttonsOf(m).some((b) => b.text === label);

/** From /breaking to the audience question, with the pasted story. */
async function toAudience(world: TestBotWorld, admin: Chat): Promise<Message> {
  await say(world, admin, "/breaking", (m) => m.text?.startsWith("⚡ Breaking news") === true);
  const controls = await say(world, admin, STORY, hasButton("Continue ➡️"));
  return click(world, admin, controls, "Continue ➡️", hasButton("📣 Everyone"));
}

describe("/breaking", () => {
  const world = useTestBot({ env: { ADMIN_IDS: String(ADMIN_ID), SEND_GLOBAL_PER_SECOND: "1000" } });

  it("pastes, previews as subscribers see it, edits the headline, confirms the reach and sends to everyone once", async () => {
    const chats = await followers(world, 3);
    const admin = adminChat(world);
    await say(world, admin, "/breaking", (m) => m.text?.startsWith("⚡ Breaking news") === true);
    const controls = await say(world, admin, STORY, hasButton("Continue ➡️"));
    const preview = world.tg.botMessages(admin.id).find(isBreaking);
    expect(preview?.text).toMatch(/^⚡ Breaking\n\nDam breached near Kherson\n\nA dam near Kherson was breached/);

    const asked = await click(world, admin, controls, "✏️ Headline", (m) => m.text === "Send the new headline (or /cancel).");
    expect(asked).toBeDefined();
    const edited = await say(world, admin, "Kherson dam breached: evacuation under way", hasButton("Continue ➡️"));
    expect(world.tg.botMessages(admin.id).some((m) => m.text?.startsWith("⚡ Breaking\n\nKherson dam breached: evacuation under way") === true)).toBe(true);

    const audience = await click(world, admin, edited, "Continue ➡️", hasButton("📣 Everyone"));
    const confirm = await click(world, admin, audience, "📣 Everyone", hasButton("✅ Send"));
    // The three followers and the admin's own chat.
    expect(confirm.text).toMatch(/^It will reach 4 chats\./);
    world.tg.userClicks(admin, confirm.message_id, dataOf(confirm, "✅ Send"));
    for (const chat of chats) {
      const got = await world.tg.waitForBotMessage(chat.id, (m) => m.text?.startsWith("⚡ Breaking\n\nKherson dam breached") === true);
      expect(got.text).toContain("A dam near Kherson was breached");
    }
    await world.tg.waitForBotEdit(admin.id, (m) => m.text?.startsWith("✅ Broadcast #1 finished.") === true, 15_000);
    const figures = await world.bot.app.store.outbox.figures({ broadcastId: 1 });
    expect(figures).toMatchObject({ planned: 4, sent: 4, failed: 0, pending: 0 });
    const actions = (await world.bot.app.store.audit.recent({ limit: 10 })).map((e) => e.action);
    expect(actions).toContain("broadcast.start");
  });

  it("a test send reaches only the admin", async () => {
    const chats = await followers(world, 2);
    const admin = adminChat(world);
    const audience = await toAudience(world, admin);
    const confirm = await click(world, admin, audience, "🧪 Test: only me", hasButton("✅ Send"));
    expect(confirm.text).toMatch(/^It will reach 1 chat\./);
    world.tg.userClicks(admin, confirm.message_id, dataOf(confirm, "✅ Send"));
    await expect.poll(() => breakingIn(world, admin.id).length, { timeout: 10_000 }).toBe(2);
    expect(chats.map((c) => breakingIn(world, c.id).length)).toEqual([0, 0]);
  });

  it("some topics: only their followers, each once however many of the topics it follows", async () => {
    const ukraine = await followers(world, 2, "war-in-ukraine");
    const sport = await followers(world, 1, "sport");
    await world.bot.app.store.subscriptions.add({ chatId: ukraine[0]!.id, threadId: 0 }, { kind: "topic", slug: "china" });
    const admin = adminChat(world);
    const audience = await toAudience(world, admin);
    let topics = await click(world, admin, audience, "🏷 Some topics", hasButton("Done"));
    world.tg.userClicks(admin, topics.message_id, dataOf(topics, "War in Ukraine"));
    topics = await world.tg.waitForBotEdit(admin.id, hasButton("✅ War in Ukraine"));
    world.tg.userClicks(admin, topics.message_id, dataOf(topics, "China"));
    topics = await world.tg.waitForBotEdit(admin.id, hasButton("✅ China"));
    const confirm = await click(world, admin, topics, "Done", hasButton("✅ Send"));
    expect(confirm.text).toMatch(/^It will reach 2 chats\./);
    world.tg.userClicks(admin, confirm.message_id, dataOf(confirm, "✅ Send"));
    await expect.poll(() => ukraine.map((c) => breakingIn(world, c.id).length), { timeout: 10_000 }).toEqual([1, 1]);
    expect(breakingIn(world, sport[0]!.id)).toHaveLength(0);
  });

  it("a forwarded channel post becomes a brief that names and links the channel", async () => {
    const admin = adminChat(world);
    await say(world, admin, "/breaking", (m) => m.text?.startsWith("⚡ Breaking news") === true);
    world.tg.userSends(admin, STORY, {
      forwardOrigin: { type: "channel", chat: { id: -1009876543210, type: "channel", title: "Kherson Today", username: "khersontoday" }, message_id: 812, date: 0 },
    });
    await world.tg.waitForBotMessage(admin.id, hasButton("Continue ➡️"));
    const preview = world.tg.botMessages(admin.id).find(isBreaking);
    expect(preview?.text).toMatch(/Kherson Today$/);
    expect(buttonsOf(preview!)).toEqual([{ text: "Read the full story", data: undefined }]);
    expect(preview?.reply_markup?.inline_keyboard[0]?.[0]).toMatchObject({ url: "https://t.me/khersontoday/812" });
  });

  it("/cancel leaves at any step and sends nothing", async () => {
    const chats = await followers(world, 1);
    const admin = adminChat(world);
    await toAudience(world, admin);
    await say(world, admin, "/cancel", (m) => m.text === "Breaking news cancelled; nothing was sent.");
    expect(await world.bot.app.store.broadcasts.running()).toEqual([]);
    expect(breakingIn(world, chats[0]!.id)).toHaveLength(0);
  });

  it("goes on after a restart mid-conversation", async () => {
    const admin = adminChat(world);
    await say(world, admin, "/breaking", (m) => m.text?.startsWith("⚡ Breaking news") === true);
    const controls = await say(world, admin, STORY, hasButton("Continue ➡️"));
    await world.restart();
    const audience = await click(world, admin, controls, "Continue ➡️", hasButton("📣 Everyone"));
    const confirm = await click(world, admin, audience, "🧪 Test: only me", hasButton("✅ Send"));
    world.tg.userClicks(admin, confirm.message_id, dataOf(confirm, "✅ Send"));
    await expect.poll(() => breakingIn(world, admin.id).length, { timeout: 10_000 }).toBe(2);
  });

  it("refuses a non-admin politely, for every admin command", async () => {
    const chat = world.tg.privateChat(world.tg.createUser({ languageCode: "en" }));
    for (const command of ["/breaking", "/stopbroadcast"]) {
      expect((await say(world, chat, command, () => true)).text).toBe("Sorry, only newsbrief's admins can use this command.");
    }
    expect(await world.bot.app.store.broadcasts.running()).toEqual([]);
  });
});

describe("/breaking to 1,000 subscribers", () => {
  const world = useTestBot({ env: { ADMIN_IDS: String(ADMIN_ID), SEND_GLOBAL_PER_SECOND: "1000" } });

  it("each receives the breaking brief exactly once", async () => {
    const chats = await followers(world, 1000);
    const admin = adminChat(world);
    const audience = await toAudience(world, admin);
    const topics = await click(world, admin, audience, "🏷 Some topics", hasButton("Done"));
    world.tg.userClicks(admin, topics.message_id, dataOf(topics, "War in Ukraine"));
    const chosen = await world.tg.waitForBotEdit(admin.id, hasButton("✅ War in Ukraine"));
    const confirm = await click(world, admin, chosen, "Done", hasButton("✅ Send"));
    expect(confirm.text).toMatch(/^It will reach 1,000 chats\./);
    world.tg.userClicks(admin, confirm.message_id, dataOf(confirm, "✅ Send"));
    await world.tg.waitForBotEdit(admin.id, (m) => m.text?.startsWith("✅ Broadcast #1 finished.") === true, 30_000);
    const counts = world.tg.messageCounts();
    expect(chats.filter((c) => counts.get(c.id) !== 1)).toEqual([]);
    expect(chats.filter((c) => breakingIn(world, c.id).length !== 1)).toEqual([]);
  });
});

describe("a broadcast under way", () => {
  const world = useTestBot({ env: { ADMIN_IDS: String(ADMIN_ID), SEND_GLOBAL_PER_SECOND: "30" } });

  async function sendToEveryone(admin: Chat): Promise<void> {
    const audience = await toAudience(world, admin);
    const confirm = await click(world, admin, audience, "📣 Everyone", hasButton("✅ Send"));
    world.tg.userClicks(admin, confirm.message_id, dataOf(confirm, "✅ Send"));
    await world.tg.waitForBotMessage(admin.id, (m) => m.text?.startsWith("📣 Broadcast #1") === true);
  }
  const delivered = (chats: Chat[]) => chats.reduce((sum, chat) => sum + breakingIn(world, chat.id).length, 0);

  it("goes on after a restart, each chat once, and the status message ends with the final figures", async () => {
    const chats = await followers(world, 60);
    const admin = adminChat(world);
    await sendToEveryone(admin);
    await expect.poll(() => delivered(chats)).toBeGreaterThan(5);
    await world.restart();
    expect(delivered(chats)).toBeLessThan(60);
    await expect.poll(() => delivered(chats), { timeout: 15_000 }).toBe(60);
    expect(chats.filter((c) => breakingIn(world, c.id).length !== 1)).toEqual([]);
    const final = await world.tg.waitForBotEdit(admin.id, (m) => m.text?.startsWith("✅ Broadcast #1 finished.") === true, 15_000);
    expect(final.text).toBe("✅ Broadcast #1 finished.\nSent: 61 · failed: 0 · blocked: 0");
  });

  it("shows progress in one status message, and /stopbroadcast drops the unsent part", async () => {
    const chats = await followers(world, 150);
    const admin = adminChat(world);
    await sendToEveryone(admin);
    const progress = await world.tg.waitForBotEdit(admin.id, (m) => /^📣 Broadcast #1\nSent: \d+ · failed: 0 · blocked: 0\nRemaining: \d+ · about .+ left$/.test(m.text ?? "") && !m.text!.includes("Sent: 0 "), 10_000);
    expect(progress.text).toMatch(/Remaining: [1-9]/);
    const answer = await say(world, admin, "/stopbroadcast", (m) => m.text?.startsWith("⏹ Broadcast #1 stopped.") === true);
    const sentAtStop = Number(/Sent: (\d+)/.exec(answer.text ?? "")![1]);
    expect(sentAtStop).toBeLessThan(151);
    const figures = await world.bot.app.store.outbox.figures({ broadcastId: 1 });
    expect(figures.pending).toBe(0);
    // Nothing more goes out once stopped (a send in flight at the stop may still land).
    await world.bot.app.delivery.settled();
    expect(delivered(chats) + breakingIn(world, admin.id).length - 1).toBeLessThanOrEqual(figures.sent);
    expect(figures.sent).toBeLessThan(151);
    expect((await world.bot.app.store.broadcasts.get(1))?.status).toBe("stopped");
    await say(world, admin, "/stopbroadcast", (m) => m.text === "No such broadcast is running.");
    await say(world, admin, "/stopbroadcast #1", (m) => m.text === "No such broadcast is running." && m.message_id > answer.message_id + 1);
    await say(world, admin, "/stopbroadcast now", (m) => m.text?.startsWith("Send /stopbroadcast to stop your broadcast") === true);
  });
});

describe("a step that waits too long", () => {
  let now = new Date("2026-03-02T10:00:00Z");
  const world = useTestBot({ env: { ADMIN_IDS: String(ADMIN_ID) }, now: () => now });

  it("ends politely when the admin answers after a quarter of an hour", async () => {
    const admin = adminChat(world);
    await say(world, admin, "/breaking", (m) => m.text?.startsWith("⚡ Breaking news") === true);
    // The step has begun (its clock read and the conversation stored) before time moves on.
    await expect.poll(() => world.bot.app.store.state.read("conversation", String(admin.id))).toBeDefined();
    now = new Date(now.getTime() + 16 * 60_000);
    expect((await say(world, admin, STORY, (m) => m.text?.startsWith("You did not answer") === true)).text).toBe(
      "You did not answer for a while, so I put the breaking news aside. Send /breaking to start again.",
    );
    expect(world.tg.botMessages(admin.id).some(isBreaking)).toBe(false);
    // The conversation is over: /breaking starts afresh.
    await say(world, admin, "/breaking", (m) => m.text?.startsWith("⚡ Breaking news") === true && m.message_id > 3);
    await say(world, admin, STORY, hasButton("Continue ➡️"));
  });
});
