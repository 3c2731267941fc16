/**
 * Synthetic syndication for the dedup evaluation: one article text as two
 * outlets would publish it (its own headline, byline, header and footer lines,
 * "Advertisement" breaks, a paragraph cut or added, a few words changed). The
 * same outlet templates also wrap the negatives, so shared boilerplate can
 * never tell a pair apart by itself.
 */
import { seededRandom } from "../../src/topics/classifier/random.ts";

export type Rng = () => number;

/** mulberry32: small, seeded, reproducible (the classifier's own). */
export const rngFrom: (seed: number) => Rng = seededRandom;

const pick = <T>(rng: Rng, values: readonly T[]): T => values[Math.floor(rng() * values.length)] as T;

export interface Outlet {
  name: string;
  header: string[];
  footer: string[];
  adLine: string;
}

const NAMES = ["Daily Ledger", "Metro Herald", "The Courier", "Valley Times", "Northern Post", "City Wire", "Coast Gazette", "Evening Star"];
const HEADER = [
  "Skip to main content", "Subscribe now", "Sign in", "Share on Facebook", "Share on Twitter", "Email this story",
  "Listen to this article", "Breaking news", "Most read", "Menu Search",
];
const FOOTER = [
  "Sign up for our morning newsletter to get the day's top stories.",
  "Copyright 2026. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
  "Have a news tip? Contact our newsroom.", "Follow us on social media for the latest updates.",
  "Comments are closed for this article.", "Related coverage", "Read more from our politics desk",
  "The Associated Press contributed to this report.", "Reporting by our wire service; editing by the news desk.",
];
const ADS = ["Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Advertisement - scroll to continue"];
const FIRST = ["Maria", "John", "Aisha", "Peter", "Olena", "Carlos", "Mei", "David"];
const LAST = ["Kovalenko", "Smith", "Garcia", "Nguyen", "Brown", "Okafor", "Rossi", "Schmidt"];

export function outlets(rng: Rng): Outlet[] {
  return NAMES.map((name) => ({
    name,
    header: [pick(rng, HEADER), pick(rng, HEADER), pick(rng, HEADER)],
    footer: [pick(rng, FOOTER), pick(rng, FOOTER)],
    adLine: pick(rng, ADS),
  }));
}

export interface Article {
  id: string;
  title: string;
  text: string;
}

/** Sentences grouped into paragraphs of two or three. */
export function paragraphs(text: string, rng: Rng): string[] {
  const sentences = text.split(/(?<=[.!?]["”’)]?)\s+(?=["“(]?[A-Z0-9])/).filter((s) => s.trim());
  const out: string[] = [];
  for (let i = 0; i < sentences.length; ) {
    const n = rng() < 0.5 ? 2 : 3;
    out.push(sentences.slice(i, i + n).join(" "));
    i += n;
  }
  return out;
}

const SWAPS: Readonly<Record<string, string>> = {
  said: "says", says: "said", "per cent": "percent", percent: "per cent", announced: "said", officials: "authorities",
  police: "officers", Monday: "on Monday", government: "administration", about: "around", more: "over",
};

/** A few word-level edits: a copy-editor's touch, about one word in forty. */
function lightEdit(paragraph: string, rng: Rng): string {
  return paragraph
    .split(" ")
    .map((word) => {
      if (rng() >= 0.025) return word;
      const swap = SWAPS[word];
      if (swap) return swap;
      return rng() < 0.5 ? "" : word.toUpperCase() === word ? word : word.toLowerCase();
    })
    .filter(Boolean)
    .join(" ");
}

function changedHeadline(title: string, rng: Rng): string {
  const words = title.split(" ");
  const roll = rng();
  if (roll < 0.3) return title;
  if (roll < 0.6) return `${pick(rng, ["UPDATE:", "Live:", "Analysis:", "Watch:"])} ${words.slice(0, Math.max(3, words.length - 2)).join(" ")}`;
  // A rewritten headline: mostly new words around two or three of the old.
  const kept = words.filter(() => rng() < 0.35).slice(0, 3);
  return [pick(rng, ["What we know as", "Officials confirm", "Here is why", "Report says"]), ...kept, pick(rng, ["today", "after talks", "amid concern"])].join(" ");
}

/** The text one outlet would publish for `article`, as an extractor would hand it over. */
export function publishAs(outlet: Outlet, article: Article, filler: string, rng: Rng, edited: boolean): string {
  let body = paragraphs(article.text, rng);
  if (edited) {
    if (body.length > 2 && rng() < 0.5) body.splice(1 + Math.floor(rng() * (body.length - 1)), 1);
    if (rng() < 0.35) body.splice(Math.floor(rng() * (body.length + 1)), 0, filler);
    body = body.map((p) => lightEdit(p, rng));
  }
  const withAds: string[] = [];
  body.forEach((p, i) => {
    withAds.push(p);
    if (i < body.length - 1 && rng() < 0.3) withAds.push(outlet.adLine);
  });
  const byline = `By ${pick(rng, FIRST)} ${pick(rng, LAST)}, ${outlet.name}`;
  const headline = edited ? changedHeadline(article.title, rng) : article.title;
  return [...outlet.header, headline, byline, ...withAds, ...outlet.footer].join("\n\n");
}
