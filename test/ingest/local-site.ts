/**
 * A news site on 127.0.0.1 for ingestion tests and benchmarks: an RSS feed whose items can be
 * added and edited while it runs, article pages in the layout of a real news page (headline,
 * byline, date, body with "Advertisement" debris, "More on …", "Read Next"), conditional GET,
 * and any other route a test needs (a slow answer, a redirect, a broken feed).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { answerFeed, listenOnLoopback, type LoopbackServer } from "../../demo/newsroom/loopback.ts";
import { escapeHtml } from "../../src/brief/index.ts";
import { seededRandom } from "../../src/topics/classifier/random.ts";

export interface SiteArticle {
  slug: string;
  title: string;
  paragraphs: string[];
  /** ISO date. */
  published: string;
  section?: string;
  author?: string;
  /** What the feed says of it; by default the first paragraph (a teaser). */
  teaser?: string;
  /** Put the whole text in content:encoded (a full-text feed). */
  fullTextInFeed?: boolean;
}

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export class LocalSite {
  readonly articles: SiteArticle[] = [];
  /** Requests seen, as "METHOD path". */
  readonly requests: string[] = [];
  readonly routes = new Map<string, Route>();
  /** Bumped on every change, so the feed's ETag changes with its content. */
  private version = 0;

  private constructor(
    private readonly server: LoopbackServer,
    readonly origin: string,
    readonly name: string,
  ) {}

  static async start(name = "Local News"): Promise<LocalSite> {
    let site: LocalSite | undefined;
    const server = await listenOnLoopback((req, res) => site?.handle(req, res));
    site = new LocalSite(server, server.origin, name);
    return site;
  }

  get feedUrl(): string {
    return `${this.origin}/feed.xml`;
  }

  urlOf(slug: string): string {
    return `${this.origin}/news/${slug}`;
  }

  publish(article: SiteArticle): void {
    this.articles.push(article);
    this.version++;
  }

  edit(slug: string, change: Partial<SiteArticle>): void {
    const article = this.articles.find((a) => a.slug === slug);
    if (!article) throw new Error(`no article ${slug}`);
    Object.assign(article, change);
    this.version++;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0] as string;
    this.requests.push(`${req.method} ${path}`);
    const route = this.routes.get(path);
    if (route) return route(req, res);
    if (path === "/feed.xml") return answerFeed(req, res, this.version, () => rssFeed(this));
    if (path === "/") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><html><head><title>${this.name}</title><link rel="alternate" type="application/rss+xml" title="${this.name}" href="/feed.xml"></head><body><h1>${this.name}</h1></body></html>`);
      return;
    }
    const article = this.articles.find((a) => path === `/news/${a.slug}`);
    if (!article) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(articlePage(article, this));
  }

}


export function rssFeed(site: Pick<LocalSite, "articles" | "origin" | "name" | "urlOf">): string {
  const items = [...site.articles]
    .reverse()
    .map((a) => {
      const content = a.fullTextInFeed ? `<content:encoded><![CDATA[${a.paragraphs.map((p) => `<p>${p}</p>`).join("")}]]></content:encoded>` : "";
      return `<item><title>${escapeHtml(a.title)}</title><link>/news/${a.slug}</link><guid isPermaLink="false">${a.slug}</guid><pubDate>${new Date(a.published).toUTCString()}</pubDate>${a.section ? `<category>${escapeHtml(a.section)}</category>` : ""}<description>${escapeHtml(a.teaser ?? a.paragraphs[0] ?? "")}</description>${content}</item>`;
    })
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xml:base="${site.origin}/">
<channel><title>${escapeHtml(site.name)}</title><link>${site.origin}/</link><description>News</description><language>en</language>
${items}
</channel></rss>`;
}

export function articlePage(article: SiteArticle, site: Pick<LocalSite, "articles" | "name" | "urlOf">): string {
  const others = site.articles.filter((a) => a.slug !== article.slug).slice(-3);
  const body = article.paragraphs.flatMap((p, i) => (i === 2 ? [`<div class="ad-slot">Advertisement</div>`, `<p>${escapeHtml(p)}</p>`] : [`<p>${escapeHtml(p)}</p>`]));
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(article.title)} | ${escapeHtml(site.name)}</title>
<meta property="og:site_name" content="${escapeHtml(site.name)}"><meta property="og:title" content="${escapeHtml(article.title)}">
<meta property="og:url" content="${site.urlOf(article.slug)}"><link rel="canonical" href="${site.urlOf(article.slug)}?utm_source=rss">
<meta property="article:published_time" content="${article.published}">${article.section ? `<meta property="article:section" content="${escapeHtml(article.section)}">` : ""}
</head><body>
<header><nav><a href="/">Home</a> <a href="/ukraine">Ukraine</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>
<main><article class="post">
<h1 class="post-title">${escapeHtml(article.title)}</h1>
<div class="post-byline">By ${escapeHtml(article.author ?? "Staff Reporter")}</div>
<div class="post-date"><time datetime="${article.published}">${new Date(article.published).toDateString()}</time></div>
<div class="post-content">${body.join("\n")}</div>
</article>
${article.section ? `<section class="more-on"><h2>More on ${escapeHtml(article.section)}</h2><ul>${others.map((o) => `<li><a href="${site.urlOf(o.slug)}">${escapeHtml(o.title)}</a></li>`).join("")}</ul></section>` : ""}
<section class="read-next"><h2>Read Next</h2><ul>${others.map((o) => `<li><a href="${site.urlOf(o.slug)}">${escapeHtml(o.title)}</a></li>`).join("")}</ul></section>
</main><footer>© ${escapeHtml(site.name)}. All rights reserved.</footer></body></html>`;
}

const NOUNS = ["ministry", "council", "agency", "committee", "port", "railway", "bank", "union", "court", "parliament", "mayor", "army", "airport", "hospital", "school", "farm", "factory", "exporter", "pipeline", "reservoir", "bridge", "market", "regulator", "embassy", "coalition", "prosecutor", "insurer", "refinery", "harbour", "startup", "university", "library", "museum", "stadium", "cathedral", "observatory", "shipyard", "mill", "warehouse", "clinic"];
const VERBS = ["approved", "rejected", "delayed", "funded", "inspected", "expanded", "closed", "reopened", "audited", "questioned", "praised", "criticised", "relocated", "insured", "rebuilt", "suspended", "extended", "doubled", "halved", "reviewed"];
const ADJECTIVES = ["northern", "regional", "municipal", "private", "state-owned", "coastal", "rural", "historic", "temporary", "disputed", "modernised", "damaged", "crowded", "remote", "bankrupt", "profitable", "overloaded", "newly built", "abandoned", "seasonal"];
const PLACES = ["Kyiv", "Lviv", "Odesa", "Kharkiv", "Dnipro", "Chernihiv", "Poltava", "Vinnytsia", "Uzhhorod", "Mykolaiv", "Brussels", "Warsaw", "Berlin", "Geneva", "Vilnius", "Riga", "Tallinn", "Prague", "Vienna", "Bucharest"];
const TEMPLATES = [
  (w: () => string, p: () => string, n: () => number) => `The ${w()} ${w()} in ${p()} ${w()} the ${w()} ${w()} plan on ${["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"][n() % 5]}, ${n()} days after ${w()} officials first raised it.`,
  (w: () => string, p: () => string, n: () => number) => `About ${n()} ${w()} workers from ${p()} said the ${w()} ${w()} had ${w()} their ${w()} contracts without warning.`,
  (w: () => string, p: () => string, n: () => number) => `A spokesperson for the ${w()} ${w()} told reporters in ${p()} that ${n()} million hryvnias would go to the ${w()} ${w()}.`,
  (w: () => string, p: () => string, n: () => number) => `Critics in ${p()} argue the ${w()} ${w()} ${w()} ${n()} requests from the ${w()} ${w()} last year.`,
  (w: () => string, p: () => string, n: () => number) => `The ${w()} ${w()} expects a final decision by ${["March", "April", "May", "June", "July"][n() % 5]} ${n() % 28 + 1}, according to documents seen in ${p()}.`,
];


/**
 * Plausible news paragraphs about a subject, different in wording for every seed (as different
 * stories are), so that near-duplicate detection sees them as distinct articles.
 */
export function newsParagraphs(subject: string, seed: number, count = 5): string[] {
  const next = seededRandom(seed * 7919 + 17);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const word = () => (next() < 0.5 ? pick(ADJECTIVES) : pick(NOUNS)) + (next() < 0.2 ? ` ${pick(NOUNS)}` : "");
  const place = () => pick(PLACES);
  const number = () => 2 + Math.floor(next() * 900);
  return Array.from({ length: count }, (_, i) => {
    const lead = i === 0 ? `${subject[0]?.toUpperCase() ?? ""}${subject.slice(1)} dominated the agenda in ${place()} as the ${word()} ${word()} ${pick(VERBS)} ${number()} proposals.` : "";
    const sentences = [lead, ...Array.from({ length: 2 }, () => pick(TEMPLATES)(word, place, number).replace(/ the the /g, " the "))];
    return sentences.filter(Boolean).join(" ");
  });
}
