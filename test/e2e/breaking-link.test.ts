/** /breaking from a link: the page is read through the guarded client and briefed; a refused link says why. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Message } from "grammy/types";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createFetchArticle } from "../../src/archive/fetch-article.ts";
import { createHttpClient } from "../../src/ingest/http/index.ts";
import { useTestBot } from "./harness.ts";
import { buttonsOf, dataOf } from "./helpers.ts";

const ADMIN_ID = 4343;
let server: Server;
let origin = "";
const PAGE = `<!doctype html><html lang="en"><head><title>Dam breached near Kherson</title>
<meta property="og:site_name" content="Local News"></head><body>
<article><h1>Dam breached near Kherson</h1>
<p>A dam near Kherson was breached early on Tuesday, regional officials said, and water levels downstream were rising quickly.</p>
<p>Residents of nearby villages were being evacuated by bus, and rescue teams had been sent from three regions to help them.</p>
<p>The officials said there was no immediate danger to the city itself, but asked people to stay away from the river banks.</p>
</article></body></html>`;

beforeAll(async () => {
  server = createServer((request, response) => {
    response.writeHead(request.url === "/dam" ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    response.end(request.url === "/dam" ? PAGE : "<h1>Not found</h1>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// The guard stays on, as in production; only this file's page server is let through.
const fetchConfig = { allowPrivateHosts: false, userAgent: "newsbrief-test", timeoutMs: 5000, connectTimeoutMs: 2000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 };
const world = useTestBot({
  env: { ADMIN_IDS: String(ADMIN_ID) },
  app: () => ({ fetchArticle: createFetchArticle(createHttpClient(fetchConfig, { allowAddress: (address, port) => address === "127.0.0.1" && `127.0.0.1:${port}` === new URL(origin).host })) }),
});

const hasButton = (label: string) => (m: Message) => buttonsOf(m).some((b) => b.text === label);

it("reads the linked page, shows its brief as subscribers will see it, and a test send delivers exactly that", async () => {
  const admin = world.tg.privateChat(world.tg.createUser({ id: ADMIN_ID, languageCode: "en" }));
  world.tg.userSends(admin, "/breaking");
  await world.tg.waitForBotMessage(admin.id, (m) => m.text?.startsWith("⚡ Breaking news") === true);
  world.tg.userSends(admin, `${origin}/nowhere`);
  expect((await world.tg.waitForBotMessage(admin.id, (m) => m.text?.startsWith("I could not read") === true)).text).toBe(
    "I could not read that page: the site did not answer. Send another link, paste the text, or /cancel.",
  );
  world.tg.userSends(admin, "http://10.1.2.3/story");
  await world.tg.waitForBotMessage(admin.id, (m) => m.text?.startsWith("I could not read that page: it points to a private address.") === true);

  world.tg.userSends(admin, `${origin}/dam`);
  const controls = await world.tg.waitForBotMessage(admin.id, hasButton("Continue ➡️"));
  const preview = world.tg.botMessages(admin.id).find((m) => m.text?.startsWith("⚡ Breaking\n\nDam breached near Kherson") === true);
  expect(preview?.text).toContain("A dam near Kherson was breached early on Tuesday");
  expect(preview?.text).toContain("Local News");
  expect(buttonsOf(preview!)).toEqual([{ text: "Read the full story", data: undefined }]);

  world.tg.userClicks(admin, controls.message_id, dataOf(controls, "Continue ➡️"));
  const audience = await world.tg.waitForBotMessage(admin.id, hasButton("🧪 Test: only me"));
  world.tg.userClicks(admin, audience.message_id, dataOf(audience, "🧪 Test: only me"));
  const confirm = await world.tg.waitForBotMessage(admin.id, hasButton("✅ Send"));
  world.tg.userClicks(admin, confirm.message_id, dataOf(confirm, "✅ Send"));
  const sent = await world.tg.waitForBotMessage(admin.id, (m) => m.text === preview!.text && m.message_id > confirm.message_id, 10_000);
  expect(buttonsOf(sent)).toEqual(buttonsOf(preview!));
});
