/**
 * `npm run demo`: newsbrief without a Telegram token or a network. Starts the project's Bot API
 * emulator, the local newsroom (two outlets on 127.0.0.1) and the real bot (`startApp`, SQLite in a
 * temporary folder, the SSRF guard lifted for loopback), adds the newsroom's feeds as sources, and
 * lets a person chat with the bot in the terminal while the newsroom publishes. Piped input is
 * played line by line (each line waits for the bot's answers) and the demo exits 0 at its end.
 *
 * Lines starting with ":" are the demo's own: `:publish` (the newsroom's next articles now),
 * `:wait <seconds>` (until the bot sends something, at most that long), `:help`, `:quit`.
 */
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface, type Interface } from "node:readline";
import { startApp, type App } from "../src/app.ts";
import { parseConfig } from "../src/config/index.ts";
import { createHttpClient } from "../src/ingest/http/index.ts";
import { addSource, inspectSource } from "../src/ingest/sources.ts";
import { createLogger } from "../src/logger.ts";
import { startEmulator } from "../test/emulator/index.ts";
import { LocalNewsroom } from "./newsroom/newsroom.ts";
import { TerminalChat } from "./terminal/chat.ts";

/** Seconds between two polls of a newsroom feed, and between two of the newsroom's publications. */
const POLL_INTERVAL_S = seconds("DEMO_POLL_INTERVAL_S", 10);
const PUBLISH_EVERY_S = seconds("DEMO_PUBLISH_EVERY_S", 45);

function seconds(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 3600) {
    process.stderr.write(`${name} expects whole seconds from 1 to 3600, not ${JSON.stringify(raw)}\n`);
    process.exit(2);
  }
  return value;
}

const interactive = process.stdin.isTTY === true;
const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
const dim = (text: string) => (color ? `\x1b[2m${text}\x1b[22m` : text);

const HELP = [
  "Chat with the bot as a Telegram user would: type /start, /topics, /subscribe Energy, /settings, /related,",
  "/search grain, /sources (you are an admin), or any text. A number presses the button shown as [number].",
  `The newsroom publishes new articles every ${PUBLISH_EVERY_S} s; briefs on your topics arrive by themselves.`,
  "Demo commands: :publish (publish the next articles now), :wait <seconds> (for the bot to send something), :help, :quit (or Ctrl-D).",
].join("\n");

/** Ingestion looks for due sources every 5 s: the first poll is over within that, plus the reading. */
const FIRST_POLL_WAIT_MS = 30_000;

async function firstPolls(app: App, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const sources = await app.store.sources.list();
    if (sources.every((source) => source.lastSuccessAt !== null)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the newsroom's feeds were not read within ${timeoutMs / 1000} s: see the log`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "newsbrief-demo-"));
  const logPath = join(dir, "newsbrief.log");
  // Made once the bot is up: readline reads from its creation, and lines read before the loop below would be lost.
  let rl: Interface | undefined;
  const print = (text: string) => {
    if (!interactive) {
      process.stdout.write(`${text}\n`);
      return;
    }
    process.stdout.write(`\r\x1b[2K${text}\n`);
    rl?.prompt(true);
  };

  const tg = await startEmulator();
  const newsroom = await LocalNewsroom.start();
  const user = tg.createUser({ firstName: "Demo", username: "demo_reader", languageCode: "en" });
  const config = parseConfig({
    BOT_TOKEN: tg.botToken,
    BOT_API_ROOT: tg.apiRoot,
    DATABASE_PATH: join(dir, "newsbrief.db"),
    // The newsroom is on 127.0.0.1, which the guard refuses in production.
    FETCH_ALLOW_PRIVATE_HOSTS: "true",
    ADMIN_IDS: String(user.id),
    LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
  });
  const logFile = createWriteStream(logPath);
  const logger = createLogger({ level: config.logLevel, pretty: false, destination: logFile });
  let app: App | undefined;
  let chat: TerminalChat | undefined;
  let shuttingDown: Promise<void> | undefined;
  const shutdown = () =>
    (shuttingDown ??= (async () => {
      newsroom.stopPublishing();
      chat?.close();
      await app?.stop();
      await newsroom.close();
      await tg.close();
      await new Promise<void>((resolve) => logFile.end(resolve));
      rmSync(dir, { recursive: true, force: true });
    })());

  try {
    app = await startApp(config, logger);
    const http = createHttpClient(config.fetch);
    try {
      for (const feedUrl of newsroom.feedUrls) {
        const found = await inspectSource(http, feedUrl);
        await addSource(app.store, found, { pollIntervalS: POLL_INTERVAL_S, actorId: user.id });
      }
    } finally {
      await http.close();
    }
    // The first poll archives what the feeds already hold (a new source's backlog is not sent):
    // articles published after it are news, and become briefs.
    await firstPolls(app, FIRST_POLL_WAIT_MS);
  } catch (error) {
    await shutdown();
    throw error;
  }

  rl = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive, prompt: "you> " });
  chat = new TerminalChat(tg, user, tg.privateChat(user), { print, color });
  chat.open();
  print(dim(`newsbrief demo: the bot, a Bot API emulator and a local newsroom (${newsroom.sites.post.name}, ${newsroom.sites.wire.name}) on 127.0.0.1; logs in ${logPath}`));
  if (interactive) {
    print(dim(HELP));
    newsroom.startPublishing(PUBLISH_EVERY_S * 1000, (articles) => {
      for (const article of articles) print(dim(`📰 ${article.site === "post" ? newsroom.sites.post.name : newsroom.sites.wire.name} published "${article.title}"`));
    });
    rl.prompt();
  }

  rl.on("SIGINT", () => rl.close());
  process.once("SIGTERM", () => rl.close());
  for await (const line of rl) {
    const text = line.trim();
    if (!interactive && text) print(`you> ${text}`);
    if (text === ":quit") break;
    if (text === ":help") print(dim(HELP));
    else if (text === ":publish") {
      const articles = newsroom.publishNext();
      print(dim(articles.length ? articles.map((a) => `📰 published "${a.title}"`).join("\n") : "the newsroom has published everything it had"));
    } else if (text.startsWith(":wait")) {
      const seconds = Number(text.slice(5).trim() || 15);
      if (Number.isFinite(seconds) && seconds >= 0) await chat.awaitBot(Math.min(seconds, 600) * 1000);
      else print(dim(":wait expects seconds, e.g. :wait 20"));
    } else if (text.startsWith(":")) print(dim(`unknown demo command ${text}; :help lists them`));
    else await chat.type(text);
    if (interactive) rl.prompt();
  }
  rl.close();
  await shutdown();
  if (interactive) process.stdout.write("\nbye\n");
}

main().then(
  // Waits still open on the emulator hold timers: the demo is done, so it leaves now.
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
