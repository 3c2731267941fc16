/** Feed links are often relative: to xml:base (item, then feed), else to the feed's own URL. */
import { resolveUrl } from "../../extract/urls.ts";

/**
 * The base for links inside an element: its xml:base resolved against the
 * enclosing base. A base that does not resolve leaves the enclosing one.
 */
export function nestedBase(xmlBase: string | undefined, outer: string | undefined): string | undefined {
  if (!xmlBase?.trim()) return outer;
  try {
    return (outer ? new URL(xmlBase.trim(), outer) : new URL(xmlBase.trim())).href;
  } catch {
    return outer;
  }
}

/** An absolute http(s) URL, or undefined. */
export function absoluteUrl(href: string | undefined, base: string | undefined): string | undefined {
  const url = resolveUrl(href, base);
  return url && /^https?:/i.test(url) ? url : undefined;
}

/** Absolute, de-duplicated URLs in first-seen order. */
export function uniqueUrls(hrefs: Iterable<string | undefined>, base: string | undefined): string[] {
  const out = new Set<string>();
  for (const href of hrefs) {
    const url = absoluteUrl(href, base);
    if (url) out.add(url);
  }
  return [...out];
}

/** A guid that is itself a web address (RSS permalink guids, Atom ids that are URLs). */
export function urlLike(value: string | undefined): string | undefined {
  return value && /^https?:\/\//i.test(value.trim()) ? value.trim() : undefined;
}
