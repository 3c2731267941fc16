/**
 * How /related reads a page it does not have: fetched through the guarded HTTP client (so a
 * link to a private address, and every redirect hop, is refused before any connection), then
 * extracted. The bot takes this as a dependency (BotDeps.fetchArticle); its errors say why in
 * the terms the bot answers in.
 */
import { extractArticle, type Article } from "../extract/index.ts";
import { FetchError, type FetchFailure, type HttpClient } from "../ingest/http/index.ts";

export type FetchArticleFailure = "bad-url" | "private-address" | "unreachable" | "not-article";

export class FetchArticleError extends Error {
  constructor(
    message: string,
    readonly reason: FetchArticleFailure,
  ) {
    super(message);
    this.name = "FetchArticleError";
  }
}

/** Fetches and extracts one page; throws FetchArticleError. */
export type FetchArticle = (url: string) => Promise<Article>;

/** Article pages are HTML; a PDF or an image is "not an article" to /related. */
const PAGE_TYPES = /^(?:text\/html|application\/xhtml\+xml)$/;

const REASONS: Record<FetchFailure, FetchArticleFailure> = {
  "invalid-url": "bad-url",
  blocked: "private-address",
  "unsupported-type": "not-article",
  timeout: "unreachable",
  network: "unreachable",
  "http-status": "unreachable",
  "too-many-redirects": "unreachable",
  aborted: "unreachable",
};

export function createFetchArticle(http: HttpClient): FetchArticle {
  return async (url) => {
    try {
      const page = await http.request(url, { accept: "text/html,application/xhtml+xml;q=0.9", allowedTypes: PAGE_TYPES });
      const { article } = extractArticle(page.bytes, { url: page.url, ...(page.contentType ? { contentType: page.contentType } : {}) });
      if (!article.title.trim() && !article.articleBody.trim()) throw new FetchArticleError(`no article on ${url}`, "not-article");
      return article;
    } catch (error) {
      if (error instanceof FetchError) throw new FetchArticleError(error.message, REASONS[error.reason]);
      throw error;
    }
  };
}
