import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { registerIngestCommand } from "../../src/cli/commands/ingest.ts";
import { registerSourcesCommand } from "../../src/cli/commands/sources.ts";
import { LocalSite, newsParagraphs } from "../ingest/local-site.ts";
import { tempDir } from "../store/helpers.ts";
import { CliError } from "../../src/cli/errors.ts";
import { runCommand, runCommandSettled, type CommandOutput, commandFailure } from "./run-command.ts";

const run = (...args: string[]): Promise<CommandOutput> => runCommand([registerSourcesCommand, registerIngestCommand], args);

const failure = (...args: string[]): Promise<string> => commandFailure(() => run(...args));

let site: LocalSite;

beforeEach(async () => {
  vi.stubEnv("DATABASE_PATH", join(tempDir("newsbrief-cli-ingest-"), "newsbrief.db"));
  vi.stubEnv("FETCH_ALLOW_PRIVATE_HOSTS", "true");
  vi.stubEnv("POLL_HOST_DELAY_MS", "0");
  site = await LocalSite.start("Local News");
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await site.close();
});

function publish(slug: string, title: string, section?: string) {
  site.publish({ slug, title, paragraphs: newsParagraphs(title, slug.length), published: "2026-03-01T07:00:00Z", ...(section ? { section } : {}) });
}

describe("newsbrief sources", () => {
  it("adds the feed a site's page links to, shows what it found, and lists it", async () => {
    publish("a", "Kyiv opens a new metro station");
    const added = await run("sources", "add", `${site.origin}/`);
    expect(added.stdout).toContain(`added: 1  Local News  ${site.feedUrl}`);
    expect(added.stdout).toContain("1 items now in the feed");
    expect(added.stdout).toContain("· Kyiv opens a new metro station");
    expect((await run("sources", "add", site.feedUrl)).stdout).toMatch(/^already there: 1 /);
    expect((await run("sources", "list")).stdout).toMatch(/^1 {2}Local News .* \(not polled yet\)\n$/);
  });

  it("refuses a URL the guard forbids, or that is no http(s) feed, in one clear line", async () => {
    vi.stubEnv("FETCH_ALLOW_PRIVATE_HOSTS", "false");
    expect(await failure("sources", "add", site.feedUrl)).toMatch(/127\.0\.0\.1/);
    expect(await failure("sources", "add", "http://169.254.169.254/latest/")).toMatch(/169\.254\.169\.254/);
    expect(await failure("sources", "add", "ftp://example.com/feed")).toMatch(/http/);
    vi.stubEnv("FETCH_ALLOW_PRIVATE_HOSTS", "true");
    site.routes.set("/plain", (_req, res) => void res.writeHead(200, { "content-type": "text/html" }).end("<html><body>No feed here</body></html>"));
    expect(await failure("sources", "add", `${site.origin}/plain`)).toMatch(/no feed/);
    expect(await failure("sources", "remove", "7")).toMatch(/no source 7/);
    expect(await failure("sources", "remove", "x")).toMatch(/not a source id/);
  });

  it("imports OPML and exports it back", async () => {
    const dir = tempDir("newsbrief-opml-");
    const file = join(dir, "feeds.opml");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(
      file,
      `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body><outline text="World"><outline type="rss" text="Local News" xmlUrl="${site.feedUrl}" htmlUrl="${site.origin}/"/><outline type="rss" text="Bad" xmlUrl="javascript:alert(1)"/></outline></body></opml>`,
    );
    const imported = await run("sources", "import", file);
    expect(imported.stdout).toContain("import: 1 added, 0 already there, 1 refused");
    expect(imported.stderr).toContain("javascript:alert(1): only http(s) feeds can be read");
    const exported = await run("sources", "export");
    expect(exported.stdout).toContain(site.feedUrl);
  });
});

describe("newsbrief ingest --once", () => {
  it("prints one line per story stored, then a summary; at once again, only the summary", async () => {
    publish("old", "Parliament passes the budget");
    await run("sources", "add", site.feedUrl);
    const first = await run("ingest", "--once");
    expect(first.stdout).toBe("Parliament passes the budget [politics] (archived)\ningest: 1 source polled, 1 story stored (1 archived), 0 updated, 0 unchanged\n");

    publish("new", "China and Ukraine discuss grain exports", "China");
    const second = await run("ingest", "--once");
    const lines = second.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^China and Ukraine discuss grain exports \[.*china.*\]$/);
    expect(lines[1]).toBe("ingest: 1 source polled, 1 story stored, 0 updated, 1 unchanged");

    expect((await run("ingest", "--once")).stdout).toBe("ingest: 1 source polled, 0 stories stored, 0 updated, 0 unchanged\n");
  });

  it("keeps what the other sources gave when one fails, names it, and exits with an error", async () => {
    const broken = await LocalSite.start("Broken News");
    publish("old", "Parliament passes the budget");
    await run("sources", "add", site.feedUrl);
    await run("sources", "add", broken.feedUrl);
    await broken.close();
    const { stdout, stderr, error } = await runCommandSettled([registerSourcesCommand, registerIngestCommand], ["ingest", "--once"]);
    expect(stdout).toBe("Parliament passes the budget [politics] (archived)\ningest: 2 sources polled (1 failed), 1 story stored (1 archived), 0 updated, 0 unchanged\n");
    expect(stderr).toMatch(/^newsbrief: source 2 \(Broken News\): could not fetch http:\/\/127\.0\.0\.1:\d+\/feed\.xml: connection refused$/m);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toBe("1 of 2 sources failed (see above); the stories of the others are stored");
  });

  it("asks for --once", async () => {
    expect(await failure("ingest")).toMatch(/--once/);
  });
});
