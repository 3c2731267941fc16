/**
 * Where an assigned topic came from, kept with the article so that the classifier learns only
 * from labels it did not give itself: a model trained on its own guesses would harden its mistakes.
 */
import { DEFAULT_MIN_CONFIDENCE, type ReasonSource, type TopicAssignment } from "./assign.ts";

/**
 * - "source": the source labelled it (its section or tags, its section map, its default topics);
 * - "text": the catalog found the topic named in the article ("More on …", headline, lead, body);
 * - "classifier": only the learned classifier's guess carried it over the line.
 */
export type TopicEvidence = "source" | "text" | "classifier";

export const TOPIC_EVIDENCE: readonly TopicEvidence[] = ["source", "text", "classifier"];

const FROM_SOURCE: ReadonlySet<ReasonSource> = new Set(["section", "tag"]);

/** The evidence of one assignment: what holds the topic above `minConfidence` without the classifier. */
export function topicEvidence(assignment: TopicAssignment, minConfidence = DEFAULT_MIN_CONFIDENCE): TopicEvidence {
  const labelled = assignment.reasons.filter((reason) => reason.source !== "classifier");
  const confidence = 1 - labelled.reduce((miss, reason) => miss * (1 - reason.weight), 1);
  if (confidence < minConfidence) return "classifier";
  return labelled.some((reason) => FROM_SOURCE.has(reason.source)) ? "source" : "text";
}
