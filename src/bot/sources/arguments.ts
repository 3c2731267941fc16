/** The arguments of the source commands, read as an admin types them. */

export type UrlArgument = { ok: true; url: string } | { ok: false; problem: "missing" | "scheme" | "invalid" | "credentials" };

/**
 * A feed or page URL. Admins paste `example.com/news` as often as a full URL: without a scheme it
 * is taken as https. Other schemes (ftp:, file:, javascript:) are refused before anything is fetched.
 */
export function parseSourceUrl(text: string): UrlArgument {
  const typed = text.trim().replace(/^<(.*)>$/, "$1");
  if (typed === "") return { ok: false, problem: "missing" };
  if (/\s/.test(typed)) return { ok: false, problem: "invalid" };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(typed)?.[1]?.toLowerCase();
  // "localhost:8080/feed" has no scheme either: a scheme is followed by "//" or is not a bare port.
  const hasScheme = scheme !== undefined && !/^[a-z0-9.-]+:\d+(?:[/?#]|$)/i.test(typed);
  if (hasScheme && scheme !== "http" && scheme !== "https") return { ok: false, problem: "scheme" };
  const candidate = hasScheme ? typed : `https://${typed}`;
  if (!URL.canParse(candidate)) return { ok: false, problem: "invalid" };
  const url = new URL(candidate);
  if (url.hostname === "") return { ok: false, problem: "invalid" };
  // A password in a feed URL would be stored, listed in /sources and exported in OPML.
  if (url.username !== "" || url.password !== "") return { ok: false, problem: "credentials" };
  return { ok: true, url: url.href };
}

/** A source id as /sources shows it: `3` or `#3`. */
export function parseSourceId(text: string): number | undefined {
  const match = /^#?(\d{1,9})$/.exec(text.trim());
  const id = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
