import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqliteStore, type Store } from "../../src/store/index.ts";
import { followTopic, followWords, MAX_SUBSCRIPTIONS_PER_CHAT, unfollowById, unfollowTopic, unfollowWords } from "../../src/subscriptions/rules.ts";
import { silentLogger } from "../store/helpers.ts";

let store: Store;
const scope = { chatId: 42, threadId: 0 };
const deps = () => ({ store, log: silentLogger });

beforeEach(async () => {
  store = await openSqliteStore({ path: ":memory:", logger: silentLogger });
  await store.chats.touch({ id: 42, type: "private" });
});
afterEach(() => store.close());

describe("subscription rules", () => {
  it("follows a topic once, audits each change, and unfollows it", async () => {
    expect(await followTopic(deps(), scope, "china", 7)).toEqual({ status: "added" });
    expect(await followTopic(deps(), scope, "china", 7)).toEqual({ status: "already" });
    expect(await unfollowTopic(deps(), scope, "china", 7)).toBe(true);
    expect(await unfollowTopic(deps(), scope, "china", 7)).toBe(false);
    const entries = await store.audit.recent({ chatId: 42, limit: 10 });
    expect(entries.map((e) => [e.action, e.actorId, e.details])).toEqual([
      ["subscription.remove", 7, { threadId: 0, kind: "topic", target: "china" }],
      ["subscription.add", 7, { threadId: 0, kind: "topic", target: "china" }],
    ]);
  });

  it("treats the same words typed differently as one custom topic, and explains bad ones", async () => {
    expect(await followWords(deps(), scope, "Odesa  -football", null)).toEqual({ status: "added", query: "Odesa -football" });
    expect(await followWords(deps(), scope, "odesa -Football", null)).toEqual({ status: "already", query: "Odesa -football" });
    expect(await followWords(deps(), scope, "-football", null)).toEqual({ status: "invalid", code: "only-exclusions" });
    expect(await unfollowWords(deps(), scope, "ODESA -football", null)).toBe("Odesa -football");
    expect(await unfollowWords(deps(), scope, "ODESA -football", null)).toBeUndefined();
  });

  it("caps what one chat or forum topic follows", async () => {
    for (let i = 0; i < MAX_SUBSCRIPTIONS_PER_CHAT; i++) expect((await followWords(deps(), scope, `word${i}`, null)).status).toBe("added");
    expect(await followTopic(deps(), scope, "china", null)).toEqual({ status: "limit", max: MAX_SUBSCRIPTIONS_PER_CHAT });
    expect(await followTopic(deps(), { chatId: 42, threadId: 5 }, "china", null)).toEqual({ status: "added" });
  });

  it("removes by id only within the scope the button names", async () => {
    await followTopic(deps(), scope, "china", null);
    const [subscription] = await store.subscriptions.listForChat(42);
    expect(await unfollowById(deps(), { chatId: 43, threadId: 0 }, subscription!.id, null)).toBeUndefined();
    expect(await unfollowById(deps(), scope, subscription!.id, null)).toMatchObject({ target: "china" });
  });
});
