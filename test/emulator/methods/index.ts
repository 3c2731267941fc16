import type { MethodHandler } from "../emulator-core.ts";
import { botSettingsMethods } from "./bot-settings.ts";
import { chatMethods } from "./chats.ts";
import { editingMethods } from "./editing.ts";
import { fileMethods } from "./files.ts";
import { queryMethods } from "./queries.ts";
import { sendingMethods } from "./sending.ts";
import { updateMethods } from "./updates.ts";

/** Every Bot API method the emulator implements; anything else answers 404 "Not Found". */
export const ALL_METHODS: Record<string, MethodHandler> = {
  ...updateMethods,
  ...sendingMethods,
  ...editingMethods,
  ...queryMethods,
  ...botSettingsMethods,
  ...chatMethods,
  ...fileMethods,
};
