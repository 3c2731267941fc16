/**
 * What people do in Telegram during the day test, through the bot's own menus: follow topics from
 * a t.me link or the /topics buttons, set delivery in /settings, set up a channel from a private
 * chat, push breaking news with /breaking. Each step waits for the bot's answer.
 */
import type { Message } from "grammy/types";
import type { Profile } from "./day-plan.ts";
import { buttonsOf, dataOf, press, say, type Actor } from "./helpers.ts";

const hasButton = (label: string) => (m: Message) => buttonsOf(m).some((b) => b.text === label);
const OWN_WORDS = "➕ Follow your own words…";

/** Ticks topics by name in a topics menu, turning its pages either way until each is found. */
export async function tickTopics(actor: Actor, menu: Message, names: readonly string[]): Promise<Message> {
  let view = menu;
  for (const name of names) {
    let direction = "More ›";
    for (let turns = 0; !hasButton(name)(view); turns++) {
      if (turns > 20) throw new Error(`no topic button "${name}"`);
      if (!hasButton(direction)(view)) direction = "‹ Back";
      view = await press(actor, view, direction);
    }
    view = await press(actor, view, name, hasButton(`✓ ${name}`));
  }
  return view;
}

export async function followWithTopicsMenu(actor: Actor, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await tickTopics(actor, await say(actor, "/topics", hasButton(OWN_WORDS)), names);
}

/** `t.me/<bot>?start=sub_<slug>` opened: Telegram sends /start with the payload. */
export async function followFromLink(actor: Actor, slug: string, name: string): Promise<void> {
  await say(actor, `/start sub_${slug}`, (m) => m.text?.startsWith(`Following ${name}.`) === true);
}

/** Sets a chat's delivery, time zone, quiet hours and breaking-news rule from /settings. */
export async function configure(actor: Actor, menu: Profile["menu"]): Promise<void> {
  if (Object.keys(menu).length === 0) return;
  let view = await say(actor, "/settings", (m) => m.text?.startsWith("⚙️ Settings") === true);
  const choose = async (prefix: string) => {
    const label = buttonsOf(view).find((b) => b.text.startsWith(prefix))?.text;
    if (label === undefined) throw new Error(`no button starting "${prefix}" in ${JSON.stringify(buttonsOf(view).map((b) => b.text))}`);
    view = await press(actor, view, label);
  };
  if (menu.delivery) {
    await choose("📬 Delivery");
    await choose(menu.delivery);
    if (menu.digestAt) await choose(menu.digestAt);
    await choose("« Back");
  }
  if (menu.zone) {
    await choose("🕓 Time zone");
    await choose(menu.zone);
  }
  if (menu.quiet) {
    await choose("🌙 Quiet hours");
    await choose(menu.quiet);
  }
  if (menu.breakingOff) await choose("⚡ Breaking news in quiet hours: on");
}

/** A channel set up from its owner's private chat with /channel, following topics chosen there. */
export async function setUpChannel(owner: Actor, username: string, names: readonly string[]): Promise<void> {
  const menu = await say(owner, `/channel @${username}`, hasButton("📰 Topics"));
  await tickTopics(owner, await press(owner, menu, "📰 Topics"), names);
}

/**
 * An admin pastes a story into /breaking, makes it urgent and sends it to everyone; resolves with
 * the reach the bot announced and the preview it showed (which is not a delivery).
 */
export async function pushBreaking(admin: Actor, story: string): Promise<{ confirm: string; preview: Message }> {
  const { tg, chat } = admin;
  await say(admin, "/breaking", (m) => m.text?.startsWith("⚡ Breaking news") === true);
  const controls = await say(admin, story, hasButton("Continue ➡️"));
  const preview = tg.botMessages(chat.id).find((m) => m.text?.startsWith("⚡ Breaking\n\n") === true);
  if (preview === undefined) throw new Error("no preview of the breaking news");
  tg.userClicks(chat, controls.message_id, dataOf(controls, "Continue ➡️"));
  let audience = await tg.waitForBotMessage(chat.id, hasButton("📣 Everyone"));
  audience = await press(admin, audience, "Urgent: no", hasButton("🚨 Urgent: yes"));
  tg.userClicks(chat, audience.message_id, dataOf(audience, "📣 Everyone"));
  const confirm = await tg.waitForBotMessage(chat.id, hasButton("✅ Send"));
  tg.userClicks(chat, confirm.message_id, dataOf(confirm, "✅ Send"));
  await tg.waitForBotMessage(chat.id, (m) => m.text?.startsWith("📣 Broadcast #1") === true);
  return { confirm: confirm.text ?? "", preview };
}
