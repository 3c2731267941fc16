/**
 * Finds the topic a user means by what they typed: its name in either language, its slug, or
 * one of its aliases ("China", "Китай", "war in ukraine", "Kiev"). Only the whole text counts,
 * so "Odesa -football" is a custom topic of words, not the Odesa topic.
 */
import { labelKey, type Topic } from "../../topics/index.ts";
import type { Locale } from "../../i18n/locales.ts";

export function findTopic(topics: readonly Topic[], text: string): Topic | undefined {
  // Quotes, commas, stems and "-word" exclusions make it a query of words, never a topic's name.
  if (QUERY_SYNTAX.test(text)) return undefined;
  const wanted = labelKey(text);
  if (wanted === "") return undefined;
  const names = (topic: Topic) => [topic.slug, topic.names.en, topic.names.uk];
  // Names first: an alias of one topic must not shadow another topic's own name.
  return (
    topics.find((topic) => names(topic).some((name) => labelKey(name) === wanted)) ??
    topics.find((topic) => topic.aliases.some((alias) => !alias.includes("*") && labelKey(alias) === wanted))
  );
}

const QUERY_SYNTAX = /(?:^|\s)[-–]|["“”„«»,*]/u;

export function topicName(topic: Topic, locale: Locale): string {
  return topic.names[locale];
}
