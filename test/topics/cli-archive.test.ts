/** `newsbrief topics train --from-archive`: the bot's own archive teaches the classifier. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { registerBriefCommand } from "../../src/cli/commands/brief.ts";
import { registerTopicsCommand } from "../../src/cli/commands/topics.ts";
import { openSqliteStore } from "../../src/store/index.ts";
import { storeArchive, UNTAGGED_SPORTS_STORY } from "../ingest/archive-fixture.ts";
import { runCommand, commandFailure } from "../cli/run-command.ts";
import { silentLogger, tempDir } from "../store/helpers.ts";

afterEach(() => vi.restoreAllMocks());

const run = (...args: string[]) => runCommand([registerTopicsCommand], ["topics", ...args]);

async function archive(perClass: number): Promise<string> {
  const path = join(tempDir(), "newsbrief.db");
  const store = await openSqliteStore({ path, logger: silentLogger, now: () => new Date("2026-03-23T10:00:00Z") });
  await storeArchive(store, perClass);
  await store.close();
  return path;
}

const failure = (...args: string[]): Promise<string> => commandFailure(() => run(...args));

describe("newsbrief topics train --from-archive", () => {
  it("trains on the labelled articles, says so, and the model gives an untagged sports story its topic", async () => {
    const database = await archive(12);
    const model = join(tempDir(), "model.json");
    const { stdout } = await run("train", "--from-archive", "--database", database, "--min-articles", "10", "--model", model);
    expect(stdout).toMatch(
      new RegExp(`^trained on 36 articles in 2 topics \\(economy, sport\\) in \\d+\\.\\d s; saved in ${database.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} and written to .*model\\.json`),
    );
    const article = join(tempDir(), "story.json");
    writeFileSync(article, JSON.stringify(UNTAGGED_SPORTS_STORY));
    expect((await run("assign", article, "--model", model)).stdout).toMatch(/^sport\s+0\.\d+\s+classifier: sport/);

    // The brief of the story's page, from a source without sections, gets its #Sport tag.
    const page = join(tempDir(), "match.html");
    writeFileSync(
      page,
      `<html><head><title>${UNTAGGED_SPORTS_STORY.title}</title></head><body><article><h1>${UNTAGGED_SPORTS_STORY.title}</h1>` +
        `<p>${UNTAGGED_SPORTS_STORY.articleBody}</p></article></body></html>`,
    );
    const brief = (args: string[]) => runCommand([registerBriefCommand], ["brief", page, "--url", "https://news.example/match", ...args]);
    expect((await brief([])).stdout).not.toContain("#Sport");
    expect((await brief(["--model", model])).stdout).toContain("#Sport");
  }, 60_000);

  it("says what is missing when there are too few labelled articles, and exits non-zero", async () => {
    const database = await archive(3);
    expect(await failure("train", "--from-archive", "--database", database)).toBe(
      'not enough labelled articles: at least 20 are needed in each of two classes (a broad topic, and another broad topic or "(no broad topic)"); ' +
        "the archive has economy 3, sport 3, (no broad topic) 3",
    );
  });

  it("refuses a missing database, a file together with --from-archive, and a bad minimum", async () => {
    const missing = join(tempDir(), "none.db");
    expect(await failure("train", "--from-archive", "--database", missing)).toBe(`no database at ${missing}: give the bot's with --database or DATABASE_PATH`);
    expect(await failure("train", "rows.jsonl", "--from-archive")).toMatch(/^unexpected argument "rows\.jsonl"/);
    expect(await failure("train", "--from-archive", "--min-articles", "1")).toBe('--min-articles: expected a whole number of at least 2, got "1"');
    expect(await failure("train", "rows.jsonl")).toBe("topics train needs --model <file>: where to write the model");
  });
});
