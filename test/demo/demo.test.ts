/**
 * `npm run demo` as a person scripts it: the real bot, the emulator and the local newsroom in a
 * child process, the input piped in line by line, the bot's answers on stdout, exit 0 at the end.
 */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../../", import.meta.url);

function runDemo(input: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "demo/main.ts"], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: "1", LOG_LEVEL: "info", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe("npm run demo with piped input", () => {
  it("prints the bot's answer to each line in order, presses a button by its number, and exits 0 at the end of the input", async () => {
    const { code, stdout, stderr } = await runDemo("/start\n/topics\n3\n/settings\n42\n:nonsense\n");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const start = stdout.indexOf("you> /start");
    const topics = stdout.indexOf("you> /topics");
    const press = stdout.indexOf("you> 3");
    expect(start).toBeGreaterThan(-1);
    expect(stdout.slice(start, topics)).toContain("🤖 Hello, Demo! I am newsbrief");
    // The topic keyboard, its buttons numbered; [3] is China.
    expect(stdout.slice(topics, press)).toContain("[3] China");
    // Pressing 3 follows China: the button's answer and the keyboard edited with a ✓.
    expect(stdout.slice(press)).toContain("ⓘ Following China.");
    expect(stdout.slice(press)).toMatch(/✎ \(edited\)[\s\S]*✓ China/);
    expect(stdout).toContain("(no button 42: the numbers in [brackets] are the buttons)");
    expect(stdout).toContain("unknown demo command :nonsense");
    // No ANSI codes when the output is not a terminal.
    expect(stdout).not.toContain("\x1b[");
  }, 90_000);

  it("delivers a brief from the newsroom to a followed topic, links rendered as text (url)", async () => {
    const { code, stdout } = await runDemo("/subscribe China\n:publish\n:publish\n:wait 40\n/sources\n", { DEMO_POLL_INTERVAL_S: "1" });
    expect(code).toBe(0);
    expect(stdout).toContain('📰 published "China offers to host talks on Black Sea grain shipments"');
    const brief = stdout.slice(stdout.indexOf("🤖 China offers to host talks"));
    expect(brief).toMatch(/Dnipro Evening Post \(http:\/\/127\.0\.0\.1:\d+\/news\/china-offers-to-host-grain-talks\)/);
    expect(brief).toMatch(/\[\d+\] 🔎 Related/);
    // The demo user is the bot's admin: /sources lists the newsroom's two feeds, read every second.
    const sources = stdout.slice(stdout.indexOf("you> /sources"));
    expect(sources).toMatch(/#1 Dnipro Evening Post\n\s+http:\/\/127\.0\.0\.1:\d+\/feed\.xml · every 1 s/);
    expect(sources).toContain("Black Sea Wire");
  }, 90_000);

  it("refuses a malformed demo setting with a clear message", async () => {
    const { code, stderr } = await runDemo("", { DEMO_POLL_INTERVAL_S: "soon" });
    expect(code).toBe(2);
    expect(stderr).toContain('DEMO_POLL_INTERVAL_S expects whole seconds from 1 to 3600, not "soon"');
  });
});
