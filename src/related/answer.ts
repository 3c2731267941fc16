/**
 * What /related answers, in order: the same story from other outlets (its story group), then
 * related stories — the links the page itself offered ("More on China", "Read Next") and the
 * archive's most similar stories — never the story itself, never one link twice.
 */

export type RelatedSection = "same-story" | "related";

export interface StoryLink {
  url: string;
  title: string;
  /** The outlet's name; the link's host when unknown. */
  source: string | null;
  /** ISO 8601, when known. */
  publishedAt: string | null;
}

export interface RelatedItem extends StoryLink {
  section: RelatedSection;
}

export interface RelatedParts {
  /** The story the user asked about (its URL), to leave out. */
  story: { url: string } | null;
  /** Other outlets' copies of the story, in the order to show. */
  sameStory: readonly StoryLink[];
  /** The page's own related links, in the order to show. */
  pageLinks: readonly StoryLink[];
  /** The archive's most similar stories, best first. */
  similar: readonly StoryLink[];
}

export function composeRelated(parts: RelatedParts): RelatedItem[] {
  const seen = new Set<string>();
  if (parts.story) seen.add(urlKey(parts.story.url));
  const items: RelatedItem[] = [];
  const add = (links: readonly StoryLink[], section: RelatedSection) => {
    for (const link of links) {
      const key = urlKey(link.url);
      if (seen.has(key) || !link.title.trim()) continue;
      seen.add(key);
      items.push({ ...link, section });
    }
  };
  add(parts.sameStory, "same-story");
  add(parts.pageLinks, "related");
  add(parts.similar, "related");
  return items;
}

/**
 * One story however its link is written: no scheme, "www.", fragment or trailing slash. A port
 * other than the scheme's own is another site (two outlets on one host), so it stays.
 */
export function urlKey(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.toLowerCase().replace(/^www\./, "");
    const path = parsed.pathname.replace(/\/+$/, "");
    return `${host}${parsed.port ? `:${parsed.port}` : ""}${path}${parsed.search}`;
  } catch {
    return url.trim();
  }
}

/** The host a link points to, as the source of a link whose outlet is unknown. */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

/** One page of a list, and how many pages there are. */
export function pageOf<T>(items: readonly T[], page: number, size: number): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const clamped = Math.min(Math.max(0, page), pages - 1);
  return { items: items.slice(clamped * size, (clamped + 1) * size), page: clamped, pages };
}
