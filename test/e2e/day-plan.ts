/**
 * The day the day test plays, described on its own terms: which stories the newsroom publishes
 * when and what they are about, who follows what with which settings, and from that alone when
 * each chat should receive each story. Times are in UTC on 17 November 2026 (Kyiv is UTC+2,
 * New York UTC−5, Los Angeles UTC−8, London UTC+0, Tokyo UTC+9 that day), so the expectations
 * need no time-zone code of their own, and none of the bot's.
 */

export const DAY = "2026-11-17";
export const at = (hhmm: string, day = DAY): number => Date.parse(`${day}T${hhmm}:00Z`);
const MINUTE = 60_000;

/** A wave of the newsroom (demo/newsroom/pages) and what its stories are about, as an editor would tag them. */
export interface Publication {
  wave: number;
  at: number;
  stories: Array<{ title: string; topics: string[] }>;
}

export const PUBLICATIONS: Publication[] = [
  { wave: 1, at: at("04:30"), stories: [{ title: "Shakhtar beats Dynamo with a late goal in the Kyiv derby", topics: ["sport", "kyiv"] }] },
  { wave: 2, at: at("06:20"), stories: [{ title: "China offers to host talks on Black Sea grain shipments", topics: ["china"] }] },
  // The Post's story, which the wire republishes in the same wave: one story, reaching each chat once.
  { wave: 3, at: at("07:40"), stories: [{ title: "Drone strike cuts power to Odesa port, ships wait offshore", topics: ["war-in-ukraine", "odesa"] }] },
  { wave: 4, at: at("09:10"), stories: [{ title: "Kyiv startup begins making home batteries for blackouts", topics: ["technology", "kyiv"] }] },
  { wave: 5, at: at("10:50"), stories: [{ title: "Уряд продовжив програму кредитів на сонячні панелі для домівок", topics: ["energy"] }] },
  { wave: 6, at: at("12:30"), stories: [{ title: "Kharkiv astronomers help track a newly found near-Earth asteroid", topics: ["science", "war-in-ukraine"] }] },
  { wave: 7, at: at("14:10"), stories: [{ title: "Kyiv metro extends evening service during the cold snap", topics: ["kyiv"] }] },
  { wave: 8, at: at("15:20"), stories: [{ title: "Chinese shipping line adds a container route to Odesa", topics: ["china", "odesa"] }] },
  { wave: 9, at: at("17:10"), stories: [{ title: "Українські біатлоністки здобули бронзу в естафеті на етапі Кубка світу", topics: ["sport"] }] },
  { wave: 10, at: at("18:40"), stories: [{ title: "Romania and Ukraine agree to deepen the Danube shipping channel", topics: ["europe"] }] },
  // The outlet marks it urgent in its headline: breaking news, at once even for digest chats.
  { wave: 11, at: at("21:20"), stories: [{ title: "Urgent: strike on a substation cuts power to Kyiv's left bank", topics: ["kyiv"] }] },
];

/** Stories the outlet itself marks as breaking (its headline says so). */
export const isMarkedBreaking = (title: string) => /^Urgent:/.test(title);

/** The first poll reads the sites' backlog (wave 0) at this time, and the day is stepped until END. */
export const SOURCES_ADDED = at("03:50");
export const END = at("23:10");
export const STEP_MS = 10 * MINUTE;

export const BREAKING_AT = at("08:00");
export const BROADCAST_HEADLINE = "Odesa port without power after a drone strike";
export const FIRST_RESTART = at("09:10"); // right after the wave's poll, before anything is sent
export const BLOCK_AT = at("11:00");
export const MIGRATE_AT = at("13:00");
export const SECOND_RESTART = at("15:20");

/** How a chat is set up through /settings, and the same settings as UTC times for the expectations. */
export interface Profile {
  name: string;
  menu: { delivery?: "Hourly digest" | "Daily digest"; digestAt?: string; zone?: string; quiet?: string; breakingOff?: boolean };
  digest?: { hourly: true } | { dailyUtc: string };
  /** Quiet hours in UTC ("HH:MM"), possibly across midnight. */
  quietUtc?: { from: string; to: string };
  breakingThroughQuiet: boolean;
}

export const PROFILES: Profile[] = [
  { name: "instant", menu: {}, breakingThroughQuiet: true },
  { name: "New York nights", menu: { zone: "America/New_York", quiet: "23:00–07:00" }, quietUtc: { from: "04:00", to: "12:00" }, breakingThroughQuiet: true },
  { name: "New York nights, breaking held", menu: { zone: "America/New_York", quiet: "23:00–07:00", breakingOff: true }, quietUtc: { from: "04:00", to: "12:00" }, breakingThroughQuiet: false },
  { name: "Kyiv noon digest", menu: { delivery: "Daily digest", digestAt: "12:00" }, digest: { dailyUtc: "10:00" }, breakingThroughQuiet: true },
  { name: "London evening digest", menu: { delivery: "Daily digest", digestAt: "18:00", zone: "Europe/London" }, digest: { dailyUtc: "18:00" }, breakingThroughQuiet: true },
  { name: "hourly digest", menu: { delivery: "Hourly digest" }, digest: { hourly: true }, breakingThroughQuiet: true },
  { name: "Kyiv nights, breaking held", menu: { quiet: "23:00–07:00", breakingOff: true }, quietUtc: { from: "21:00", to: "05:00" }, breakingThroughQuiet: false },
  { name: "Tokyo nights", menu: { zone: "Asia/Tokyo", quiet: "22:00–07:00" }, quietUtc: { from: "13:00", to: "22:00" }, breakingThroughQuiet: true },
  // Its 07:00 digest falls in its own quiet hours: it waits for them to end.
  { name: "Los Angeles morning digest", menu: { delivery: "Daily digest", digestAt: "07:00", zone: "America/Los_Angeles", quiet: "00:00–08:00" }, digest: { dailyUtc: "15:00" }, quietUtc: { from: "08:00", to: "16:00" }, breakingThroughQuiet: true },
];

/** What the 200 users follow: `nato` has no story today, so its followers get only the broadcast. */
export const TOPIC_SETS = [["kyiv"], ["china"], ["war-in-ukraine"], ["odesa", "sport"], ["energy"], ["europe", "china"], ["sport"], ["nato"], ["kyiv", "war-in-ukraine"], ["science", "technology"]];
export const TOPIC_NAMES: Record<string, string> = {
  kyiv: "Kyiv", china: "China", "war-in-ukraine": "War in Ukraine", odesa: "Odesa", sport: "Sport", energy: "Energy", europe: "Europe", nato: "NATO", science: "Science", technology: "Technology",
};

export interface UserPlan {
  index: number;
  topics: string[];
  /** Even users come from a t.me link (`/start sub_<slug>`) for their first topic; the rest use /topics. */
  deepLink: boolean;
  profile: Profile;
}

export const USERS: UserPlan[] = Array.from({ length: 200 }, (_, index) => ({
  index,
  topics: TOPIC_SETS[index % TOPIC_SETS.length]!,
  deepLink: index % 2 === 0,
  profile: PROFILES[Math.floor(index / 10) % PROFILES.length]!,
}));
/** An instant reader of Kyiv and the war, who blocks the bot at BLOCK_AT. */
export const BLOCKER = 8;

/** One delivery the day calls for: a story (or the broadcast) to a chat, due at `due`. */
export interface Expected {
  headline: string;
  kind: "brief" | "digest" | "broadcast";
  due: number;
}

const minuteOfDay = (t: number) => Math.floor((t % 86_400_000) / MINUTE);
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/** The first moment after `t` (or at it, when `inclusive`) whose UTC clock shows `hhmm`. */
function nextClock(hhmm: string, t: number, inclusive = false): number {
  const midnight = t - (t % 86_400_000);
  const candidate = midnight + minutes(hhmm) * MINUTE;
  if (candidate > t || (inclusive && candidate === t)) return candidate;
  return candidate + 86_400_000;
}

/** When quiet hours hold something due at `t`: the end of them, or `t` itself outside them. */
function afterQuiet(profile: Pick<Profile, "quietUtc">, t: number): number {
  const quiet = profile.quietUtc;
  if (!quiet) return t;
  const m = minuteOfDay(t);
  const [from, to] = [minutes(quiet.from), minutes(quiet.to)];
  const inside = from < to ? m >= from && m < to : m >= from || m < to;
  return inside ? nextClock(quiet.to, t) : t;
}

/** When a story planned at `t` reaches a chat of this profile, and as what. */
export function dueFor(profile: Omit<Profile, "name" | "menu">, t: number, breaking: boolean): { due: number; kind: "brief" | "digest" } {
  if (breaking) return { due: profile.breakingThroughQuiet ? t : afterQuiet(profile, t), kind: "brief" };
  const digest = profile.digest;
  if (digest === undefined) return { due: afterQuiet(profile, t), kind: "brief" };
  const next = "hourly" in digest ? t - (t % (60 * MINUTE)) + 60 * MINUTE : nextClock(digest.dailyUtc, t);
  return { due: afterQuiet(profile, next), kind: "digest" };
}
