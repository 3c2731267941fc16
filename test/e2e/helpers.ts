/** Small readers for what the emulator's users see: buttons, and the newest bot message. */
import type { Message } from "grammy/types";

export interface SeenButton {
  text: string;
  data: string | undefined;
}

export const buttonsOf = (message: Message): SeenButton[] =>
  message.reply_markup?.inline_keyboard.flat().map((b) => ({ text: b.text, data: "callback_data" in b ? b.callback_data : undefined })) ?? [];

/** The callback data of the button with this exact label; throws with the labels there are. */
export function dataOf(message: Message, text: string): string {
  const buttons = buttonsOf(message);
  const found = buttons.find((b) => b.text === text);
  if (found?.data === undefined) throw new Error(`no button "${text}"; there are ${JSON.stringify(buttons.map((b) => b.text))}`);
  return found.data;
}
