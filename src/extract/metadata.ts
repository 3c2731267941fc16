/**
 * The article's metadata: the first trustworthy source wins, in the order a
 * publisher's own declarations are most reliable — JSON-LD, then OpenGraph /
 * article:* / Dublin Core / Parse.ly meta tags, then what the page shows
 * (the `<h1>`, the byline, `<time>` elements). Reads only the cleaned tree, so
 * hidden text cannot end up here.
 */
import { attr, classOf, forEachElement, isElement, plainText, tagOf } from "./dom.ts";
import type { Article } from "./article.ts";
import type { HTMLElement } from "./dom.ts";
import type { PageHead } from "./clean.ts";
import { toIsoDate } from "./dates.ts";
import type { JsonLdArticle } from "./jsonld.ts";
import { hintString } from "./boilerplate.ts";
import { descendantCount } from "./stats.ts";
import type { StatsMap } from "./stats.ts";
import { resolveUrl } from "./urls.ts";

/** Everything the page says about its article except the body and the related links. */
export type PageMetadata = Omit<Article, "articleBody" | "links">;

/** What the visible page shows, gathered in one walk. */
interface VisibleHints {
  h1s: string[];
  bylines: string[];
  authorElements: string[];
  publishedTimes: string[];
  modifiedTimes: string[];
  times: string[];
}

/** @param elements every element in document order (dom.ts `listElements`). */
export function readMetadata(elements: HTMLElement[], stats: StatsMap, head: PageHead, ld: JsonLdArticle | undefined, pageUrl: string | undefined): PageMetadata {
  const meta = (...keys: string[]): string | undefined => {
    for (const key of keys) {
      const value = head.meta.get(key)?.find((v) => v.trim() !== "");
      if (value !== undefined) return value.trim();
    }
    return undefined;
  };
  const visible = readVisibleHints(elements, stats);

  const base = pageUrl;
  const canonical = head.links.get("canonical")?.[0] ?? meta("og:url") ?? ld?.url;
  const url = resolveUrl(canonical, base) ?? resolveUrl(base, undefined) ?? "";

  // A Twitter handle ("@Wday_") is not a name: without a declared one, readers see the host.
  const siteName = siteNameOf(meta("og:site_name", "application-name") ?? ld?.publisher);
  const title = chooseTitle(visible.h1s, ld?.headline, meta("og:title", "twitter:title", "sailthru.title", "parsely-title", "dc.title"), head.title, siteName);

  const authors = chooseAuthors(ld, meta, visible);
  const visibleByline = visible.bylines[0];
  const byline = visibleByline ?? (authors.length > 0 ? authors.join(", ") : undefined);

  const published =
    firstDate(ld?.datePublished, meta("article:published_time", "og:published_time", "datepublished", "published_time", "article.published", "article:published", "pubdate", "publishdate", "publish-date", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.created", "dc.date", "date", "cxenseparse:recs:publishtime"), ...visible.publishedTimes, visible.times[0], ...publishedLikeMeta(head));
  const modified = firstDate(ld?.dateModified, meta("article:modified_time", "og:updated_time", "datemodified", "modified_time", "last-modified", "dcterms.modified", "article.updated"), ...visible.modifiedTimes);

  const section = ld?.section ?? meta("article:section", "parsely-section", "section", "sailthru.section", "article.section", "cxenseparse:recs:category");

  const tagSources = [...(head.meta.get("article:tag") ?? []), ...(ld?.keywords ?? [])];
  if (tagSources.length === 0) {
    const keywords = meta("news_keywords", "keywords", "parsely-tags", "sailthru.tags");
    if (keywords) tagSources.push(...keywords.split(/[,;]/));
  }
  const tags = dedupe(tagSources.map((t) => t.trim()).filter((t) => t.length > 0 && t.length <= 80)).slice(0, 30);

  const image = resolveUrl(meta("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src") ?? ld?.image, url || base);
  const description = meta("og:description", "description", "twitter:description", "dc.description") ?? ld?.description;
  const lang = normalizeLang(head.lang ?? ld?.inLanguage ?? meta("og:locale", "content-language", "language", "dc.language"));

  return {
    url,
    title,
    byline,
    authors,
    published,
    modified,
    lang,
    section,
    tags,
    image,
    description,
    siteName,
  };
}

/** Every attribute word the hints below look at: an element without any of them is only walked through. */
const MAYBE_HINT_ATTRIBUTE = /itemprop|rel|byline|by-line|author/i;

function readVisibleHints(elements: HTMLElement[], stats: StatsMap): VisibleHints {
  const hints: VisibleHints = { h1s: [], bylines: [], authorElements: [], publishedTimes: [], modifiedTimes: [], times: [] };
  forEachElement(elements, (el) => descendantCount(el, stats), (el) => {
    const tag = tagOf(el);
    if (tag === "h1") {
      const text = plainText(el);
      if (text && !isLogoHeading(el, stats)) hints.h1s.push(text);
      return false;
    }
    if (tag !== "time" && !MAYBE_HINT_ATTRIBUTE.test(el.rawAttrs)) return true;
    const itemprop = attr(el, "itemprop")?.toLowerCase();
    if (itemprop === "datepublished" || itemprop === "datecreated") {
      const value = attr(el, "datetime") ?? attr(el, "content") ?? plainText(el);
      if (value) hints.publishedTimes.push(value);
    } else if (itemprop === "datemodified") {
      const value = attr(el, "datetime") ?? attr(el, "content") ?? plainText(el);
      if (value) hints.modifiedTimes.push(value);
    }
    if (tag === "time") {
      const value = attr(el, "datetime") ?? plainText(el);
      if (value) {
        if (attr(el, "pubdate") !== undefined) hints.publishedTimes.push(value);
        hints.times.push(value);
      }
      return false;
    }
    const rel = attr(el, "rel");
    const isAuthorLink = tag === "a" && rel !== undefined && /\bauthor\b/i.test(rel);
    if (isAuthorLink || itemprop === "author") {
      const name = cleanByline(plainText(el));
      if (name) hints.authorElements.push(name);
      return false;
    }
    if (/byline|by-line|author/i.test(el.rawAttrs) && /(?:^|[\s_-])(?:byline|by-line|author-name|article-author|post-author|c-byline)(?:$|[\s_-])/i.test(classOf(el))) {
      const text = cleanByline(plainText(el));
      if (text && text.length <= 120) hints.bylines.push(text);
      return false;
    }
    return true;
  });
  return hints;
}

/** An `<h1>` that is the site's logo: all its text is a link to the site's home page. */
function isLogoHeading(h1: HTMLElement, stats: StatsMap): boolean {
  // Named as the site's title or logo, or inside a link home ("<a href="/"><h1>Site</h1></a>").
  if (/(?:^| )(?:logo|brand|branding|masthead|site (?:title|name|logo)|sitename|sitetitle)(?= |$)/.test(hintString(h1))) return true;
  for (let p = h1.parentNode, level = 0; p && level < 3; p = p.parentNode, level++) if (tagOf(p) === "a" && isHomeLink(p)) return true;
  const s = stats.get(h1);
  if (!s || s.chars === 0 || s.linkChars < s.chars) return false;
  const stack: HTMLElement[] = [h1];
  let links = 0;
  while (stack.length > 0) {
    const el = stack.pop() as HTMLElement;
    if (tagOf(el) === "a") {
      if (!isHomeLink(el)) return false;
      links++;
      continue;
    }
    for (const child of el.childNodes) if (isElement(child)) stack.push(child);
  }
  return links > 0;
}

/** A link to a site's root ("/", "./", "index.html", "https://example.com/"). */
function isHomeLink(a: HTMLElement): boolean {
  const href = attr(a, "href")?.trim();
  if (href === undefined) return false;
  return /^(?:(?:https?:)?\/\/[^/?#]+)?\/?(?:index\.\w+)?(?:[?#].*)?$/i.test(href) || href === "./";
}

/** "By Jane Doe and John Roe, Reuters | Updated 5m ago" → "Jane Doe and John Roe, Reuters". */
export function cleanByline(text: string): string | undefined {
  const cleaned = text
    .replace(/^(?:by|written by|von|por|par|di|автор:?)\s+/i, "")
    .replace(/\s*(?:\||•|·|—|–)\s*(?:updated|published|posted).*$/i, "")
    .replace(/\s+/g, " ")
    .trim();
  return cleaned.length >= 2 && cleaned.length <= 200 ? cleaned : undefined;
}

function chooseAuthors(ld: JsonLdArticle | undefined, meta: (...keys: string[]) => string | undefined, visible: VisibleHints): string[] {
  if (ld && ld.authors.length > 0) return ld.authors;
  const fromMeta = meta("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl", "twitter:creator");
  if (fromMeta && !/^https?:\/\//.test(fromMeta)) {
    return dedupe(fromMeta.replace(/^by\s+/i, "").split(/\s*(?:,|\band\b|&)\s*/i).map((a) => a.trim()).filter(Boolean));
  }
  if (visible.authorElements.length > 0) return dedupe(visible.authorElements);
  const byline = visible.bylines[0];
  if (byline) return dedupe(byline.split(/\s*(?:,|\band\b|&)\s*/i).map((a) => a.trim()).filter((a) => a.length > 1 && a.length < 60));
  return [];
}

/**
 * The headline: a visible `<h1>` that the declared titles confirm, else the
 * declared headline, else the `<title>` without the site's name.
 */
function chooseTitle(h1s: string[], ldHeadline: string | undefined, metaTitle: string | undefined, docTitle: string | undefined, siteName: string | undefined): string {
  const declared = [ldHeadline, metaTitle, docTitle].filter((t): t is string => Boolean(t)).map((t) => t.replace(/\s+/g, " ").trim());
  const declaredKeys = h1s.length > 0 ? declared.map(normalizeForCompare) : [];
  for (const h1 of h1s) {
    const key = normalizeForCompare(h1);
    if (key.length >= 8 && declaredKeys.some((d) => d.includes(key))) return h1;
  }
  if (ldHeadline) return ldHeadline;
  if (metaTitle) return stripSiteName(metaTitle, siteName);
  if (h1s.length === 1 && h1s[0]) return h1s[0];
  if (docTitle) return stripSiteName(docTitle.replace(/\s+/g, " ").trim(), siteName);
  return h1s[0] ?? "";
}

/** "Headline | Kyiv Post" → "Headline"; keeps the longest part when the site name is unknown. */
export function stripSiteName(title: string, siteName: string | undefined): string {
  const parts = title.split(/\s+(?:\||-|–|—|::|»|«|·|•|\/)\s+/);
  if (parts.length < 2) return title.trim();
  if (siteName) {
    const site = normalizeForCompare(siteName);
    const kept = parts.filter((p) => normalizeForCompare(p) !== site && !site.includes(normalizeForCompare(p)));
    if (kept.length > 0 && kept.length < parts.length) return kept.join(" - ").trim();
  }
  // Site names sit at one end; the headline is the long part.
  const first = parts[0] as string;
  const last = parts[parts.length - 1] as string;
  return (first.length >= last.length ? parts.slice(0, -1) : parts.slice(1)).join(" - ").trim();
}

function normalizeForCompare(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * Any other `<meta>` whose name says it is the publication date ("sn-post-date", "pdate",
 * "article.created"), in document order: sites name it every way; none says "modified".
 */
function publishedLikeMeta(head: PageHead): string[] {
  const values: string[] = [];
  for (const [key, list] of head.meta) {
    if (/modif|updat|expir|revis/.test(key)) continue;
    if (/(?:^|[^a-z])(?:p|pub|post|publish|published|publication|created|issued|release)[-_.:]?(?:date|time|day)(?:$|[^a-z])|(?:^|[^a-z])date[-_.:]?(?:published|created|posted|issued)/.test(key)) values.push(...list);
  }
  return values;
}

/** The site's declared name; a URL given as the name becomes its host. */
function siteNameOf(value: string | undefined): string | undefined {
  const name = value?.trim();
  // A handle ("@politifact") is not a name: without one, readers see the host.
  if (!name || name.startsWith("@")) return undefined;
  if (/^(?:https?:)?\/\//i.test(name) || /^www\./i.test(name)) {
    try {
      return new URL(name.startsWith("http") ? name : `https://${name.replace(/^\/\//, "")}`).hostname.replace(/^www\./, "");
    } catch {
      return undefined;
    }
  }
  return name;
}

function firstDate(...values: Array<string | undefined>): string | undefined {
  for (const value of values) {
    const iso = toIsoDate(value);
    if (iso) return iso;
  }
  return undefined;
}

function normalizeLang(lang: string | undefined): string | undefined {
  if (!lang) return undefined;
  const cleaned = lang.trim().replace(/_/g, "-");
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(cleaned)) return undefined;
  const [primary, ...rest] = cleaned.split("-");
  return [primary?.toLowerCase(), ...rest.map((r) => (r.length === 2 ? r.toUpperCase() : r))].join("-");
}

function dedupe(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const key = value.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}
