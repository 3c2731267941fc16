/**
 * Feed dates to ISO 8601 UTC instants ("2024-03-04T05:06:07Z"). RSS uses RFC 822
 * ("Tue, 10 Jun 2003 04:00:00 EST", often with two-digit years or no seconds),
 * Atom and JSON Feed RFC 3339, RDF dc:date W3C-DTF ("2003", "2003-06",
 * "2003-06-10T04:00+01:00"). Parsed by hand, never with the machine's time zone:
 * a date without a zone is taken as UTC, so the same feed gives the same answer
 * everywhere. Anything else goes to the page-date parser; unparseable → undefined.
 */
import { toIsoDate } from "../../extract/dates.ts";

const W3C_DTF =
  /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T\s](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

const RFC_822 =
  /^(?:[a-z]+\.?,?\s*)?(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{2}|\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([a-z]{1,5}|[+-]\d{2}:?\d{2})?\b/i;

/** RFC 822 zone names and the North American ones feeds use; others count as UTC (RFC 822's "-0000"). */
const ZONE_HOURS: Readonly<Record<string, number>> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, EST: -5, EDT: -4, CST: -6, CDT: -5, MST: -7, MDT: -6, PST: -8, PDT: -7,
  AKST: -9, AKDT: -8, HST: -10, BST: 1, CET: 1, CEST: 2, EET: 2, EEST: 3, MSK: 3, JST: 9, AEST: 10, AEDT: 11,
};

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export function feedDate(raw: unknown): string | undefined {
  if (raw instanceof Date) return instant(raw.getTime());
  if (typeof raw !== "string") return undefined;
  const text = raw.trim();
  if (!text) return undefined;

  const w3c = W3C_DTF.exec(text);
  if (w3c) {
    const [, y, mo = "1", d = "1", h = "0", mi = "0", s = "0", frac, zone] = w3c;
    const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
    return fromParts(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), ms, offsetMinutes(zone));
  }

  const rfc = RFC_822.exec(text);
  if (rfc) {
    const [, d, monthName, y, h, mi, s = "0", zone] = rfc;
    const month = MONTHS.indexOf((monthName as string).slice(0, 3).toLowerCase()) + 1;
    let year = Number(y);
    if ((y as string).length === 2) year += year < 50 ? 2000 : 1900;
    if (month > 0) return fromParts(year, month, Number(d), Number(h), Number(mi), Number(s), 0, offsetMinutes(zone));
  }

  // "March 23, 2025", "23.03.2025" and other page-style dates.
  // It answers in ISO 8601, which the first branch reads (no loop: a second miss ends here).
  const loose = toIsoDate(text);
  return loose && W3C_DTF.test(loose) ? feedDate(loose) : undefined;
}

/** Minutes east of UTC for a zone token; unknown or absent → 0. */
function offsetMinutes(zone: string | undefined): number {
  if (!zone) return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return numeric[1] === "-" ? -minutes : minutes;
  }
  return (ZONE_HOURS[zone.toUpperCase()] ?? 0) * 60;
}

function fromParts(
  year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number, offset: number,
): string | undefined {
  // Checked before Date.UTC, which reads years 0-99 as 1900-1999.
  if (year < 1900 || year > 2200) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms) - offset * 60_000;
  // Date.UTC rolls 31 February into March: refuse instead.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return undefined;
  return instant(utc);
}

function instant(ms: number): string | undefined {
  if (!Number.isFinite(ms)) return undefined;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 1900 || year > 2200) return undefined;
  return date.toISOString().replace(/\.000Z$/, "Z");
}
