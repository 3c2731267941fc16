/**
 * `newsbrief sources add|list|remove|import|export`: the newsroom's feeds, from the command
 * line, in the bot's database. A URL the guard refuses is one line and exit code 1.
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { FeedParseError } from "../../ingest/feeds/index.ts";
import { FetchError } from "../../ingest/http/index.ts";
import { addSource, exportOpml, importOpml, inspectSource, SourceError } from "../../ingest/sources.ts";
import type { SourceRecord } from "../../store/index.ts";
import { CliError, describeFileError } from "../errors.ts";
import { withNewsroom } from "../newsroom.ts";

interface AddFlags {
  interval?: string;
  topics?: string;
  section: string[];
}

export function registerSourcesCommand(program: Command): void {
  const sources = program.command("sources").description("the feeds the newsroom polls");

  sources
    .command("add")
    .description("add a feed, or the feed a site's page links to")
    .argument("<url>", "a feed URL (RSS, Atom, JSON Feed) or a page that links to one")
    .option("--interval <seconds>", "seconds between polls (default: POLL_INTERVAL_S)")
    .option("--topics <slugs>", "comma-separated topic slugs every story of the source gets")
    .option("--section <name=slug>", "map one of the site's section names to a topic (repeatable)", collect, [])
    .action(async (url: string, flags: AddFlags) => {
      await withNewsroom(async ({ store, http, config }) => {
        const found = await inspectSource(http, url).catch(explainSourceError);
        const { source, created } = await addSource(store, found, {
          pollIntervalS: flags.interval === undefined ? config.ingest.defaultPollIntervalS : seconds(flags.interval),
          defaultTopics: await topicSlugs(store, flags.topics),
          sectionMap: sectionMap(flags.section),
        });
        process.stdout.write(`${created ? "added" : "already there"}: ${describeSource(source)}\n`);
        process.stdout.write(`  ${found.itemCount} items now in the feed${found.push ? "; its hub pushes new ones (WebSub)" : ""}\n`);
        for (const title of found.latestTitles) process.stdout.write(`  · ${title}\n`);
      });
    });

  sources
    .command("list")
    .description("every source with its state")
    .action(async () => {
      await withNewsroom(async ({ store }) => {
        const all = await store.sources.list();
        if (all.length === 0) process.stdout.write("no sources yet: add one with `newsbrief sources add <url>`\n");
        for (const source of all) process.stdout.write(`${describeSource(source)}\n`);
      });
    });

  sources
    .command("remove")
    .description("stop polling a source (its stories stay in the archive)")
    .argument("<id>", "the source's id, as `newsbrief sources list` shows it")
    .action(async (id: string) => {
      await withNewsroom(async ({ store }) => {
        const sourceId = Number(id);
        if (!Number.isInteger(sourceId) || sourceId <= 0) throw new CliError(`not a source id: "${id}" (see newsbrief sources list)`);
        if (!(await store.sources.remove(sourceId))) throw new CliError(`no source ${sourceId} (see newsbrief sources list)`);
        await store.audit.record({ action: "source.remove", details: { sourceId } });
        process.stdout.write(`removed source ${sourceId}\n`);
      });
    });

  sources
    .command("import")
    .description("add every feed of an OPML file")
    .argument("<file.opml>", "an OPML file, as feed readers export")
    .action(async (file: string) => {
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch (error) {
        throw new CliError(`cannot read ${file}: ${describeFileError(error)}`);
      }
      await withNewsroom(async ({ store, config }) => {
        const report = await importOpml(store, text, { pollIntervalS: config.ingest.defaultPollIntervalS }).catch(explainSourceError);
        for (const source of report.added) process.stdout.write(`added: ${describeSource(source)}\n`);
        for (const refused of report.refused) process.stderr.write(`newsbrief: ${refused.url}: ${refused.reason}\n`);
        process.stdout.write(`import: ${report.added.length} added, ${report.existing.length} already there, ${report.refused.length} refused\n`);
      });
    });

  sources
    .command("export")
    .description("print every source as OPML")
    .action(async () => {
      await withNewsroom(async ({ store }) => {
        process.stdout.write(await exportOpml(store));
      });
    });
}

function describeSource(source: SourceRecord): string {
  const state = !source.enabled ? "paused" : source.lastError ? `failing: ${source.lastError}` : source.lastSuccessAt ? `ok, polled ${source.lastSuccessAt}` : "not polled yet";
  return `${source.id}  ${source.name}  ${source.feedUrl}  every ${source.pollIntervalS}s  (${state})`;
}

function explainSourceError(error: unknown): never {
  if (error instanceof FetchError || error instanceof SourceError || error instanceof FeedParseError) throw new CliError(error.message);
  throw error;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 60 || n > 86_400) throw new CliError(`--interval: expects whole seconds from 60 to 86400, not "${value}"`);
  return n;
}

async function topicSlugs(store: Parameters<typeof addSource>[0], list: string | undefined): Promise<string[]> {
  if (!list) return [];
  const slugs = list.split(",").map((slug) => slug.trim()).filter(Boolean);
  const known = new Set((await store.topics.listAll()).map((topic) => topic.topic.slug));
  const unknown = slugs.filter((slug) => !known.has(slug));
  if (unknown.length > 0) throw new CliError(`--topics: no topic ${unknown.map((slug) => `"${slug}"`).join(", ")} (topic slugs such as china, war-in-ukraine)`);
  return slugs;
}

function sectionMap(pairs: string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of pairs) {
    const match = /^(.+?)=([a-z0-9-]+)$/.exec(pair.trim());
    if (!match) throw new CliError(`--section: expects "Section name=topic-slug", not "${pair}"`);
    map[(match[1] as string).trim().toLowerCase()] = match[2] as string;
  }
  return map;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
