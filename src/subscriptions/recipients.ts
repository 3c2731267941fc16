/**
 * Who gets a story: every chat (and forum topic) that follows one of its topics, or custom words
 * it mentions (and none of their exclusions), in chats that are active. A chat following several
 * matching topics is one recipient.
 */
import type { StoredArticle, Subscription, SubscriptionRepository } from "../store/index.ts";
import { CustomTopicMatcher, parseCustomTopic, type CustomTopic } from "../topics/custom.ts";

export interface Recipient {
  chatId: number;
  threadId: number;
}

/** Every custom-words subscription at one moment, compiled once for many stories. */
export class KeywordIndex {
  private constructor(
    private readonly matcher: CustomTopicMatcher,
    private readonly subscribers: ReadonlyMap<CustomTopic, Subscription[]>,
  ) {}

  static async load(subscriptions: Pick<SubscriptionRepository, "allKeywords">): Promise<KeywordIndex> {
    const byKey = new Map<string, Subscription[]>();
    for (const subscription of await subscriptions.allKeywords()) {
      const list = byKey.get(subscription.target) ?? [];
      list.push(subscription);
      byKey.set(subscription.target, list);
    }
    const subscribers = new Map<CustomTopic, Subscription[]>();
    for (const [key, list] of byKey) {
      // The key is the canonical query, so it parses; a key stored by an older parser that no longer does matches nothing.
      const parsed = parseCustomTopic(key);
      if (parsed.ok) subscribers.set(parsed.topic, list);
    }
    return new KeywordIndex(new CustomTopicMatcher([...subscribers.keys()]), subscribers);
  }

  /** The custom-words subscriptions the story matches. */
  match(article: Pick<StoredArticle, "title" | "description" | "body">): Subscription[] {
    const matched = this.matcher.match({ title: article.title, description: article.description ?? undefined, articleBody: article.body });
    return matched.flatMap((topic) => this.subscribers.get(topic) ?? []);
  }
}

/** The recipients of a story, each once, in the order their subscriptions were made. */
export async function recipientsOf(
  article: Pick<StoredArticle, "title" | "description" | "body" | "topics">,
  subscriptions: Pick<SubscriptionRepository, "forTopic">,
  keywords: KeywordIndex,
): Promise<Recipient[]> {
  const matched: Subscription[] = [];
  for (const topic of article.topics) matched.push(...(await subscriptions.forTopic(topic.slug)));
  matched.push(...keywords.match(article));
  matched.sort((a, b) => a.id - b.id);
  const seen = new Set<string>();
  const recipients: Recipient[] = [];
  for (const s of matched) {
    const key = `${s.chatId}:${s.threadId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    recipients.push({ chatId: s.chatId, threadId: s.threadId });
  }
  return recipients;
}
