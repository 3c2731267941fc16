/**
 * `newsbrief ingest --once`: polls every enabled source once and prints one line per story
 * stored (its headline and topics), then one summary line. Run again at once, it stores
 * nothing new and prints only the summary. It exits with an error when a source failed.
 */
import type { Command } from "commander";
import { createIngestService } from "../../ingest/service.ts";
import { TopicModel } from "../../ingest/topic-model.ts";
import type { PollReport } from "../../ingest/types.ts";
import { CliError } from "../errors.ts";
import { withNewsroom } from "../newsroom.ts";

export function registerIngestCommand(program: Command): void {
  program
    .command("ingest")
    .description("poll the sources and store their new stories (with the bot's settings and database)")
    .option("--once", "poll every enabled source once, then exit")
    .action(async (flags: { once?: boolean }) => {
      if (!flags.once) throw new CliError("ingest runs inside the bot (npm start); use --once to poll every source once from the command line");
      await withNewsroom(async ({ store, http, logger, config }) => {
        // The broad-topic model the bot learned from the archive, if it has one; never trained here.
        const topicModel = new TopicModel({ store, log: logger.child({ module: "topic-model" }), now: () => new Date() }, { schedule: null, minPerTopic: Number.MAX_SAFE_INTEGER });
        await topicModel.load();
        const service = createIngestService({
          classifier: () => topicModel.classifier,
          store,
          http,
          logger,
          now: () => new Date(),
          config: { ...config.ingest, itemConcurrency: 4, tickMs: 60_000 },
        });
        const reports = await service.pollAll();
        for (const report of reports) printReport(report);
        process.stdout.write(`${summary(reports)}\n`);
        // A cron job or a monitor must see that a source failed; what the others gave is stored.
        const failed = reports.filter((report) => report.status === "failed").length;
        if (failed > 0) throw new CliError(`${failed} of ${reports.length} source${reports.length === 1 ? "" : "s"} failed (see above); the stories of the others are stored`);
      });
    });
}

function printReport(report: PollReport): void {
  if (report.status === "failed") process.stderr.write(`newsbrief: source ${report.source.id} (${report.source.name}): ${report.error}\n`);
  for (const item of report.items) {
    if (item.kind !== "stored") continue;
    const topics = item.topics.length > 0 ? item.topics.join(", ") : "no topic";
    process.stdout.write(`${item.title} [${topics}]${item.deliver ? "" : " (archived)"}\n`);
  }
}

function summary(reports: PollReport[]): string {
  const items = reports.flatMap((report) => report.items);
  const count = (kind: string) => items.filter((item) => item.kind === kind).length;
  const archived = items.filter((item) => item.kind === "stored" && !item.deliver).length;
  const failedSources = reports.filter((report) => report.status === "failed").length;
  return (
    `ingest: ${reports.length} source${reports.length === 1 ? "" : "s"} polled` +
    (failedSources > 0 ? ` (${failedSources} failed)` : "") +
    `, ${count("stored")} stor${count("stored") === 1 ? "y" : "ies"} stored` +
    (archived > 0 ? ` (${archived} archived)` : "") +
    `, ${count("updated")} updated, ${count("unchanged")} unchanged` +
    (count("failed") > 0 ? `, ${count("failed")} items failed` : "")
  );
}
