/**
 * The day as a test: 200 users, two groups, a forum and a channel follow the local newsroom from
 * 05:00 to 01:10 Kyiv time on an injected clock, through deep links, /topics and /settings. An
 * admin pushes breaking news, one user blocks the bot, a group becomes a supergroup, the bot is
 * restarted twice. Afterwards every chat must have received exactly the briefs day-plan.ts says
 * (by headline), each once and when due, and Telegram must have refused nothing.
 */
import type { Chat, Message } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { LocalNewsroom } from "../../demo/newsroom/newsroom.ts";
import { createHttpClient } from "../../src/ingest/http/index.ts";
import { addSource, inspectSource } from "../../src/ingest/sources.ts";
import { ManualClock } from "../delivery/manual-clock.ts";
import { configure, followFromLink, followWithTopicsMenu, pushBreaking, setUpChannel } from "./day-chats.ts";
import {
  at, BLOCK_AT, BLOCKER, BREAKING_AT, BROADCAST_HEADLINE, dueFor, END, FIRST_RESTART, isMarkedBreaking, MIGRATE_AT, PROFILES, PUBLICATIONS,
  SECOND_RESTART, SOURCES_ADDED, STEP_MS, TOPIC_NAMES, USERS, type Expected, type Profile,
} from "./day-plan.ts";
import { useTestBot } from "./harness.ts";
import { say, type Actor } from "./helpers.ts";

const ADMIN_ID = 4242;
const clock = new ManualClock(new Date(at("03:00")));
const world = useTestBot({
  env: { ADMIN_IDS: String(ADMIN_ID), SEND_GLOBAL_PER_SECOND: "1000", FETCH_ALLOW_PRIVATE_HOSTS: "true", POLL_HOST_DELAY_MS: "0", TOPIC_RETRAIN_SCHEDULE: "off" },
  // One clock for the whole day: restarts go on from where it stands.
  app: () => ({ now: clock.now, timers: clock }),
});
let newsroom: LocalNewsroom | undefined;
afterEach(async () => {
  await newsroom?.close();
  newsroom = undefined;
});

const INSTANT: Omit<Profile, "name" | "menu"> = { breakingThroughQuiet: true };
const GROUP_DIGEST: Profile = { name: "group evening digest", menu: { delivery: "Daily digest", digestAt: "20:00" }, digest: { dailyUtc: "18:00" }, breakingThroughQuiet: true };

/** A chat (or forum topic) as the plan sees it: where its messages go at a time, what it follows, how. */
interface Audience {
  name: string;
  keyAt: (t: number) => string;
  topics: string[];
  profile: Omit<Profile, "name" | "menu">;
  /** Whether it is in the broadcast to everyone (each chat once, in its main thread). */
  inBroadcast: boolean;
  /** It blocked the bot at this time: nothing planned from then on reaches it. */
  goneAt?: number;
}
const keyOf = (chatId: number, threadId = 0) => `${chatId}:${threadId}`;

/** A story or broadcast seen in a chat, with the clock's time when the bot sent it. */
interface Seen {
  key: string;
  headline: string;
  kind: Expected["kind"];
  at: number;
}

/** The deliveries one message carries: the stories of a digest, or one brief or broadcast. */
function deliveriesIn(message: Message): Array<{ headline: string; kind: Expected["kind"] }> {
  const text = message.text ?? message.caption ?? "";
  if (text.startsWith("📰 ")) {
    return text.split("\n\n").slice(1).flatMap((block) => {
      const item = /^\d+\. (.+)$/.exec(block.split("\n")[0] ?? "");
      return item ? [{ headline: item[1]!, kind: "digest" as const }] : [];
    });
  }
  if (text.startsWith("⚡ Breaking\n\n")) {
    const headline = text.slice("⚡ Breaking\n\n".length).split("\n")[0]!;
    return [{ headline, kind: headline === BROADCAST_HEADLINE ? "broadcast" : "brief" }];
  }
  // Answers to /related carry rel: buttons too, but reply to the question (messages in a forum
  // topic "reply" to the topic's first message).
  const answer = message.reply_to_message !== undefined && message.reply_to_message.forum_topic_created === undefined;
  const brief = !answer && (message.reply_markup?.inline_keyboard.flat().some((b) => "callback_data" in b && b.callback_data.startsWith("rel:")) ?? false);
  return brief ? [{ headline: text.split("\n")[0]!, kind: "brief" }] : [];
}

describe("a day of news", () => {
  it("reaches every chat with exactly the briefs its topics and settings call for, when they call for them", async () => {
    const { tg } = world;
    const app = () => world.bot.app;
    /** Where the call log stood when the clock moved: a call's time is that of the last move before it. */
    const marks: Array<{ call: number; at: number }> = [{ call: 0, at: clock.now().getTime() }];
    const moveTo = (t: number) => {
      marks.push({ call: tg.calls.length, at: t });
      clock.set(new Date(t));
    };
    /**
     * Lets delivery send what is due, moving the clock a second at a time while chats' budgets
     * refill, and on to a row coming due within the minute (a send retried after a passing
     * network error waits seconds, not until the next ten-minute step).
     */
    const settle = async () => {
      for (let seconds = 0; ; seconds++) {
        await app().delivery.settled();
        const now = clock.now().getTime();
        const due = (await app().store.outbox.oldestDue(clock.now())) !== null;
        const next = due ? null : await app().store.outbox.nextDue(clock.now());
        if (!due && (next === null || next.getTime() > now + 60_000)) return;
        if (seconds > 600) throw new Error("deliveries due but not sent");
        moveTo(next === null ? now + 1000 : next.getTime());
      }
    };

    // ── Morning, before the first story: people join ──────────────────────────────────────────
    const audiences: Audience[] = [];
    const users: Chat[] = [];
    for (let first = 0; first < USERS.length; first += 10) {
      const batch = USERS.slice(first, first + 10);
      const chats = await Promise.all(
        batch.map(async (plan) => {
          const actor: Actor = { tg, chat: tg.privateChat(tg.createUser({ languageCode: "en" })) };
          const [head, ...rest] = plan.topics;
          if (plan.deepLink) await followFromLink(actor, head!, TOPIC_NAMES[head!]!);
          await followWithTopicsMenu(actor, (plan.deepLink ? rest : plan.topics).map((slug) => TOPIC_NAMES[slug]!));
          await configure(actor, plan.profile.menu);
          return actor.chat;
        }),
      );
      users.push(...chats);
      // Replies share the global sending budget, which refills as the clock moves.
      moveTo(clock.now().getTime() + 1000);
    }
    USERS.forEach((plan, i) => {
      const chat = users[i]!;
      audiences.push({ name: `user ${i} (${plan.profile.name})`, keyAt: () => keyOf(chat.id), topics: plan.topics, profile: plan.profile, inBroadcast: true, ...(i === BLOCKER ? { goneAt: BLOCK_AT } : {}) });
    });

    const editor = tg.createUser({ firstName: "Halyna", languageCode: "en" });
    const kyivDesk = tg.createGroup({ title: "Kyiv desk", members: [{ user: editor, status: "creator" }] });
    await followWithTopicsMenu({ tg, chat: kyivDesk, from: editor }, ["Kyiv", "China"]);
    let kyivDeskSuper: Chat | undefined;
    audiences.push({ name: "group Kyiv desk", keyAt: (t) => (t >= MIGRATE_AT && kyivDeskSuper ? keyOf(kyivDeskSuper.id) : keyOf(kyivDesk.id)), topics: ["kyiv", "china"], profile: INSTANT, inBroadcast: true });

    const odesaWatch = tg.createGroup({ title: "Odesa watch", type: "supergroup", members: [{ user: editor, status: "creator" }] });
    await followWithTopicsMenu({ tg, chat: odesaWatch, from: editor }, ["War in Ukraine", "Odesa"]);
    await configure({ tg, chat: odesaWatch, from: editor }, GROUP_DIGEST.menu);
    audiences.push({ name: "supergroup Odesa watch", keyAt: () => keyOf(odesaWatch.id), topics: ["war-in-ukraine", "odesa"], profile: GROUP_DIGEST, inBroadcast: true });

    const forum = tg.createGroup({ title: "Newsroom forum", isForum: true, members: [{ user: editor, status: "creator" }] });
    const sportThread = tg.createForumTopic(forum, "Sport desk", { from: editor });
    const chinaThread = tg.createForumTopic(forum, "China desk", { from: editor });
    await followWithTopicsMenu({ tg, chat: forum, from: editor, threadId: sportThread }, ["Sport"]);
    await followWithTopicsMenu({ tg, chat: forum, from: editor, threadId: chinaThread }, ["China", "Odesa"]);
    audiences.push({ name: "forum, sport thread", keyAt: () => keyOf(forum.id, sportThread), topics: ["sport"], profile: INSTANT, inBroadcast: false });
    audiences.push({ name: "forum, China thread", keyAt: () => keyOf(forum.id, chinaThread), topics: ["china", "odesa"], profile: INSTANT, inBroadcast: false });
    audiences.push({ name: "forum, general", keyAt: () => keyOf(forum.id), topics: [], profile: INSTANT, inBroadcast: true });

    const owner = tg.createUser({ firstName: "Olha", languageCode: "en" });
    const channel = tg.createChannel({ title: "Europe today", username: "europetoday", admins: [owner] });
    const ownerChat = tg.privateChat(owner);
    await setUpChannel({ tg, chat: ownerChat }, "europetoday", ["War in Ukraine", "Europe"]);
    audiences.push({ name: "channel Europe today", keyAt: () => keyOf(channel.id), topics: ["war-in-ukraine", "europe"], profile: INSTANT, inBroadcast: true });
    audiences.push({ name: "the channel owner's chat", keyAt: () => keyOf(ownerChat.id), topics: [], profile: INSTANT, inBroadcast: true });

    const admin: Actor = { tg, chat: tg.privateChat(tg.createUser({ id: ADMIN_ID, firstName: "Admin", languageCode: "en" })) };
    await say(admin, "/start", (m) => m.text?.startsWith("Hello") === true);
    audiences.push({ name: "the admin's chat", keyAt: () => keyOf(admin.chat.id), topics: [], profile: INSTANT, inBroadcast: true });

    // ── 05:50 Kyiv: the newsroom's two sites become sources; their backlog is archived, not sent ──
    moveTo(SOURCES_ADDED);
    newsroom = await LocalNewsroom.start({ now: clock.now });
    const http = createHttpClient(world.bot.config.fetch);
    for (const url of newsroom.feedUrls) await addSource(app().store, await inspectSource(http, url), { pollIntervalS: 300 });
    await http.close();
    expect((await app().ingest.pollDue()).map((r) => r.status)).toEqual(["ok", "ok"]);
    await settle();

    // ── The day, ten minutes at a time ───────────────────────────────────────────────────────
    const answers: Record<string, string> = {};
    let broadcast: { confirm: string; preview: Message } | undefined;
    for (let t = SOURCES_ADDED + STEP_MS; t <= END; t += STEP_MS) {
      moveTo(t);
      const publication = PUBLICATIONS.find((p) => p.at === t);
      if (publication) expect(newsroom.publishNext().map((a) => a.title)).toEqual(expect.arrayContaining(publication.stories.map((s) => s.title)));
      await app().ingest.pollDue();
      // A restart right after a poll: what was planned and not yet sent must go out once.
      if (t === FIRST_RESTART || t === SECOND_RESTART) await world.restart();
      await settle();

      if (t === at("06:20")) {
        const reader: Actor = { tg, chat: users[1]! };
        answers["search"] = (await say(reader, "/search grain shipments", (m) => m.text?.startsWith("Newest briefs about") === true)).text!;
      }
      if (t === at("07:40")) {
        // A reader of the war asks what else there is on the Odesa brief they just got.
        const reader: Actor = { tg, chat: users[2]! };
        const brief = tg.botMessages(reader.chat.id).find((m) => m.text?.startsWith("Drone strike cuts power to Odesa port") === true);
        expect(brief, "the Odesa brief reached user 2").toBeDefined();
        tg.userSends(reader.chat, "/related", { replyTo: brief!.message_id });
        answers["related"] = (await tg.waitForBotMessage(reader.chat.id, (m) => m.text?.startsWith("Related to") === true)).text!;
      }
      if (t === BREAKING_AT) {
        broadcast = await pushBreaking(admin, [BROADCAST_HEADLINE, "A drone strike cut power to the port of Odesa overnight; at least twelve ships wait offshore.", "Cranes run on generators and loading is at half speed until the grid is repaired."].join("\n"));
        await settle();
      }
      if (t === BLOCK_AT) {
        tg.blockBot(users[BLOCKER]!.id);
        await expect.poll(async () => (await app().store.chats.get(users[BLOCKER]!.id))?.status).toBe("blocked");
      }
      if (t === MIGRATE_AT) {
        kyivDeskSuper = tg.migrateGroupToSupergroup(kyivDesk.id);
        await expect.poll(async () => (await app().store.chats.get(kyivDesk.id))?.status).toBe("migrated");
      }
    }
    const reader: Actor = { tg, chat: users[5]! };
    answers["danube"] = (await say(reader, "/search Danube", (m) => m.text?.startsWith("Newest briefs about") === true)).text!;

    // ── What the day called for, from the plan alone ─────────────────────────────────────────
    const expected = new Map<string, Expected[]>();
    const add = (key: string, item: Expected) => expected.set(key, [...(expected.get(key) ?? []), item]);
    for (const publication of PUBLICATIONS) {
      for (const story of publication.stories) {
        for (const audience of audiences) {
          if (!audience.topics.some((topic) => story.topics.includes(topic))) continue;
          if (audience.goneAt !== undefined && publication.at >= audience.goneAt) continue;
          const { due, kind } = dueFor(audience.profile, publication.at, isMarkedBreaking(story.title));
          add(audience.keyAt(due), { headline: story.title, kind, due });
        }
      }
    }
    const reached = audiences.filter((a) => a.inBroadcast);
    for (const audience of reached) {
      const { due } = dueFor(audience.profile, BREAKING_AT, true);
      add(audience.keyAt(due), { headline: BROADCAST_HEADLINE, kind: "broadcast", due });
    }
    expect(broadcast?.confirm).toMatch(new RegExp(`^It will reach ${reached.length} chats\\.`));

    // ── What Telegram saw ────────────────────────────────────────────────────────────────────
    const seen = new Map<string, Seen[]>();
    tg.calls.forEach((call, index) => {
      if ((call.method !== "sendMessage" && call.method !== "sendPhoto") || !call.ok) return;
      const message = call.result as Message;
      if (message.chat.id === admin.chat.id && message.message_id === broadcast?.preview.message_id) return;
      const time = marks.findLast((m) => m.call <= index)!.at;
      const key = keyOf(message.chat.id, message.message_thread_id ?? 0);
      for (const d of deliveriesIn(message)) seen.set(key, [...(seen.get(key) ?? []), { key, ...d, at: time }]);
    });

    const problems: string[] = [];
    const nameOf = (key: string) => audiences.find((a) => [a.keyAt(0), a.keyAt(END)].includes(key))?.name ?? key;
    const fmt = (t: number) => new Date(t).toISOString().slice(11, 16);
    for (const key of new Set([...expected.keys(), ...seen.keys()])) {
      const want = (expected.get(key) ?? []).filter((e) => e.due <= END);
      const got = seen.get(key) ?? [];
      for (const item of want) {
        const matches = got.filter((g) => g.headline === item.headline);
        if (matches.length !== 1) problems.push(`${nameOf(key)}: "${item.headline}" ${matches.length} times, expected once (${item.kind} at ${fmt(item.due)})`);
        else if (matches[0]!.kind !== item.kind || matches[0]!.at < item.due || matches[0]!.at > item.due + 2 * 60_000) {
          problems.push(`${nameOf(key)}: "${item.headline}" as ${matches[0]!.kind} at ${fmt(matches[0]!.at)}, expected ${item.kind} at ${fmt(item.due)}`);
        }
      }
      for (const g of got) if (!want.some((w) => w.headline === g.headline)) problems.push(`${nameOf(key)}: unexpected "${g.headline}" (${g.kind} at ${fmt(g.at)})`);
    }
    expect(problems).toEqual([]);

    // Nothing lost: what is due after the day waits in the outbox, and nothing else does.
    const later = [...expected.values()].flat().filter((e) => e.due > END);
    expect(later.length).toBeGreaterThan(0);
    expect(await app().store.outbox.unsent()).toBe(later.length);

    // Every message was valid for Telegram: no send, edit or answer refused but sends to the user
    // who blocked the bot. (The admin's command menu is refused until the admin first opens the
    // bot, as on Telegram; the bot tries again at its next start.)
    const refused = tg.calls.filter((c) => !c.ok && /^(send|edit|answer|copy|forward)/.test(c.method) && c.params["chat_id"] !== users[BLOCKER]!.id);
    expect(refused.map((c) => `${c.method} ${c.errorCode} ${c.description}`)).toEqual([]);
    const blockedAfter = tg.calls.filter((c, index) => c.ok && c.params["chat_id"] === users[BLOCKER]!.id && marks.findLast((m) => m.call <= index)!.at >= BLOCK_AT);
    expect(blockedAfter).toEqual([]);

    // The readers' questions were answered from the day's news.
    expect(answers["search"]).toContain("China offers to host talks on Black Sea grain shipments");
    // Whichever outlet's copy was read first became the brief; /related names the other one.
    expect(answers["related"]).toMatch(/^Related to Drone strike cuts power to Odesa port, ships wait offshore\n\nThe same story elsewhere\n1\. Drone strike cuts power to Odesa port, ships wait offshore\n {4}(Black Sea Wire|Dnipro Evening Post) · /);
    expect(answers["danube"]).toContain("Romania and Ukraine agree to deepen the Danube shipping channel");
    expect(PROFILES.every((p) => USERS.some((u) => u.profile === p))).toBe(true);
  }, 120_000);
});
