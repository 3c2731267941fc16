/**
 * Page dates to ISO 8601. A date with a time and a zone becomes a UTC instant
 * ("2025-03-23T10:15:00Z"); a date with a time but no zone keeps its wall-clock
 * time without a zone; a bare day stays a day ("2025-03-23"). Nothing here reads
 * the machine's time zone, so the same page gives the same answer everywhere.
 */

const ISO_LIKE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?/i;

/** "March 23, 2025", "Mar. 23 2025", "23 March 2025", "Sunday, 23 Mar 2025". */
const MONTH_FIRST = /\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/gi;
const DAY_FIRST = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b/gi;
/** "23.03.2025" (day first, as in most of Europe). */
const DOTTED = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/;
/** "2025/03/23". */
const SLASHED_YEAR_FIRST = /\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/;

export function toIsoDate(input: string | number | undefined | null): string | undefined {
  if (input === undefined || input === null) return undefined;
  if (typeof input === "number") return fromEpoch(input);
  const text = input.trim();
  if (!text) return undefined;
  if (/^\d{10}(?:\d{3})?$/.test(text)) return fromEpoch(Number(text));
  // "20191119": a compact day, when it is one.
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return day(Number(compact[1]), Number(compact[2]), Number(compact[3]));

  const iso = ISO_LIKE.exec(text);
  if (iso) return fromIsoParts(iso);

  // RFC 2822 and friends carry a zone; only then trust Date.parse.
  if (/\b(?:GMT|UTC|[+-]\d{4})\b/.test(text) && /\d{1,2}:\d{2}/.test(text)) {
    const ms = Date.parse(text);
    if (Number.isFinite(ms)) return utcString(ms);
  }

  for (const m of text.matchAll(MONTH_FIRST)) {
    const month = monthNumber(m[1] as string);
    if (month) return day(Number(m[3]), month, Number(m[2]));
  }
  for (const m of text.matchAll(DAY_FIRST)) {
    const month = monthNumber(m[2] as string);
    if (month) return day(Number(m[3]), month, Number(m[1]));
  }
  const dotted = DOTTED.exec(text);
  if (dotted) return day(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  const slashed = SLASHED_YEAR_FIRST.exec(text);
  if (slashed) return day(Number(slashed[1]), Number(slashed[2]), Number(slashed[3]));
  return undefined;
}

function fromIsoParts(m: RegExpExecArray): string | undefined {
  const [, y, mo, d, h, mi, s, zone] = m;
  const date = day(Number(y), Number(mo), Number(d));
  if (!date) return undefined;
  if (h === undefined || mi === undefined) return date;
  const hours = Number(h);
  const minutes = Number(mi);
  const seconds = s === undefined ? 0 : Number(s);
  if (hours > 23 || minutes > 59 || seconds > 60) return date;
  const time = `${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
  if (!zone) return `${date}T${time}`;
  const upper = zone.toUpperCase();
  const offset = upper === "Z" || upper === "UTC" || upper === "GMT" ? "Z" : normalizeOffset(zone);
  const ms = Date.parse(`${date}T${time}${offset}`);
  return Number.isFinite(ms) ? utcString(ms) : `${date}T${time}`;
}

function normalizeOffset(zone: string): string {
  const digits = zone.replace(":", "");
  const sign = digits[0];
  const hh = digits.slice(1, 3);
  const mm = digits.slice(3, 5) || "00";
  return `${sign}${hh}:${mm}`;
}

function fromEpoch(value: number): string | undefined {
  if (!Number.isFinite(value) || value <= 0) return undefined;
  const ms = value < 1e11 ? value * 1000 : value;
  return utcString(ms);
}

function utcString(ms: number): string | undefined {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return undefined;
  const year = date.getUTCFullYear();
  if (year < 1900 || year > 2200) return undefined;
  return date.toISOString().replace(/\.000Z$/, "Z");
}

function day(year: number, month: number, dayOfMonth: number): string | undefined {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31) return undefined;
  return `${year}-${pad(month)}-${pad(dayOfMonth)}`;
}

const MONTH_NAMES = [
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
];

/** 1–12 for an English month name or its abbreviation ("Sept", "Mar"), else undefined. */
function monthNumber(name: string): number | undefined {
  const key = name.toLowerCase();
  if (key.length < 3) return undefined;
  const index = MONTH_NAMES.findIndex((full) => full.startsWith(key));
  return index === -1 ? undefined : index + 1;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
