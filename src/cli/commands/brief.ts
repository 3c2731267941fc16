/**
 * `newsbrief brief <file|url>`: extract the article from a saved page (.html or .html.gz) or a
 * URL, then print the brief as the bot would send it: the Telegram HTML and the URL button.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import type { Command } from "commander";
import { buildBrief, renderBrief } from "../../brief/index.ts";
import { DEFAULT_MAX_BYTES, extractArticle } from "../../extract/index.ts";
import type { ExtractResult } from "../../extract/index.ts";
import { createI18n, isSupportedLocale, translatorFor } from "../../i18n/index.ts";
import { CliError } from "../errors.ts";
import { describeFileError } from "./summarize.ts";

interface BriefFlags {
  locale: string;
  caption?: boolean;
  tags?: string;
  now?: string;
}

export function registerBriefCommand(program: Command): void {
  program
    .command("brief")
    .description("Print the brief of a page (.html, .html.gz or an http(s) URL) as the bot would send it")
    .argument("<file|url>", "a saved page or the article's URL")
    .option("--locale <locale>", "language of the brief's labels: en or uk", "en")
    .option("--caption", "render as a photo caption (1024 characters) instead of a message")
    .option("--tags <list>", "comma-separated topic hashtags, e.g. China,WarInUkraine")
    .option("--now <iso>", "the time to count the article's age from (default: now)")
    .action(async (input: string, flags: BriefFlags) => {
      if (!isSupportedLocale(flags.locale)) throw new CliError(`unknown locale "${flags.locale}" (use en or uk)`);
      const now = flags.now === undefined ? new Date() : new Date(flags.now);
      if (Number.isNaN(now.getTime())) throw new CliError(`--now: not a date: "${flags.now}"`);

      const { article, emptyReason, truncated } = await extract(input);
      const tags = (flags.tags ?? "").split(",").map((tag) => tag.trim()).filter(Boolean);
      const brief = buildBrief(article, { tags });
      const t = translatorFor(createI18n({ defaultLocale: "en" }), flags.locale);
      const rendered = renderBrief(brief, { t, now, locale: flags.locale, as: flags.caption ? "caption" : "message" });

      if (emptyReason) process.stderr.write(`newsbrief: ${emptyReason}\n`);
      if (truncated) process.stderr.write("newsbrief: the page was larger than the size limit and was cut\n");
      process.stdout.write(`${rendered.html}\n\n`);
      process.stdout.write(rendered.button ? `[ ${rendered.button.text} ] → ${rendered.button.url}\n` : "(no button: the article has no http(s) link)\n");
      if (brief.image && flags.caption) process.stdout.write(`photo: ${brief.image}\n`);
    });
}

async function extract(input: string): Promise<ExtractResult> {
  if (/^https?:\/\//i.test(input)) {
    // Loaded only for a URL: reading a saved page needs no network code.
    const { fetchPage } = await import("../../ingest/fetch-page.ts");
    try {
      const page = await fetchPage(input, { timeoutMs: 15_000, maxBytes: DEFAULT_MAX_BYTES });
      return extractArticle(page.bytes, {
        url: page.finalUrl,
        ...(page.contentType ? { contentType: page.contentType } : {}),
      });
    } catch (error) {
      // fetchPage's errors already name the URL and the reason ("timed out after 15000 ms: …").
      throw new CliError(`cannot fetch the page: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) throw new CliError(`only http(s) URLs can be fetched: ${input}`);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(input);
  } catch (error) {
    throw new CliError(`cannot read ${input}: ${describeFileError(error)}`);
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      // Bounded, so that a gzip bomb fails cleanly instead of filling memory.
      bytes = gunzipSync(bytes, { maxOutputLength: 8 * DEFAULT_MAX_BYTES });
    } catch (error) {
      throw new CliError(`${input}: not a valid gzip file (${(error as Error).message})`);
    }
  }
  return extractArticle(bytes);
}
