/** Briefs reaching the chats that follow them, through the real bot and the emulator. */
import { describe, expect, it } from "vitest";
import { storeStory } from "../delivery/stories.ts";
import { useTestBot } from "./harness.ts";
import { buttonsOf } from "./helpers.ts";

const world = useTestBot();

describe("instant delivery", () => {
  it("sends a new story on a followed topic at once, with its buttons", async () => {
    const chat = world.tg.privateChat(world.tg.createUser({ languageCode: "en" }));
    world.tg.userSends(chat, "/subscribe China");
    await world.tg.waitForBotMessage(chat.id);

    const story = await storeStory(world.bot.app.store, { title: "China and Ukraine sign a grain deal", topics: ["china"] });
    world.bot.app.delivery.nudge();
    const brief = await world.tg.waitForBotMessage(chat.id);
    expect(brief.text).toMatch(/^China and Ukraine sign a grain deal\n\nChina and Ukraine sign a grain deal\. Officials said/);
    expect(buttonsOf(brief)).toEqual([
      { text: "Read the full story", data: undefined },
      { text: "🔎 Related", data: `rel:${story.id}` },
    ]);
    await expect.poll(() => world.bot.app.store.outbox.figures({ articleId: story.id })).toMatchObject({ planned: 1, sent: 1, pending: 0 });
  });
});
