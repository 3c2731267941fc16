/**
 * `newsbrief extract <file|url> [--url U]`: prints one page's Article as JSON.
 * `newsbrief extract --batch <in-dir> <out-dir>`: writes `<out-dir>/<id>.json`
 * for every `<id>.html` / `<id>.html.gz`, then prints the page count, the
 * failures and the pages per second.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { DEFAULT_MAX_BYTES, extractArticle } from "../../extract/index.ts";
import { CliError, describeFileError } from "../errors.ts";
import { PAGE_FILE, extractFromSource, readPage } from "../page-source.ts";

interface ExtractCommandOptions {
  url?: string;
  batch?: boolean;
}

export function registerExtractCommand(program: Command): void {
  program
    .command("extract")
    .description("Extract the article (body, metadata, related links) from a page and print it as JSON.")
    .argument("<source>", "an .html or .html.gz file, an http(s) URL, or with --batch the input directory")
    .argument("[out-dir]", "with --batch: the directory to write <id>.json files to")
    .option("--url <url>", "the page's URL (base for relative links; the article URL when the page declares none)")
    .option("--batch", "extract every <id>.html / <id>.html.gz in <source> into <out-dir>/<id>.json")
    .action(async (source: string, outDir: string | undefined, options: ExtractCommandOptions) => {
      if (options.batch) {
        if (!outDir) throw new CliError("extract --batch needs an input and an output directory: newsbrief extract --batch <in-dir> <out-dir>");
        runBatch(source, outDir);
        return;
      }
      if (outDir) throw new CliError(`unexpected argument "${outDir}" (an output directory needs --batch)`);
      const result = await extractFromSource(source, options.url);
      process.stdout.write(`${JSON.stringify(result.article, null, 2)}\n`);
      if (result.truncated) process.stderr.write(`newsbrief: warning: the page was longer than ${DEFAULT_MAX_BYTES} bytes and was cut\n`);
      if (result.emptyReason) process.stderr.write(`newsbrief: warning: ${result.emptyReason}\n`);
    });
}

function runBatch(inDir: string, outDir: string): void {
  let names: string[];
  try {
    if (!statSync(inDir).isDirectory()) throw new Error("not a directory");
    names = readdirSync(inDir).filter((name) => PAGE_FILE.test(name)).sort();
  } catch (error) {
    throw new CliError(`cannot read input directory ${inDir}: ${describeFileError(error)}`);
  }
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (error) {
    throw new CliError(`cannot create output directory ${outDir}: ${describeFileError(error)}`);
  }

  const start = performance.now();
  let failures = 0;
  let empty = 0;
  for (const name of names) {
    const id = (PAGE_FILE.exec(name) as RegExpExecArray)[1] as string;
    try {
      const result = extractArticle(readPage(join(inDir, name)));
      if (result.emptyReason) empty++;
      writeFileSync(join(outDir, `${id}.json`), `${JSON.stringify(result.article, null, 2)}\n`);
    } catch (error) {
      failures++;
      process.stderr.write(`newsbrief: ${name}: ${describeFileError(error)}\n`);
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const rate = names.length > 0 && seconds > 0 ? names.length / seconds : 0;
  process.stdout.write(
    `${names.length} pages, ${failures} failures, ${empty} without article text, ${rate.toFixed(1)} pages/s (${seconds.toFixed(2)} s)\n`,
  );
  if (names.length === 0) process.stderr.write(`newsbrief: warning: no .html or .html.gz files in ${inDir}\n`);
}
