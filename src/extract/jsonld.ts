/**
 * Reads schema.org JSON-LD: finds the page's article object (NewsArticle,
 * BlogPosting, LiveBlogPosting…, also inside `@graph` and arrays) and the
 * fields we use. Publishers' JSON is often sloppy (raw newlines in strings,
 * HTML inside values), so parsing is forgiving and every value is checked.
 */
import { collapseWhitespace, decodeEntities } from "./dom.ts";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface JsonLdArticle {
  type: string;
  headline?: string;
  authors: string[];
  datePublished?: string;
  dateModified?: string;
  section?: string;
  keywords: string[];
  image?: string;
  description?: string;
  articleBody?: string;
  inLanguage?: string;
  url?: string;
  publisher?: string;
  /** Live blogs: the updates, newest first as published. */
  liveUpdates: Array<{ headline?: string; body?: string; datePublished?: string }>;
}

const ARTICLE_TYPES = new Set([
  "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
  "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "blogposting", "liveblogposting",
  "socialmediaposting", "report", "techarticle", "scholarlyarticle", "satiricalarticle", "posting",
]);

/** Objects that describe something other than the page: the site, its owner, its navigation, people. */
const NOT_THE_PAGE = new Set(["website", "organization", "newsmediaorganization", "person", "breadcrumblist", "searchaction", "imageobject", "videoobject", "sitenavigationelement", "listitem"]);

export function readJsonLd(scripts: string[]): JsonLdArticle | undefined {
  const objects: JsonObject[] = [];
  for (const script of scripts) {
    const parsed = parseLenient(script);
    if (parsed !== undefined) collectObjects(parsed, objects, 0);
  }
  const articles = objects.filter((o) => typesOf(o).some((t) => ARTICLE_TYPES.has(t)));
  // The richest article object: the one with a body, else a headline.
  // Without an article object, the page's own entity (a ClaimReview, a WebPage) still dates and names the page.
  const pageEntity = objects.find((o) => !typesOf(o).some((t) => NOT_THE_PAGE.has(t)) && (typeof o["datePublished"] === "string" || typeof o["headline"] === "string"));
  const chosen =
    articles.find((o) => typeof o["articleBody"] === "string") ??
    articles.find((o) => typeof o["headline"] === "string") ??
    articles[0] ??
    pageEntity;
  if (!chosen) return undefined;
  return toArticle(chosen);
}

function parseLenient(text: string): Json | undefined {
  const trimmed = text.trim().replace(/^<!--|-->$/g, "").replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, "");
  if (!trimmed) return undefined;
  try {
    return JSON.parse(trimmed) as Json;
  } catch {
    try {
      // Raw control characters inside strings are the usual breakage.
      return JSON.parse(trimmed.replace(/[\u0000-\u001f]+/g, " ")) as Json;
    } catch {
      return undefined;
    }
  }
}

function collectObjects(value: Json, into: JsonObject[], depth: number): void {
  if (depth > 8 || value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const item of value) collectObjects(item, into, depth + 1);
    return;
  }
  into.push(value);
  const graph = value["@graph"];
  if (graph !== undefined) collectObjects(graph, into, depth + 1);
  const main = value["mainEntity"];
  if (main && typeof main === "object") collectObjects(main, into, depth + 1);
}

function typesOf(o: JsonObject): string[] {
  const t = o["@type"];
  if (typeof t === "string") return [t.toLowerCase()];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === "string").map((x) => x.toLowerCase());
  return [];
}

function toArticle(o: JsonObject): JsonLdArticle {
  const liveUpdates: JsonLdArticle["liveUpdates"] = [];
  const updates = o["liveBlogUpdate"];
  for (const update of Array.isArray(updates) ? updates : updates ? [updates] : []) {
    if (!update || typeof update !== "object" || Array.isArray(update)) continue;
    liveUpdates.push({
      headline: text(update["headline"]),
      body: bodyText(update["articleBody"]),
      datePublished: text(update["datePublished"]),
    });
  }
  return {
    type: typesOf(o)[0] ?? "article",
    headline: text(o["headline"]) ?? text(o["name"]),
    authors: names(o["author"]),
    datePublished: text(o["datePublished"]) ?? text(o["dateCreated"]),
    dateModified: text(o["dateModified"]),
    section: list(o["articleSection"])[0],
    keywords: list(o["keywords"]).flatMap((k) => k.split(",")).map((k) => k.trim()).filter(Boolean),
    image: imageUrl(o["image"]) ?? imageUrl(o["thumbnailUrl"]),
    description: text(o["description"]),
    articleBody: bodyText(o["articleBody"]),
    inLanguage: text(o["inLanguage"]),
    url: text(o["url"]) ?? idOf(o["mainEntityOfPage"]),
    publisher: names(o["publisher"])[0],
    liveUpdates,
  };
}

function text(value: Json | undefined): string | undefined {
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return undefined;
  const cleaned = collapseWhitespace(decodeEntities(value.replace(/<[^>]*>/g, " ")));
  return cleaned || undefined;
}

/** Keeps the paragraph breaks of a body given as text or as HTML. */
function bodyText(value: Json | undefined): string | undefined {
  if (typeof value !== "string") return undefined;
  const withBreaks = value
    .replace(/<\/(?:p|div|h[1-6]|li|blockquote)>|<br\s*\/?>/gi, "\n\n")
    .replace(/<[^>]*>/g, "");
  const paragraphs = decodeEntities(withBreaks)
    .split(/\n\s*\n|\r\n\s*\r\n/)
    .map((p) => p.replace(/[\s\u00a0]+/g, " ").trim())
    .filter(Boolean);
  return paragraphs.length > 0 ? paragraphs.join("\n\n") : undefined;
}

function list(value: Json | undefined): string[] {
  if (Array.isArray(value)) return value.map((v) => text(v)).filter((v): v is string => v !== undefined);
  const single = text(value);
  return single ? [single] : [];
}

function names(value: Json | undefined): string[] {
  const out: string[] = [];
  for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
    const name = typeof item === "string" ? text(item) : item && typeof item === "object" && !Array.isArray(item) ? text(item["name"]) : undefined;
    if (name && !/^https?:\/\//.test(name) && !out.includes(name)) out.push(name);
  }
  return out;
}

function imageUrl(value: Json | undefined): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const url = imageUrl(item);
      if (url) return url;
    }
    return undefined;
  }
  if (value && typeof value === "object") return text(value["url"]) ?? text(value["contentUrl"]);
  return undefined;
}

function idOf(value: Json | undefined): string | undefined {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && !Array.isArray(value)) return text(value["@id"]) ?? text(value["url"]);
  return undefined;
}
