/** How often the publisher says to poll: RSS <ttl>, else the Syndication module. */
import type { SyNs } from "feedsmith";

const PERIOD_MINUTES: Readonly<Record<string, number>> = {
  hourly: 60, daily: 1440, weekly: 10_080, monthly: 43_200, yearly: 525_600,
};

export function ttlMinutes(ttl: number | undefined, sy: SyNs.Feed<string> | undefined): number | undefined {
  if (ttl !== undefined && Number.isFinite(ttl) && ttl > 0) return Math.round(ttl);
  const period = sy?.updatePeriod?.trim().toLowerCase();
  if (!period && sy?.updateFrequency === undefined) return undefined;
  // The module's defaults: daily, once.
  const minutes = PERIOD_MINUTES[period || "daily"];
  if (minutes === undefined) return undefined;
  const frequency = sy?.updateFrequency !== undefined && sy.updateFrequency > 0 ? sy.updateFrequency : 1;
  return Math.max(1, Math.round(minutes / frequency));
}
