/** /mysubs: one button per subscription to remove it. */
import { InlineKeyboard } from "grammy";
import { callbackCodec } from "../callback-data.ts";
import { encodeScopeRef, parseInteger, parseScopeRef } from "../subscriptions/callback-parts.ts";

export type SubscriptionsAction = { op: "list"; remote: number | undefined } | { op: "remove"; remote: number | undefined; id: number };

export const subscriptionsButton = callbackCodec<SubscriptionsAction>("sb", {
  encode: (a) => (a.op === "list" ? `l:${encodeScopeRef(a.remote)}` : `r:${encodeScopeRef(a.remote)}:${a.id}`),
  decode: (payload) => {
    const [op, ref, id, ...extra] = payload.split(":");
    const scope = parseScopeRef(ref);
    if (scope === undefined || extra.length > 0) return undefined;
    if (op === "l" && id === undefined) return { op: "list", remote: scope.remote };
    const value = parseInteger(id);
    if (op === "r" && value !== undefined && value > 0) return { op: "remove", remote: scope.remote, id: value };
    return undefined;
  },
});

export function subscriptionsKeyboard(items: readonly { id: number; label: string }[], remote: number | undefined): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const item of items) keyboard.text(`✕ ${item.label}`, subscriptionsButton.encode({ op: "remove", remote, id: item.id })).row();
  return keyboard;
}
