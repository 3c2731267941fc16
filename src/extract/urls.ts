/** URL helpers: resolving page-relative links without ever throwing. */

/** Absolute http(s) URL for `href` against `base`, or undefined when there is none. */
export function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  const trimmed = href.trim();
  if (!trimmed || /^(?:javascript|mailto|tel|data|about):/i.test(trimmed)) return undefined;
  try {
    const url = base ? new URL(trimmed, base) : new URL(trimmed);
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
    return url.href;
  } catch {
    // A relative link with no base is kept as written: better than nothing for a reader.
    return base ? undefined : trimmed.startsWith("/") ? trimmed : undefined;
  }
}

/** The same URL without fragment, for comparing links. */
export function withoutFragment(url: string): string {
  const hash = url.indexOf("#");
  return hash === -1 ? url : url.slice(0, hash);
}

export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return undefined;
  }
}
