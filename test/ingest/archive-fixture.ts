/**
 * A small newsroom archive for the topic model's tests: sport stories a source's "Sport" section
 * labelled, economy stories the catalog labelled from their text, city stories labelled only
 * "Kyiv", and sport stories the classifier once mislabelled "economy" (which must never teach it).
 * Texts are drawn from each class's own words with a seeded generator, so they differ but stay stable.
 */
import type { Brief } from "../../src/brief/types.ts";
import type { ArticleTopic, NewArticle, Store } from "../../src/store/index.ts";
import type { TopicEvidence } from "../../src/topics/index.ts";

const WORDS = {
  sport: ["midfielder", "penalty", "referee", "defender", "half-time", "fans", "stadium", "club", "season", "draw", "winger", "squad", "fixture", "equaliser", "relegation", "kick-off", "scored", "goal", "match", "league"],
  economy: ["prices", "wages", "lending", "loans", "growth", "quarter", "forecast", "consumers", "spending", "fiscal", "deficit", "currency", "exchange", "households", "retail", "factory", "output", "rate", "savings", "mortgage"],
  city: ["mayor", "metro", "district", "residents", "council", "heating", "trams", "parks", "repairs", "water", "school", "bridge", "buses", "street", "square", "library", "clinic", "waste", "lighting", "bicycle"],
} as const;
const FILLER = ["the", "a", "on", "in", "after", "said", "was", "with", "for", "new", "this", "week", "officials", "more", "than"];

function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function story(kind: keyof typeof WORDS, random: () => number): { title: string; body: string } {
  const pick = (list: readonly string[]) => list[Math.floor(random() * list.length)] as string;
  const sentence = () => {
    const words = Array.from({ length: 12 }, () => (random() < 0.55 ? pick(WORDS[kind]) : pick(FILLER)));
    return `${words.join(" ").replace(/^./, (c) => c.toUpperCase())}.`;
  };
  return { title: sentence().slice(0, -1), body: Array.from({ length: 6 }, sentence).join(" ") };
}

const BRIEF: Brief = { title: "", sentences: [], url: "https://news.example/", source: "Example", tags: [], status: "ok" };

function article(id: string, text: { title: string; body: string }, topics: ArticleTopic[], section: string | null = null): NewArticle {
  return {
    sourceId: null,
    url: `https://news.example/${id}`,
    title: text.title,
    body: text.body,
    section,
    brief: { ...BRIEF, title: text.title },
    textFrom: "page",
    contentHash: id,
    fingerprint: null,
    deliver: false,
    topics,
    links: [],
  };
}

const topic = (slug: string, evidence: TopicEvidence): ArticleTopic => ({ slug, confidence: 0.9, evidence });

/** Stores `perClass` articles of each kind (and as many mislabelled ones); returns how many it stored. */
export async function storeArchive(store: Store, perClass: number): Promise<number> {
  const random = generator(7);
  let n = 0;
  for (let i = 0; i < perClass; i++) {
    await store.articles.insert(article(`sport-${i}`, story("sport", random), [topic("sport", "source")], "Sport"), null);
    await store.articles.insert(article(`economy-${i}`, story("economy", random), [topic("economy", "text")]), null);
    await store.articles.insert(article(`city-${i}`, story("city", random), [topic("kyiv", "source")], "Kyiv"), null);
    await store.articles.insert(article(`guess-${i}`, story("sport", random), [topic("economy", "classifier")]), null);
    n += 4;
  }
  return n;
}

/** A plain sports story from a source without sections, naming nothing the catalog knows as sport. */
export const UNTAGGED_SPORTS_STORY = {
  title: "Late penalty earns the visitors a draw",
  articleBody:
    "The midfielder scored from the penalty spot in the last minute after the referee stopped the match. " +
    "Fans in the stadium had watched the club's defender head in an equaliser before half-time. " +
    "The draw keeps the squad out of the relegation places with four fixtures of the season left.",
};
