/**
 * Trains the topic classifier off the main thread: training takes seconds to minutes of CPU on a
 * large archive, and the bot must keep answering meanwhile. Examples in, the model's JSON out.
 */
import { parentPort, workerData } from "node:worker_threads";
import { TopicClassifier, type LabeledText } from "../topics/index.ts";

const { examples } = workerData as { entry: string; examples: LabeledText[] };
parentPort?.postMessage(TopicClassifier.train(examples).toJSON());
