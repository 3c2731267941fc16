/**
 * One outlet of the local newsroom: an HTTP site on 127.0.0.1 with an RSS feed (conditional GET
 * by ETag) and article pages in the layout of a real news page (see ../shared/seed/README.md): a
 * "JOIN US ON TELEGRAM" banner, headline, byline, date, a body with "Advertisement" debris and a
 * correction notice, "More on …", "Read Next" and "« Previous / Next »".
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { NewsroomArticle } from "./articles.ts";
import { escapeHtml } from "../../src/brief/index.ts";
import { answerFeed, listenOnLoopback, type LoopbackServer } from "./loopback.ts";

/** An article as one outlet shows it: when it appeared there, and whose it originally was. */
export interface PublishedArticle {
  article: NewsroomArticle;
  published: Date;
  /** The original outlet's name when this is a syndicated copy. */
  originallyBy?: string;
}


export class OutletSite {
  readonly published: PublishedArticle[] = [];
  /** Requests seen, as "METHOD path". */
  readonly requests: string[] = [];
  private version = 0;

  private constructor(
    private readonly server: LoopbackServer,
    readonly origin: string,
    readonly name: string,
  ) {}

  static async start(name: string): Promise<OutletSite> {
    let site: OutletSite | undefined;
    const server = await listenOnLoopback((req, res) => site?.handle(req, res));
    site = new OutletSite(server, server.origin, name);
    return site;
  }

  get feedUrl(): string {
    return `${this.origin}/feed.xml`;
  }

  urlOf(article: NewsroomArticle): string {
    return `${this.origin}/news/${article.slug}`;
  }

  publish(entry: PublishedArticle): void {
    this.published.push(entry);
    this.version++;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? "/", this.origin).pathname;
    this.requests.push(`${req.method} ${path}`);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    if (path === "/feed.xml") return answerFeed(req, res, this.version, () => this.feed());
    if (path === "/") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(this.homePage());
      return;
    }
    const entry = this.published.find((p) => path === `/news/${p.article.slug}`);
    if (!entry) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "last-modified": entry.published.toUTCString() });
    res.end(this.articlePage(entry));
  }

  /** Newest first, a teaser per item (the page has the text), as most news feeds are. */
  feed(): string {
    const items = [...this.published]
      .reverse()
      .map(({ article, published }) => {
        const url = this.urlOf(article);
        return `<item><title>${escapeHtml(article.title)}</title><link>${url}</link><guid isPermaLink="true">${url}</guid><pubDate>${published.toUTCString()}</pubDate><category>${escapeHtml(article.section)}</category><dc:creator>${escapeHtml(article.author)}</dc:creator><description>${escapeHtml(article.paragraphs[0] ?? "")}</description></item>`;
      })
      .join("\n");
    return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>${escapeHtml(this.name)}</title><link>${this.origin}/</link><description>News from ${escapeHtml(this.name)}</description><language>en</language>
${items}
</channel></rss>`;
  }

  private homePage(): string {
    const list = [...this.published].reverse().map(({ article }) => `<li><a href="${this.urlOf(article)}">${escapeHtml(article.title)}</a></li>`);
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(this.name)}</title><link rel="alternate" type="application/rss+xml" title="${escapeHtml(this.name)}" href="/feed.xml"></head><body><h1>${escapeHtml(this.name)}</h1><ul>${list.join("")}</ul></body></html>`;
  }

  articlePage(entry: PublishedArticle): string {
    const { article, published } = entry;
    const url = this.urlOf(article);
    const others = this.published.filter((p) => p.article.slug !== article.slug);
    const sameSection = others.filter((p) => p.article.section === article.section).slice(-3);
    const readNext = others.slice(-3).reverse();
    const index = this.published.indexOf(entry);
    const previous = this.published[index - 1];
    const next = this.published[index + 1];
    const card = (p: PublishedArticle) =>
      `<li class="card"><a href="${this.urlOf(p.article)}">${escapeHtml(p.article.title)}</a> <span class="label">${escapeHtml(p.article.section)}</span> <span class="by">By ${escapeHtml(this.name)}</span> <time>${p.published.toDateString()}</time></li>`;
    const body = article.paragraphs.flatMap((text, i) => {
      const paragraph = `<p>${escapeHtml(text)}</p>`;
      if (i === 1) return [`<div class="ad-slot"><span>Advertisement</span></div>`, paragraph];
      if (i === 3) return [`<aside class="follow">Follow our coverage of ${escapeHtml(article.section)} on our website and social media.</aside>`, paragraph];
      return [paragraph];
    });
    const origin = entry.originallyBy ? `<p class="syndication">This story was originally published by ${escapeHtml(entry.originallyBy)}.</p>` : "";
    return `<!DOCTYPE html>
<html lang="${escapeHtml(article.lang)}"><head><meta charset="utf-8"><title>${escapeHtml(article.title)} | ${escapeHtml(this.name)}</title>
<meta property="og:site_name" content="${escapeHtml(this.name)}"><meta property="og:title" content="${escapeHtml(article.title)}"><meta property="og:type" content="article">
<meta property="og:url" content="${url}"><link rel="canonical" href="${url}">
<meta property="article:published_time" content="${published.toISOString()}"><meta property="article:section" content="${escapeHtml(article.section)}">
<meta name="author" content="${escapeHtml(article.author)}">
</head><body>
<div class="promo"><a href="https://t.me/">JOIN US ON TELEGRAM</a></div>
<header><nav><a href="/">Home</a> <a href="/ukraine">Ukraine</a> <a href="/world">World</a> <a href="/business">Business</a> <a href="/sport">Sport</a></nav></header>
<main><nav class="breadcrumb"><a href="/">Home</a> › <a href="/section/${encodeURIComponent(article.section.toLowerCase())}">${escapeHtml(article.section)}</a></nav>
<article class="post">
<h1 class="post-title">${escapeHtml(article.title)}</h1>
<div class="post-byline">By ${escapeHtml(article.author)}</div>
<div class="post-date"><time datetime="${published.toISOString()}">${published.toUTCString()}</time></div>
<div class="post-content">
${body.join("\n")}
${origin}
<p class="correction"><em>Correction: an earlier version of this story misspelled a name.</em></p>
</div>
</article>
<aside class="publisher">${escapeHtml(this.name)} is an independent newsroom. Support our journalism.</aside>
<section class="more-on"><h2>More on ${escapeHtml(article.section)}</h2><ul>${sameSection.map(card).join("")}</ul></section>
<section class="read-next"><h2>Read Next</h2><ul>${readNext.map(card).join("")}</ul></section>
<nav class="pager">${previous ? `<a href="${this.urlOf(previous.article)}">« Previous</a>` : ""} ${next ? `<a href="${this.urlOf(next.article)}">Next »</a>` : ""}</nav>
</main><footer>© ${escapeHtml(this.name)}. All rights reserved.</footer></body></html>`;
  }
}
