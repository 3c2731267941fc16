import { mkdtempSync, readFileSync, readdirSync, writeFileSync, copyFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { registerExtractCommand } from "../../src/cli/commands/extract.ts";
import { CliError } from "../../src/cli/errors.ts";
import { runCli } from "../../src/cli/index.ts";
import type { Article } from "../../src/extract/index.ts";
import { runCommand, type CommandOutput } from "./run-command.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "extract");
const SEED = join(FIXTURES, "kyivpost-china-peacekeeping.html");

/** Runs `newsbrief extract <args>` in-process. */
function run(...args: string[]): Promise<CommandOutput> {
  return runCommand([registerExtractCommand], ["extract", ...args]);
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** A local server that serves `page` at every path and counts the connections it accepted. */
async function serve(page: Uint8Array): Promise<{ base: string; connections: () => number; close: () => Promise<void> }> {
  let connections = 0;
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(page);
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("newsbrief extract <file|url>", () => {
  it("prints the Article of an .html file as JSON", async () => {
    const { stdout, stderr } = await run(SEED);
    const article = JSON.parse(stdout) as Article;
    expect(article.title).toBe("China Considering Joining Peacekeeping Mission in Ukraine – Welt");
    expect(article.articleBody.startsWith("China is considering joining")).toBe(true);
    expect(article.links.length).toBe(14);
    expect(stderr).toBe("");
  });

  it("reads .html.gz and takes --url as the base for a page without a canonical URL", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsbrief-extract-"));
    const gz = join(dir, "metro.html.gz");
    writeFileSync(gz, gzipSync(readFileSync(join(FIXTURES, "windows-1251-metro.html"))));
    const article = JSON.parse((await run(gz, "--url", "https://kharkiv.example/news/metro")).stdout) as Article;
    expect(article.url).toBe("https://kharkiv.example/news/metro");
    expect(article.title).toBe("В Харькове открыли новую станцию метро");
  });

  it("warns on stderr when the page has no article", async () => {
    const { stdout, stderr } = await run(join(FIXTURES, "no-article-section-front.html"));
    expect((JSON.parse(stdout) as Article).articleBody).toBe("");
    expect(stderr).toMatch(/warning: no article content found/);
  });

  it("fetches a URL argument (a local server: private hosts allowed)", async () => {
    vi.stubEnv("FETCH_ALLOW_PRIVATE_HOSTS", "true");
    const server = await serve(readFileSync(SEED));
    try {
      const article = JSON.parse((await run(`${server.base}/post/49163`)).stdout) as Article;
      expect(article.url).toBe("https://www.kyivpost.com/post/49163");
      expect(article.byline).toBe("TVP World");
    } finally {
      await server.close();
    }
  });

  it("refuses a private address in one line on stderr, exit 1, without connecting", async () => {
    vi.stubEnv("FETCH_ALLOW_PRIVATE_HOSTS", "false");
    const server = await serve(readFileSync(SEED));
    let stderr = "";
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    try {
      expect(await runCli(["extract", `${server.base}/post/49163`])).toBe(1);
      expect(stderr).toBe(
        `newsbrief: cannot fetch ${server.base}/post/49163: refused: 127.0.0.1 is a loopback address (FETCH_ALLOW_PRIVATE_HOSTS=true allows it, for a local test server)\n`,
      );
      expect(server.connections()).toBe(0);
    } finally {
      await server.close();
    }
  });

  it("names a malformed fetch setting", async () => {
    vi.stubEnv("FETCH_TIMEOUT_MS", "soon");
    await expect(run("http://127.0.0.1:1/a")).rejects.toThrow(new CliError("FETCH_TIMEOUT_MS expects a time in milliseconds, e.g. 15000"));
  });

  it("gives one clear line for files it cannot use", async () => {
    await expect(run(join(FIXTURES, "missing.html"))).rejects.toThrow(new CliError(`cannot read ${join(FIXTURES, "missing.html")}: no such file`));
    await expect(run(join(FIXTURES, "..", "..", "extract", "fixtures.test.ts"))).rejects.toThrow(/expected an \.html or \.html\.gz file/);
    await expect(run(SEED, "out")).rejects.toThrow(/needs --batch/);
    await expect(run("http://127.0.0.1:1/nothing")).rejects.toThrow(CliError);
  });
});

describe("newsbrief extract --batch <in-dir> <out-dir>", () => {
  it("writes <id>.json for every page, counts failures and prints pages per second", async () => {
    const input = mkdtempSync(join(tmpdir(), "newsbrief-in-"));
    const output = join(mkdtempSync(join(tmpdir(), "newsbrief-out-")), "nested");
    copyFileSync(SEED, join(input, "seed.html"));
    writeFileSync(join(input, "wp.html.gz"), gzipSync(readFileSync(join(FIXTURES, "wordpress-city-council.html"))));
    writeFileSync(join(input, "broken.html.gz"), "this is not gzip");
    writeFileSync(join(input, "notes.txt"), "ignored");

    const { stdout, stderr } = await run("--batch", input, output);
    expect(stdout).toMatch(/^3 pages, 1 failures, 0 without article text, [\d.]+ pages\/s \([\d.]+ s\)\n$/);
    expect(stderr).toMatch(/broken\.html\.gz: cannot decompress/);
    expect(readdirSync(output).sort()).toEqual(["seed.json", "wp.json"]);
    const seed = JSON.parse(readFileSync(join(output, "seed.json"), "utf8")) as Article;
    expect(seed.articleBody.split("\n\n")).toHaveLength(10);
    const wp = JSON.parse(readFileSync(join(output, "wp.json"), "utf8")) as Article;
    expect(wp.title).toBe("City Council Approves New Bike Lanes on Main Street");
  });

  it("needs both directories", async () => {
    await expect(run("--batch", FIXTURES)).rejects.toThrow(/needs an input and an output directory/);
    await expect(run("--batch", join(FIXTURES, "nope"), join(tmpdir(), "x"))).rejects.toThrow(/cannot read input directory/);
  });
});
