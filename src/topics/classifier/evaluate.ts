/** Cross-validation of the topic classifier: every example predicted by a model that never saw it. */
import { TopicClassifier, type LabeledText, type TrainOptions } from "./classifier.ts";
import { stratifiedFolds } from "./metrics.ts";

/** The out-of-fold prediction for every example. */
export function crossValidatePredictions(
  examples: readonly LabeledText[],
  folds: number,
  options: Partial<TrainOptions> = {},
  seed = 1,
): string[] {
  const fold = stratifiedFolds(
    examples.map((e) => e.label),
    folds,
    seed,
  );
  const predictions = new Array<string>(examples.length).fill("");
  for (let k = 0; k < folds; k++) {
    const model = TopicClassifier.train(
      examples.filter((_, i) => fold[i] !== k),
      options,
    );
    examples.forEach((e, i) => {
      if (fold[i] === k) predictions[i] = model.predict(e.text).label;
    });
  }
  return predictions;
}

