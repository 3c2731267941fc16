/**
 * Reads a time zone a user typed: an IANA name in any case ("europe/kyiv"), or just its city
 * ("Kyiv", "new york"). Checked with Intl.DateTimeFormat, which is what delivery will use.
 */
import { COMMON_TIME_ZONES } from "./keyboards/settings.ts";

/** The zone's name as stored, or undefined when Intl does not know it. */
export function parseTimeZone(typed: string): string | undefined {
  const text = typed.trim().replace(/\s+/g, "_");
  if (text === "" || text.length > 64) return undefined;
  const known = knownZones();
  const lower = text.toLowerCase();
  const exact = known.find((zone) => zone.toLowerCase() === lower);
  if (exact !== undefined) return exact;
  if (!text.includes("/")) {
    const byCity = known.filter((zone) => zone.split("/").at(-1)?.toLowerCase() === lower);
    // The list puts the common zones first, so "Kyiv" is Europe/Kyiv even where ICU still says Kiev.
    if (byCity[0] !== undefined) return byCity[0];
  }
  let canonical: string;
  try {
    canonical = new Intl.DateTimeFormat("en", { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  // ICU may answer with an older name (Asia/Kolkata → Asia/Calcutta): keep the name the user chose.
  return canonical.toLowerCase() === lower ? canonical : titleCase(text);
}

function titleCase(zone: string): string {
  return zone.replace(/[^/_]+/g, (part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase());
}

let zones: string[] | undefined;

function knownZones(): string[] {
  zones ??= [...new Set<string>([...COMMON_TIME_ZONES, ...Intl.supportedValuesOf("timeZone")])].filter(isTimeZone);
  return zones;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
