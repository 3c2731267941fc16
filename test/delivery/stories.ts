/** Stories as ingestion stores them, for delivery tests. */
import type { NewArticle, Store, StoredArticle } from "../../src/store/index.ts";

let serial = 0;

export interface StoryInput {
  title?: string;
  topics?: string[];
  body?: string;
  source?: string;
  image?: string;
  url?: string;
  deliver?: boolean;
  storyGroupId?: number | null;
  sourceId?: number | null;
}

export function newArticle(input: StoryInput = {}): NewArticle {
  const n = ++serial;
  const title = input.title ?? `Story number ${n} about the grain corridor`;
  const url = input.url ?? `https://news.example.org/story-${n}-${Math.random().toString(36).slice(2, 8)}`;
  return {
    sourceId: input.sourceId ?? null,
    url,
    title,
    body: input.body ?? `${title}. Officials said talks would continue next week. Ships kept sailing.`,
    brief: {
      title,
      sentences: [`${title}.`, "Officials said talks would continue next week."],
      url,
      source: input.source ?? "Example News",
      tags: input.topics ?? [],
      status: "ok",
      ...(input.image ? { image: input.image } : {}),
    },
    ...(input.image ? { image: input.image } : {}),
    textFrom: "page",
    contentHash: null,
    fingerprint: null,
    deliver: input.deliver ?? true,
    topics: (input.topics ?? []).map((slug) => ({ slug, confidence: 0.9 })),
    links: [],
  };
}

export function storeStory(store: Store, input: StoryInput = {}): Promise<StoredArticle> {
  return store.articles.insert(newArticle(input), input.storyGroupId ?? null);
}
