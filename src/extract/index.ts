/**
 * Article extraction: page bytes (or text) plus its URL in, an Article out.
 * Pure and synchronous; never throws — a page that cannot be read gives an
 * empty article with the reason.
 */
import type { Article, ExtractResult } from "./article.ts";
import { readMetadata } from "./metadata.ts";
import { cleanPage } from "./clean.ts";
import { decodePage } from "./decode.ts";
import { listElements, parseStripped } from "./dom.ts";
import { stripNeverText, stripNeverTextBytes } from "./strip.ts";
import { readJsonLd } from "./jsonld.ts";
import { extractBody } from "./body.ts";
import { extractRelatedLinks } from "./related.ts";
import { computeStats } from "./stats.ts";
import { configureHints } from "./boilerplate.ts";
import { withRules, type ExtractRules } from "./rules.ts";

export type { Article, ExtractResult, RelatedLink, RelatedLinkKind } from "./article.ts";

export interface ExtractOptions {
  /** The URL the page was fetched from: the base for relative links, and the article URL when the page declares none. */
  url?: string;
  /** The HTTP Content-Type header, for its charset. */
  contentType?: string;
  /** Input beyond this many bytes (or characters, for a string) is cut before parsing. Default 5 MB. */
  maxBytes?: number;
  /** Internal: rules switched off, for bench/extract-ablation.ts only. */
  rules?: Partial<ExtractRules>;
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

const NEVER_TEXT_CUT = { text: stripNeverText, bytes: stripNeverTextBytes };

export function extractArticle(input: Uint8Array | string, options: ExtractOptions = {}): ExtractResult {
  const maxBytes = options.maxBytes !== undefined && options.maxBytes > 0 ? options.maxBytes : DEFAULT_MAX_BYTES;
  let truncated = false;
  const rules = withRules(options.rules);
  configureHints(rules);
  try {
    // Scripts, styles and comments are cut before parsing (strip.ts), from the bytes where the charset allows.
    let html: string;
    if (typeof input === "string") {
      truncated = input.length > maxBytes;
      html = stripNeverText(truncated ? input.slice(0, maxBytes) : input);
    } else {
      truncated = input.length > maxBytes;
      html = decodePage(truncated ? input.subarray(0, maxBytes) : input, options.contentType, NEVER_TEXT_CUT, rules.utf8OverDeclaredSingleByte).html;
    }
    return extractFromHtml(html, options.url, truncated, rules);
  } catch (error) {
    // Never reached on any page we know of; the promise to callers is that one bad page cannot stop a batch.
    return {
      article: emptyArticle(options.url),
      truncated,
      emptyReason: `extraction failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function extractFromHtml(strippedHtml: string, url: string | undefined, truncated: boolean, rules: ExtractRules): ExtractResult {
  const root = parseStripped(strippedHtml, rules.repairMarkup);
  const head = cleanPage(root);
  const elements = listElements(root);
  const stats = computeStats(elements);
  const ld = readJsonLd(head.jsonLd);
  const metadata = readMetadata(elements, stats, head, ld, url);
  const body = extractBody(root, stats, metadata.title, ld, rules);
  const links = extractRelatedLinks(elements, stats, body.containers, metadata.url || url || "");
  const article: Article = { ...dropUndefined(metadata), articleBody: body.text, links };
  const result: ExtractResult = { article, truncated };
  if (body.emptyReason) result.emptyReason = body.emptyReason;
  return result;
}

function emptyArticle(url: string | undefined): Article {
  return { url: url ?? "", title: "", authors: [], tags: [], articleBody: "", links: [] };
}

/** Leaves optional fields out rather than present-but-undefined, so the JSON is clean. */
function dropUndefined<T extends object>(value: T): T {
  const out = {} as T;
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] !== undefined) out[key] = value[key];
  }
  return out;
}
