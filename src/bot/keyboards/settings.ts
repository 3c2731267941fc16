/** The /settings menu: the main page and one page per choice, every value from a fixed list. */
import { InlineKeyboard } from "grammy";
import { SUPPORTED_LOCALES, isSupportedLocale, type Locale } from "../../i18n/locales.ts";
import type { ChatSettings, QuietHours } from "../../store/index.ts";
import { callbackCodec } from "../callback-data.ts";
import { encodeScopeRef, parseScopeRef } from "../subscriptions/callback-parts.ts";
import type { Translate } from "../../i18n/locales.ts";

export const DIGEST_TIMES = ["06:00", "07:00", "08:00", "09:00", "12:00", "18:00", "20:00", "22:00"] as const;
export const COMMON_TIME_ZONES = [
  "Europe/Kyiv",
  "Europe/Warsaw",
  "Europe/Berlin",
  "Europe/London",
  "America/New_York",
  "America/Los_Angeles",
  "Asia/Tokyo",
  "UTC",
] as const;
export const QUIET_PRESETS: readonly QuietHours[] = [
  { from: "22:00", to: "07:00" },
  { from: "23:00", to: "07:00" },
  { from: "23:00", to: "08:00" },
  { from: "00:00", to: "08:00" },
];
export const LANGUAGE_NAMES: Record<Locale, string> = { en: "English", uk: "Українська" };

export type DeliveryMode = "instant" | "hourly" | "daily";
type Page = "main" | "delivery" | "zones" | "quiet" | "language";
type Toggle = "breaking" | "previews" | "images";

export type SettingsAction = { remote: number | undefined } & (
  | { op: "open"; page: Page }
  | { op: "toggle"; setting: Toggle }
  | { op: "zone-type" }
  | { op: "mode"; mode: DeliveryMode }
  | { op: "at"; time: string }
  | { op: "zone"; zone: string }
  | { op: "quiet"; hours: QuietHours | null }
  | { op: "locale"; locale: Locale }
);

const PAGES: Record<string, Page> = { m: "main", d: "delivery", z: "zones", q: "quiet", l: "language" };
const TOGGLES: Record<string, Toggle> = { b: "breaking", lp: "previews", im: "images" };
const MODES: readonly DeliveryMode[] = ["instant", "hourly", "daily"];
const compactTime = (time: string) => time.replace(":", "");
const quietCode = (hours: QuietHours | null) => (hours === null ? "off" : `${compactTime(hours.from)}-${compactTime(hours.to)}`);

function encodeAction(a: SettingsAction): string {
  const head = `${encodeScopeRef(a.remote)}:`;
  switch (a.op) {
    case "open":
      return head + Object.keys(PAGES).find((k) => PAGES[k] === a.page);
    case "toggle":
      return head + Object.keys(TOGGLES).find((k) => TOGGLES[k] === a.setting);
    case "zone-type":
      return `${head}zt`;
    case "mode":
      return `${head}dv:${a.mode}`;
    case "at":
      return `${head}at:${compactTime(a.time)}`;
    case "zone":
      return `${head}zv:${a.zone}`;
    case "quiet":
      return `${head}qv:${quietCode(a.hours)}`;
    case "locale":
      return `${head}lv:${a.locale}`;
  }
}

function decodeAction(payload: string): SettingsAction | undefined {
  const [ref, op = "", value, ...extra] = payload.split(":");
  const scope = parseScopeRef(ref);
  if (scope === undefined || extra.length > 0) return undefined;
  const remote = scope.remote;
  if (value === undefined) {
    const page = PAGES[op];
    if (page !== undefined && Object.hasOwn(PAGES, op)) return { remote, op: "open", page };
    const setting = TOGGLES[op];
    if (setting !== undefined && Object.hasOwn(TOGGLES, op)) return { remote, op: "toggle", setting };
    if (op === "zt") return { remote, op: "zone-type" };
    return undefined;
  }
  switch (op) {
    case "dv":
      return MODES.includes(value as DeliveryMode) ? { remote, op: "mode", mode: value as DeliveryMode } : undefined;
    case "at": {
      const time = DIGEST_TIMES.find((t) => compactTime(t) === value);
      return time === undefined ? undefined : { remote, op: "at", time };
    }
    case "zv":
      return (COMMON_TIME_ZONES as readonly string[]).includes(value) ? { remote, op: "zone", zone: value } : undefined;
    case "qv": {
      if (value === "off") return { remote, op: "quiet", hours: null };
      const hours = QUIET_PRESETS.find((h) => quietCode(h) === value);
      return hours === undefined ? undefined : { remote, op: "quiet", hours };
    }
    case "lv":
      return isSupportedLocale(value) ? { remote, op: "locale", locale: value } : undefined;
    default:
      return undefined;
  }
}

export const settingsButton = callbackCodec<SettingsAction>("st", { encode: encodeAction, decode: decodeAction });

export function deliveryMode(settings: ChatSettings): DeliveryMode {
  return settings.delivery === "instant" ? "instant" : settings.digest.every;
}

export function describeDelivery(t: Translate, settings: ChatSettings): string {
  switch (deliveryMode(settings)) {
    case "instant":
      return t("settings-delivery-instant");
    case "hourly":
      return t("settings-delivery-hourly");
    case "daily":
      return t("settings-delivery-daily-at", { time: settings.digest.at });
  }
}

export function describeQuiet(t: Translate, hours: QuietHours | null): string {
  return hours === null ? t("settings-off") : `${hours.from}–${hours.to}`;
}

const onOff = (t: Translate, value: boolean) => (value ? t("settings-on") : t("settings-off"));
const check = (selected: boolean, label: string) => (selected ? `✓ ${label}` : label);

export function settingsMainKeyboard(t: Translate, settings: ChatSettings, locale: Locale, remote: number | undefined): InlineKeyboard {
  const b = (action: SettingsAction) => settingsButton.encode(action);
  return new InlineKeyboard()
    .text(t("settings-button-delivery", { value: describeDelivery(t, settings) }), b({ remote, op: "open", page: "delivery" }))
    .row()
    .text(t("settings-button-zone", { value: settings.timeZone }), b({ remote, op: "open", page: "zones" }))
    .row()
    .text(t("settings-button-quiet", { value: describeQuiet(t, settings.quietHours) }), b({ remote, op: "open", page: "quiet" }))
    .row()
    .text(t("settings-button-breaking", { value: onOff(t, settings.breakingThroughQuiet) }), b({ remote, op: "toggle", setting: "breaking" }))
    .row()
    .text(t("settings-button-previews", { value: onOff(t, settings.linkPreviews) }), b({ remote, op: "toggle", setting: "previews" }))
    .text(t("settings-button-images", { value: onOff(t, settings.images) }), b({ remote, op: "toggle", setting: "images" }))
    .row()
    .text(t("settings-button-language", { value: LANGUAGE_NAMES[locale] }), b({ remote, op: "open", page: "language" }));
}

function withBack(t: Translate, keyboard: InlineKeyboard, remote: number | undefined): InlineKeyboard {
  return keyboard.row().text(t("settings-back"), settingsButton.encode({ remote, op: "open", page: "main" }));
}

export function deliveryKeyboard(t: Translate, settings: ChatSettings, remote: number | undefined): InlineKeyboard {
  const mode = deliveryMode(settings);
  const keyboard = new InlineKeyboard()
    .text(check(mode === "instant", t("settings-delivery-instant")), settingsButton.encode({ remote, op: "mode", mode: "instant" }))
    .row()
    .text(check(mode === "hourly", t("settings-delivery-hourly")), settingsButton.encode({ remote, op: "mode", mode: "hourly" }))
    .row()
    .text(check(mode === "daily", t("settings-delivery-daily")), settingsButton.encode({ remote, op: "mode", mode: "daily" }));
  if (mode === "daily") {
    DIGEST_TIMES.forEach((time, i) => {
      if (i % 4 === 0) keyboard.row();
      keyboard.text(check(settings.digest.at === time, time), settingsButton.encode({ remote, op: "at", time }));
    });
  }
  return withBack(t, keyboard, remote);
}

export function zonesKeyboard(t: Translate, settings: ChatSettings, remote: number | undefined): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  COMMON_TIME_ZONES.forEach((zone, i) => {
    if (i > 0 && i % 2 === 0) keyboard.row();
    keyboard.text(check(settings.timeZone === zone, zone), settingsButton.encode({ remote, op: "zone", zone }));
  });
  keyboard.row().text(t("settings-zone-type"), settingsButton.encode({ remote, op: "zone-type" }));
  return withBack(t, keyboard, remote);
}

export function quietKeyboard(t: Translate, settings: ChatSettings, remote: number | undefined): InlineKeyboard {
  const current = settings.quietHours;
  const keyboard = new InlineKeyboard();
  QUIET_PRESETS.forEach((hours, i) => {
    if (i > 0 && i % 2 === 0) keyboard.row();
    const selected = current !== null && current.from === hours.from && current.to === hours.to;
    keyboard.text(check(selected, describeQuiet(t, hours)), settingsButton.encode({ remote, op: "quiet", hours }));
  });
  keyboard.row().text(check(current === null, t("settings-quiet-off")), settingsButton.encode({ remote, op: "quiet", hours: null }));
  return withBack(t, keyboard, remote);
}

export function languagesKeyboard(t: Translate, current: Locale, remote: number | undefined): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const locale of SUPPORTED_LOCALES) keyboard.text(check(locale === current, LANGUAGE_NAMES[locale]), settingsButton.encode({ remote, op: "locale", locale }));
  return withBack(t, keyboard, remote);
}
