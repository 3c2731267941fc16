/**
 * What the source commands show: one source's state, a page of /sources, the preview of a feed
 * before it is added, and why a URL was refused. Text only (Telegram HTML); no grammY.
 */
import { escapeHtml } from "../../brief/index.ts";
import type { Locale, Translate } from "../../i18n/locales.ts";
import { FeedParseError } from "../../ingest/feeds/index.ts";
import { FetchError } from "../../ingest/http/index.ts";
import { SourceError, type SourcePreview } from "../../ingest/sources.ts";
import type { SourceRecord } from "../../store/index.ts";
import { SOURCES_PER_PAGE } from "../keyboards/sources.ts";

/** Long URLs and headlines are cut so that a page of eight sources stays far below 4096 characters. */
const MAX_URL_CHARS = 120;
const MAX_TITLE_CHARS = 140;
const MAX_ERROR_CHARS = 200;

export interface ViewOptions {
  t: Translate;
  locale: Locale;
  /** The chat's time zone, for "since when". */
  timeZone: string;
}

export function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function formatTime(iso: string, options: Pick<ViewOptions, "locale" | "timeZone">): string {
  return new Intl.DateTimeFormat(options.locale, {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: options.timeZone,
    timeZoneName: "short",
  }).format(new Date(iso));
}

/** ok, failing (why, since when), paused, or not polled yet. */
export function sourceState(source: SourceRecord, options: ViewOptions): string {
  const { t } = options;
  if (!source.enabled) {
    return source.lastPolledAt ? t("sources-state-paused-polled", { time: formatTime(source.lastPolledAt, options) }) : t("sources-state-paused");
  }
  if (source.failingSince && source.lastError) {
    return t("sources-state-failing", {
      since: formatTime(source.failingSince, options),
      failures: source.failures,
      error: escapeHtml(cut(source.lastError, MAX_ERROR_CHARS)),
    });
  }
  if (source.lastPolledAt) return t("sources-state-ok", { time: formatTime(source.lastPolledAt, options) });
  return t("sources-state-new");
}

export function sourceEntry(source: SourceRecord, stories: number, options: ViewOptions): string {
  const { t } = options;
  // Under a minute only where asked for (the demo, a CLI --interval): "every 0 min" would say nothing.
  const every = source.pollIntervalS < 60 ? t("sources-every-seconds", { seconds: source.pollIntervalS }) : t("sources-every", { minutes: Math.round(source.pollIntervalS / 60) });
  const details = [every, t("sources-stories", { count: stories })];
  if (source.websub) details.push(t("sources-push"));
  return [
    `<b>#${source.id} ${escapeHtml(source.name)}</b>`,
    `${escapeHtml(cut(source.feedUrl, MAX_URL_CHARS))} · ${details.join(" · ")}`,
    sourceState(source, options),
  ].join("\n");
}

/** The sources one page of /sources shows. */
export function onPage(sources: readonly SourceRecord[], page: number): SourceRecord[] {
  return sources.slice(page * SOURCES_PER_PAGE, (page + 1) * SOURCES_PER_PAGE);
}

/** One page of /sources: a summary line, then the page's sources with their stories stored. */
export function sourcesPage(sources: readonly SourceRecord[], page: number, stories: ReadonlyMap<number, number>, options: ViewOptions): string {
  const { t } = options;
  if (sources.length === 0) return t("sources-empty");
  const pages = Math.max(1, Math.ceil(sources.length / SOURCES_PER_PAGE));
  const failing = sources.filter((s) => s.enabled && s.failingSince !== null).length;
  const paused = sources.filter((s) => !s.enabled).length;
  const header = t("sources-header", { count: sources.length, failing, paused, page: page + 1, pages });
  return [header, ...onPage(sources, page).map((source) => sourceEntry(source, stories.get(source.id) ?? 0, options))].join("\n\n");
}

export function previewText(found: SourcePreview, options: ViewOptions): string {
  const { t } = options;
  const lines = [
    t("sources-preview-found", { name: escapeHtml(found.name) }),
    t("sources-preview-feed", { url: escapeHtml(cut(found.feedUrl, MAX_URL_CHARS)), format: FORMAT_NAMES[found.format] ?? found.format, items: found.itemCount }),
  ];
  if (found.siteUrl) lines.push(t("sources-preview-site", { url: escapeHtml(cut(found.siteUrl, MAX_URL_CHARS)) }));
  if (found.language) lines.push(t("sources-preview-language", { language: escapeHtml(found.language) }));
  lines.push(found.push ? t("sources-preview-push-yes") : t("sources-preview-push-no"));
  if (found.latestTitles.length > 0) {
    lines.push("", t("sources-preview-latest"), ...found.latestTitles.map((title) => `• ${escapeHtml(cut(title, MAX_TITLE_CHARS))}`));
  }
  lines.push("", t("sources-preview-question"));
  return lines.join("\n");
}

const FORMAT_NAMES: Record<string, string> = { rss: "RSS 2.0", rdf: "RSS 1.0 (RDF)", atom: "Atom", json: "JSON Feed" };

/**
 * Why a URL gives no source, in the admin's language. Errors that are not about the URL (a bug,
 * the database) are not explained here: undefined, and the caller lets them reach the error boundary.
 */
export function refusalReason(error: unknown, t: Translate): string | undefined {
  if (error instanceof FetchError) {
    switch (error.reason) {
      case "blocked":
        return t("sources-reason-blocked");
      case "invalid-url":
        return t("sources-reason-invalid-url");
      case "timeout":
        return t("sources-reason-timeout");
      case "http-status":
        return t("sources-reason-http-status", { status: error.status ?? 0 });
      case "unsupported-type":
        return t("sources-reason-unsupported-type");
      case "too-many-redirects":
        return t("sources-reason-redirects");
      default:
        // network, aborted, and any reason added later: the client's own line says what happened.
        return t("sources-reason-network", { detail: escapeHtml(cut(error.message, MAX_ERROR_CHARS)) });
    }
  }
  if (error instanceof SourceError) return t("sources-reason-no-feed");
  if (error instanceof FeedParseError) return t("sources-reason-bad-feed", { detail: escapeHtml(cut(error.message, MAX_ERROR_CHARS)) });
  return undefined;
}
