/**
 * `newsbrief brief <file|url>`: extract the article from a saved page (.html or .html.gz) or a
 * URL, then print the brief as the bot would send it: the Telegram HTML and the URL button.
 */
import type { Command } from "commander";
import { buildBrief, renderBrief } from "../../brief/index.ts";
import type { Article } from "../../extract/index.ts";
import { createI18n, isSupportedLocale, translatorFor, type Locale } from "../../i18n/index.ts";
import { DEFAULT_CATALOG, assignTopics, type LabelPredictor } from "../../topics/index.ts";
import { CliError } from "../errors.ts";
import { extractFromSource } from "../page-source.ts";
import { loadModel } from "./topics.ts";

interface BriefFlags {
  locale: string;
  caption?: boolean;
  tags?: string;
  now?: string;
  url?: string;
  model?: string;
}

export function registerBriefCommand(program: Command): void {
  program
    .command("brief")
    .description("Print the brief of a page (.html, .html.gz or an http(s) URL) as the bot would send it")
    .argument("<file|url>", "a saved page or the article's URL")
    .option("--locale <locale>", "language of the brief's labels: en or uk", "en")
    .option("--caption", "render as a photo caption (1024 characters) instead of a message")
    .option("--tags <list>", "comma-separated topic hashtags, e.g. China,WarInUkraine (default: the article's topics)")
    .option("--now <iso>", "the time to count the article's age from (default: now)")
    .option("--model <file>", "a broad-topic classifier (from `newsbrief topics train`) for pages without a section")
    .option("--url <url>", "the page's URL (the brief's link when the page declares none; base for relative links)")
    .action(async (input: string, flags: BriefFlags) => {
      if (!isSupportedLocale(flags.locale)) throw new CliError(`unknown locale "${flags.locale}" (use en or uk)`);
      const now = flags.now === undefined ? new Date() : new Date(flags.now);
      if (Number.isNaN(now.getTime())) throw new CliError(`--now: not a date: "${flags.now}"`);

      const { article, emptyReason, truncated } = await extractFromSource(input, flags.url);
      // The bot sends a headline-and-link placeholder for such a page; asked for a brief here, it is a failure.
      if (emptyReason && !article.articleBody.trim()) throw new CliError(`${input}: no article to brief (${emptyReason})`);
      const classifier = flags.model ? loadModel(flags.model) : undefined;
      const tags = flags.tags === undefined ? topicNames(article, flags.locale, classifier) : flags.tags.split(",").map((tag) => tag.trim()).filter(Boolean);
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

/** The names of the catalog topics the article is about, as the bot tags a brief. */
function topicNames(article: Article, locale: Locale, classifier: LabelPredictor | undefined): string[] {
  const names = new Map(DEFAULT_CATALOG.map((topic) => [topic.slug, topic.names[locale]]));
  return assignTopics(article, DEFAULT_CATALOG, classifier ? { classifier } : {}).flatMap((assignment) => names.get(assignment.slug) ?? []);
}
