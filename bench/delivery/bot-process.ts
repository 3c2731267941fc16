/**
 * The bot for `npm run bench:delivery` and `bench:scale` (started by harness.ts): the real
 * `startApp`, configured from the environment, in a process of its own so the benchmark can
 * measure its CPU and kill it. Answers "cpu" and "stop" over IPC.
 */
import { startApp } from "../../src/app.ts";
import { parseConfig } from "../../src/config/index.ts";
import { createLogger } from "../../src/logger.ts";

const config = parseConfig(process.env);
const app = await startApp(config, createLogger({ level: config.logLevel, pretty: false, destination: process.stderr }));

process.on("message", (message: { op: "cpu" | "stop" }) => {
  if (message.op === "cpu") {
    const usage = process.cpuUsage();
    process.send?.({ op: "cpu", ms: (usage.user + usage.system) / 1000 });
  } else if (message.op === "stop") {
    void app.stop().then(() => {
      process.send?.({ op: "stopped" });
      process.exit(0);
    });
  }
});
process.send?.({ op: "ready" });
