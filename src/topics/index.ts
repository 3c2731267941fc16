/**
 * Topics: the curated catalog, matching and assignment, custom topics, and the
 * learned classifier for broad topics. Pure: no network, no database, no bot.
 */
export type { Topic, TopicKind, TopicNames } from "./types.ts";
export { MAX_SLUG_LENGTH } from "./types.ts";
export { DEFAULT_CATALOG } from "./catalog.ts";
export { catalogProblems, isValidSlug, MAX_NAME_LENGTH, parseTopic, topicProblems, TopicValidationError } from "./validate.ts";
export { compileCatalog, findMentions, labelKey, topicsForLabel } from "./match.ts";
export type { CompiledCatalog, MentionOptions, MentionStrength, TopicMention } from "./match.ts";
export { assignTopics, classifierText, DEFAULT_MIN_CONFIDENCE, splitLead } from "./assign.ts";
export { TOPIC_EVIDENCE, topicEvidence } from "./evidence.ts";
export type { TopicEvidence } from "./evidence.ts";
export { archiveExamples, archiveTrainingSet, NO_BROAD_TOPIC, trainFromArchive } from "./learn-from-archive.ts";
export type { ArchiveArticle, ArchiveTrainingSet } from "./learn-from-archive.ts";
export type { AssignOptions, LabelPredictor, ReasonSource, TopicAssignment, TopicInput, TopicReason } from "./assign.ts";
export { CUSTOM_TOPIC_LIMITS, CustomTopicMatcher, matchesCustomTopic, parseCustomTopic } from "./custom.ts";
export type { CustomTopic, CustomTopicError, CustomTopicErrorCode, CustomTopicResult } from "./custom.ts";
export { DEFAULT_TRAIN_OPTIONS, TopicClassifier } from "./classifier/classifier.ts";
export type { ClassifierJSON, LabeledText, LabelProbability, Prediction, TrainOptions } from "./classifier/classifier.ts";
export { crossValidatePredictions } from "./classifier/evaluate.ts";
export { score, stratifiedFolds } from "./classifier/metrics.ts";
export type { ClassScore, Scores } from "./classifier/metrics.ts";
