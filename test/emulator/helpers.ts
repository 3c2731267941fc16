// Shared test helpers: an emulator per test and a grammY bot pointed at it.
import { Bot, GrammyError } from "grammy";
import { startEmulator, type EmulatorOptions, type TelegramEmulator } from "./index.ts";

export async function withEmulator(options?: EmulatorOptions): Promise<TelegramEmulator> {
  return startEmulator(options);
}

export function botFor(emulator: TelegramEmulator): Bot {
  return new Bot(emulator.botToken, { client: { apiRoot: emulator.apiRoot } });
}

/**
 * Starts long polling and resolves once the first getUpdates arrived. The polling promise comes
 * wrapped: an async function returning it bare would wait for the bot to stop.
 */
export async function startPolling(bot: Bot, emulator: TelegramEmulator, timeout = 30): Promise<{ running: Promise<void> }> {
  const before = emulator.callsTo("getUpdates").length;
  const running = bot.start({ timeout });
  const deadline = Date.now() + 5000;
  while (emulator.callsTo("getUpdates").length === before) {
    if (Date.now() > deadline) throw new Error("bot did not start polling");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { running };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The GrammyError a Bot API call failed with; fails the test when the call succeeded. */
export async function failure(call: Promise<unknown>): Promise<GrammyError> {
  const error: unknown = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GrammyError)) throw new Error("expected the call to fail with a GrammyError");
  return error;
}
