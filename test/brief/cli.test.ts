import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { registerBriefCommand } from "../../src/cli/commands/brief.ts";
import { registerSummarizeCommand } from "../../src/cli/commands/summarize.ts";
import { CliError } from "../../src/cli/errors.ts";
import { runCommand } from "../cli/run-command.ts";

const dir = mkdtempSync(join(tmpdir(), "newsbrief-brief-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** Runs one command of the CLI and returns what it printed on stdout. */
async function run(args: string[]): Promise<string> {
  return (await runCommand([registerSummarizeCommand, registerBriefCommand], args)).stdout;
}

const STORY =
  "KYIV (AP) — Russian drones struck the capital overnight, killing two people, officials said. " +
  "Air defences shot down 40 of the 55 drones launched at Kyiv, the air force said on Sunday. " +
  "Mayor Vitali Klitschko said fires broke out in three districts. " +
  "Rescue teams worked through the night to clear the rubble. " +
  "The attack came hours before talks in Saudi Arabia.";

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe("newsbrief summarize", () => {
  it("writes one {id, summary} row per input row, sentences one per line", async () => {
    const input = file(
      "in.jsonl",
      `${JSON.stringify({ id: "a", title: "Drones strike Kyiv", text: STORY })}\n\n${JSON.stringify({ id: 7, text: "Too short." })}\n`,
    );
    const rows = (await run(["summarize", input])).trim().split("\n").map((line) => JSON.parse(line) as { id: unknown; summary: string });
    expect(rows).toHaveLength(2);
    expect(rows[0]?.id).toBe("a");
    const lines = rows[0]?.summary.split("\n") ?? [];
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[0]).toBe("Russian drones struck the capital overnight, killing two people, officials said.");
    for (const line of lines) expect(STORY).toContain(line);
    expect(rows[1]).toEqual({ id: 7, summary: "" });
  });

  it("gives one-sentence summaries with --max-sentences 1", async () => {
    const input = file("one.jsonl", `${JSON.stringify({ id: "a", text: STORY })}\n`);
    const row = JSON.parse(await run(["summarize", "--max-sentences", "1", input])) as { summary: string };
    expect(row.summary.split("\n")).toHaveLength(1);
  });

  it("names the line of bad JSON or a bad row, and prints nothing", async () => {
    const badJson = file("bad.jsonl", `${JSON.stringify({ id: "a", text: STORY })}\n{"id": 2, text}\n`);
    await expect(run(["summarize", badJson])).rejects.toThrow(new RegExp(`^${badJson.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:2: not valid JSON`));
    const noText = file("notext.jsonl", `${JSON.stringify({ id: "a" })}\n`);
    await expect(run(["summarize", noText])).rejects.toThrow(/notext\.jsonl:1: "text" must be a string/);
    const noId = file("noid.jsonl", `${JSON.stringify({ text: "x" })}\n`);
    await expect(run(["summarize", noId])).rejects.toThrow(/noid\.jsonl:1: "id" must be a string or a number/);
    await expect(run(["summarize", join(dir, "missing.jsonl")])).rejects.toThrow(/missing\.jsonl: no such file/);
    await expect(run(["summarize", "--max-sentences", "0", noId])).rejects.toBeInstanceOf(CliError);
  });
});

describe("newsbrief brief", () => {
  const page = `<!doctype html><html lang="en"><head><title>Drones strike Kyiv</title>
    <link rel="canonical" href="https://news.example.com/kyiv-drones">
    <meta property="og:site_name" content="Example News">
    <meta property="article:published_time" content="2025-03-23T10:00:00Z"></head>
    <body><article><h1>Drones strike Kyiv</h1>${STORY.split(". ").map((s) => `<p>${s.replace(/\.$/, "")}.</p>`).join("")}</article></body></html>`;

  it("prints the brief as the bot sends it: HTML, then the button", async () => {
    const out = await run(["brief", file("page.html", page), "--now", "2025-03-23T12:00:00Z", "--tags", "Kyiv,War in Ukraine"]);
    expect(out).toContain("<b>Drones strike Kyiv</b>\n\nRussian drones struck the capital overnight, killing two people, officials said.");
    expect(out).toContain('<a href="https://news.example.com/kyiv-drones">Example News</a> · 2 hours ago\n#Kyiv #WarInUkraine');
    expect(out).toMatch(/\[ Read the full story \] → https:\/\/news\.example\.com\/kyiv-drones\n$/);
  });

  it("reads a gzipped page and speaks Ukrainian with --locale uk", async () => {
    const out = await run(["brief", file("page.html.gz", gzipSync(page)), "--locale", "uk", "--now", "2025-03-23T12:00:00Z"]);
    expect(out).toContain("· 2 години тому");
    expect(out).toContain("[ Читати повністю ]");
  });

  it("briefs the seed page fixture", async () => {
    const out = await run(["brief", "test/fixtures/extract/kyivpost-china-peacekeeping.html", "--now", "2025-03-23T12:00:00Z"]);
    expect(out).toMatch(/^<b>China Considering Joining Peacekeeping Mission in Ukraine/);
    expect(out).toContain("China is considering joining a future peacekeeping mission in Ukraine");
    expect(out).not.toContain("JOIN US ON TELEGRAM");
    expect(out).toContain(">Kyiv Post</a>");
    // Without --tags, the hashtags are the article's topics, in the chosen language.
    expect(out).toContain("\n#China #WarInUkraine #Russia\n");
    const uk = await run(["brief", "test/fixtures/extract/kyivpost-china-peacekeeping.html", "--locale", "uk"]);
    expect(uk).toContain("\n#Китай #ВійнаВУкраїні #Росія\n");
  });

  it("rejects an unknown locale, a missing file, a non-http URL and a broken gzip clearly", async () => {
    const html = file("ok.html", page);
    await expect(run(["brief", html, "--locale", "fr"])).rejects.toThrow('unknown locale "fr" (use en or uk)');
    await expect(run(["brief", join(dir, "nope.html")])).rejects.toThrow(/nope\.html: no such file/);
    await expect(run(["brief", "ftp://example.com/a"])).rejects.toThrow("only http(s) URLs can be fetched");
    const broken = Buffer.from(gzipSync(page)).subarray(0, 30);
    await expect(run(["brief", file("broken.html.gz", broken)])).rejects.toThrow(/not a valid gzip file/);
    expect(readFileSync(html, "utf8")).toBe(page);
  });

  it("fails in one line on an empty page or binary junk instead of printing a placeholder", async () => {
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    for (const path of [file("empty.html", ""), file("junk.html", junk)]) {
      const attempt = runCommand([registerBriefCommand], ["brief", path]);
      await expect(attempt).rejects.toThrow(CliError);
      await expect(attempt).rejects.toThrow(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: no article to brief \\(`));
    }
  });

  it("links the brief to --url when the saved page declares no address of its own", async () => {
    const bare = file("bare.html", page.replace(/<link rel="canonical"[^>]*>/, ""));
    expect(await run(["brief", bare, "--now", "2025-03-23T12:00:00Z"])).toContain("(no button: the article has no http(s) link)");
    const out = await run(["brief", bare, "--url", "https://news.example/kyiv-drones", "--now", "2025-03-23T12:00:00Z"]);
    expect(out).toMatch(/\[ .+ \] → https:\/\/news\.example\/kyiv-drones\n/);
  });
});
