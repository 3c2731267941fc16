// A Telegram Bot API emulator for tests: a real HTTP server on loopback that grammY talks to
// exactly as to api.telegram.org (`new Bot(token, { client: { apiRoot: emulator.apiRoot } })`).
import { TelegramEmulator } from "./emulator.ts";
import type { EmulatorOptions } from "./options.ts";

export async function startEmulator(options?: EmulatorOptions): Promise<TelegramEmulator> {
  return TelegramEmulator.start(options);
}

export { TelegramEmulator, type ChatRef } from "./emulator.ts";
export type { EmulatorOptions } from "./options.ts";
export type { ApiCall, ChatActionRecord } from "./emulator-core.ts";
export type { EmulatorStats } from "./load-stats.ts";
export type { FaultSpec } from "./faults.ts";
export type { SentDocument } from "./files.ts";
export type { FloodLimits } from "./flood-control.ts";
export type { MemberStatus } from "./world.ts";
export { parseHtml } from "./formatting/html.ts";
export { parseMarkdownV2 } from "./formatting/markdown-v2.ts";
export { formatText, TEXT_LIMITS } from "./formatting/formatted-text.ts";
