/**
 * A person's private chat with the bot, held in the terminal: what they type goes to the bot as
 * their message (a number presses that button), and every message or edit the bot makes in the
 * chat is printed as it arrives (briefs included, whenever they come).
 */
import type { Chat, Message, User } from "grammy/types";
import type { TelegramEmulator } from "../../test/emulator/index.ts";
import { renderBody, renderKeyboard, type NumberedButton } from "./render.ts";

export interface ChatOutput {
  /** Prints a block of lines (the caller keeps the person's prompt intact). */
  print(text: string): void;
  color: boolean;
}

/** How long a line waits for the bot's first answer, and for the answers to stop coming. */
export interface ReplyWaits {
  firstMs: number;
  quietMs: number;
}

const DEFAULT_WAITS: ReplyWaits = { firstMs: 10_000, quietMs: 600 };
/** A wait on the emulator is renewed this often while the chat is open. */
const WATCH_MS = 60_000;

export class TerminalChat {
  private readonly buttons = new Map<number, NumberedButton>();
  private nextNumber = 1;
  /** Bumped by every message, edit and button answer the person sees. */
  private activity = 0;
  private lastActivityAt = 0;
  private closed = false;
  private readonly watchers: Promise<void>[] = [];

  constructor(
    private readonly tg: TelegramEmulator,
    readonly user: User,
    readonly chat: Chat,
    private readonly out: ChatOutput,
    private readonly waits: ReplyWaits = DEFAULT_WAITS,
  ) {}

  /** Starts printing what the bot sends and edits in the chat. */
  open(): void {
    this.watchers.push(this.watch((timeout) => this.tg.waitForBotMessage(this.chat.id, () => true, timeout), ""));
    this.watchers.push(this.watch((timeout) => this.tg.waitForBotEdit(this.chat.id, () => true, timeout), "✎ (edited) "));
  }

  close(): void {
    this.closed = true;
  }

  /**
   * Handles one line the person typed: a button's number presses it; anything else is sent as
   * their message. Resolves once the bot has answered and gone quiet, or nothing came in time.
   */
  async type(line: string): Promise<void> {
    const text = line.trim();
    if (text === "") return;
    const before = this.activity;
    const pressed = /^\d+$/.test(text) ? this.buttons.get(Number(text)) : undefined;
    if (/^\d+$/.test(text) && !pressed) {
      this.out.print(`  (no button ${text}: the numbers in [brackets] are the buttons)`);
      return;
    }
    if (pressed) await this.press(pressed);
    else this.tg.userSends(this.chat, text);
    await this.answered(before);
  }

  private async press(entry: NumberedButton): Promise<void> {
    const { button } = entry;
    if ("url" in button && button.url) {
      this.out.print(`  (a link button: open ${button.url})`);
      return;
    }
    if (!("callback_data" in button) || button.callback_data === undefined) {
      this.out.print(`  (this demo cannot press "${button.text}": it is not a callback button)`);
      return;
    }
    let queryId: string;
    try {
      queryId = this.tg.userClicks(this.chat, entry.messageId, button.callback_data, { from: this.user });
    } catch {
      this.out.print(`  (button ${entry.number} is gone: its message changed since)`);
      return;
    }
    void this.tg.waitForCallbackAnswer(queryId, this.waits.firstMs).then(
      (answer) => {
        if (typeof answer.text === "string" && answer.text) this.out.print(`  ⓘ ${answer.text}`);
        this.noteActivity();
      },
      () => {},
    );
  }

  /** Waits for the first sign of an answer after `before`, then until the bot has been quiet a moment. */
  private async answered(before: number, waits: ReplyWaits = this.waits): Promise<void> {
    const started = Date.now();
    while (this.activity === before && Date.now() - started < waits.firstMs && !this.closed) await pause(50);
    while (this.activity !== before && Date.now() - this.lastActivityAt < waits.quietMs && !this.closed) await pause(50);
  }

  /**
   * Waits up to `ms` for the bot to send something of its own (briefs), then until it has been
   * quiet for two seconds: briefs to one chat come a second apart.
   */
  async awaitBot(ms: number): Promise<void> {
    await this.answered(this.activity, { firstMs: ms, quietMs: 2000 });
  }

  private noteActivity(): void {
    this.activity++;
    this.lastActivityAt = Date.now();
  }

  private async watch(next: (timeoutMs: number) => Promise<Message>, prefix: string): Promise<void> {
    while (!this.closed) {
      let message: Message;
      try {
        message = await next(WATCH_MS);
      } catch {
        continue; // nothing this minute (or the emulator closed: the loop ends with `closed`)
      }
      if (this.closed) return;
      this.show(message, prefix);
      this.noteActivity();
    }
  }

  private show(message: Message, prefix: string): void {
    const body = renderBody(message, this.out.color);
    const { lines, buttons } = renderKeyboard(message, this.nextNumber);
    this.nextNumber += buttons.length;
    for (const entry of buttons) this.buttons.set(entry.number, entry);
    const marker = this.out.color ? "\x1b[32m🤖\x1b[39m" : "🤖";
    const indented = body.split("\n").map((line) => (line ? `   ${line}` : ""));
    indented[0] = `${marker} ${prefix}${body.split("\n")[0] ?? ""}`;
    this.out.print([...indented, ...lines.filter(Boolean).map((line) => `   ${line}`)].join("\n"));
  }
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
