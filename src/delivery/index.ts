/** Delivery: every brief to every chat that follows it, once, as fast as Telegram allows. */
export { DeliveryService, type DeliveryServiceOptions } from "./service.ts";
export { relatedData } from "./messages.ts";
export { BroadcastService, type BroadcastProgress, type NewBroadcast, formatDuration } from "./broadcast.ts";
