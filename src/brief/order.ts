/**
 * The brief's reading order. A reader of a chat message may read only its first sentence, so that
 * sentence must carry the story on its own: of the chosen sentences, the one the story weights
 * rank highest opens the brief (the article's lead, for most well-written news), and the others
 * follow in article order so that the rest reads like the article.
 *
 * Only the order changes, never the choice: what the brief covers stays what the selection chose.
 */
import { STORY_WEIGHTS, weightedScore, type ScoredSentence, type ScoreWeights } from "./score.ts";

export function leadWithStorySentence(
  chosen: readonly ScoredSentence[],
  storyWeights: ScoreWeights = STORY_WEIGHTS,
): ScoredSentence[] {
  const inArticleOrder = [...chosen].sort((a, b) => a.index - b.index);
  let story: ScoredSentence | undefined;
  let storyScore = -Infinity;
  // Ties go to the earlier sentence: strict ">" over article order.
  for (const sentence of inArticleOrder) {
    const score = weightedScore(sentence, storyWeights);
    if (score > storyScore) {
      storyScore = score;
      story = sentence;
    }
  }
  if (!story) return inArticleOrder;
  return [story, ...inArticleOrder.filter((sentence) => sentence !== story)];
}
