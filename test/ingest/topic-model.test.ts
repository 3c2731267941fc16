import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeOutcome, TopicModel } from "../../src/ingest/topic-model.ts";
import { openSqliteStore, type Store } from "../../src/store/index.ts";
import { assignTopics, DEFAULT_CATALOG } from "../../src/topics/index.ts";
import { silentLogger, tempDir } from "../store/helpers.ts";
import { storeArchive, UNTAGGED_SPORTS_STORY } from "./archive-fixture.ts";

let store: Store;
let path: string;
const now = () => new Date("2026-03-23T10:00:00Z");

beforeEach(async () => {
  path = `${tempDir()}/newsbrief.db`;
  store = await openSqliteStore({ path, logger: silentLogger, now });
});
afterEach(() => store.close());

const settings = { minPerTopic: 10, schedule: null };

describe("articles.trainingExamples", () => {
  it("gives the newest labelled articles with the topics the classifier did not give", async () => {
    await storeArchive(store, 2);
    const examples = await store.articles.trainingExamples(100);
    // Sport, economy and city stories; never the classifier's own guesses.
    expect(examples).toHaveLength(6);
    expect(examples.map((e) => e.slugs)).toEqual([["kyiv"], ["economy"], ["sport"], ["kyiv"], ["economy"], ["sport"]]);
    expect(examples[0]?.id).toBeGreaterThan(examples[5]?.id ?? Infinity);
    expect(await store.articles.trainingExamples(2)).toHaveLength(2);
  });

  it("keeps where each topic came from", async () => {
    await storeArchive(store, 1);
    const guessed = await store.articles.findExisting({ url: "https://news.example/guess-0", sourceId: null });
    expect(guessed?.topics).toEqual([{ slug: "economy", confidence: 0.9, evidence: "classifier" }]);
  });
});

describe("TopicModel", () => {
  it("says what is missing when the archive has too few labelled articles", async () => {
    await storeArchive(store, 3);
    const outcome = await new TopicModel({ store, log: silentLogger, now }, settings).train();
    expect(outcome.trained).toBe(false);
    expect(describeOutcome(outcome)).toBe(
      'not enough labelled articles: at least 10 are needed in each of two classes (a broad topic, and another broad topic or "(no broad topic)"); ' +
        "the archive has economy 3, sport 3, (no broad topic) 3",
    );
  });

  it("learns from the archive so that an untagged sports story gets the sport topic, and keeps the model in the database", async () => {
    // Without a model the catalog alone finds no sport in the story: it names no sport it knows.
    expect(assignTopics(UNTAGGED_SPORTS_STORY, DEFAULT_CATALOG).map((t) => t.slug)).not.toContain("sport");

    await storeArchive(store, 12);
    const model = new TopicModel({ store, log: silentLogger, now }, settings);
    const outcome = await model.train();
    expect(outcome).toMatchObject({ trained: true, articles: 36, topics: ["economy", "sport"] });
    expect(describeOutcome(outcome)).toMatch(/^trained on 36 articles in 2 topics \(economy, sport\) in \d+\.\d s$/);

    const topics = model.topicsFor(UNTAGGED_SPORTS_STORY, DEFAULT_CATALOG);
    expect(topics[0]).toMatchObject({ slug: "sport", evidence: "classifier" });
    expect(topics.map((t) => t.slug)).not.toContain("economy");

    // A city story is neither sport nor economy: the "no broad topic" class says so.
    const city = model.topicsFor({ title: "Mayor opens new metro station", articleBody: "Residents of the district welcomed the trams and buses the council added to the square." }, DEFAULT_CATALOG);
    expect(city.filter((t) => t.slug === "sport" || t.slug === "economy")).toEqual([]);

    // Another process (the CLI, a restart) finds the same model in the database.
    const again = new TopicModel({ store, log: silentLogger, now }, settings);
    expect(await again.load()).toBe(true);
    expect(again.topicsFor(UNTAGGED_SPORTS_STORY, DEFAULT_CATALOG)[0]?.slug).toBe("sport");
  }, 60_000);

  it("starts without a model until one is trained", async () => {
    const model = new TopicModel({ store, log: silentLogger, now }, settings);
    expect(await model.load()).toBe(false);
    expect(model.classifier).toBeUndefined();
    expect(model.topicsFor(UNTAGGED_SPORTS_STORY, DEFAULT_CATALOG).map((t) => t.slug)).not.toContain("sport");
  });

  it("in the running bot, trains at once when it has no model, then keeps to its schedule", async () => {
    await storeArchive(store, 12);
    const model = new TopicModel({ store, log: silentLogger, now }, { minPerTopic: 10, schedule: "30 3 * * *" });
    model.start();
    try {
      await expect.poll(() => model.classifier, { timeout: 30_000 }).toBeDefined();
      expect(model.topicsFor(UNTAGGED_SPORTS_STORY, DEFAULT_CATALOG)[0]?.slug).toBe("sport");
    } finally {
      await model.stop();
    }
  }, 60_000);

  it("trains in one process at a time: another one sharing the database takes the model it saved", async () => {
    await storeArchive(store, 12);
    const first = new TopicModel({ store, log: silentLogger, now }, settings);
    const second = new TopicModel({ store, log: silentLogger, now }, settings);
    expect(await store.leases.acquire("topic-model-training", "another-host:1", 60_000, now())).toBe(true);
    await second.retrain();
    expect(second.classifier).toBeUndefined();
    await store.leases.release("topic-model-training", "another-host:1");

    await first.retrain();
    expect(first.classifier).toBeDefined();
    // While another process trains, the second takes the model the first one saved.
    expect(await store.leases.acquire("topic-model-training", "another-host:1", 60_000, now())).toBe(true);
    await second.retrain();
    expect(second.topicsFor(UNTAGGED_SPORTS_STORY, DEFAULT_CATALOG)[0]?.slug).toBe("sport");
  }, 60_000);
});
