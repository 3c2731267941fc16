/**
 * What boilerplate looks like: class/id hints, tags that never hold the story,
 * and the short stock phrases newsrooms drop between paragraphs. Kept in one
 * place so a new site's quirk is one line here, not a change in the scorer.
 */
import { classOf } from "./dom.ts";
import type { HTMLElement } from "./dom.ts";

/** Class/id words of blocks that are not the story (navigation, ads, share bars, cards…). */
export const NEGATIVE_HINT =
  /(?:^|[\s_-])(?:ad|ads|adv|advert|advertisement|advertising|banner|breadcrumbs?|combx|comments?|comment-list|com-|contact|cookie|consent|disqus|dropdown|footer|footnote|gdpr|header|hidden|jump|login|masthead|media-credit|menu|meta|modal|more|nav|navbar|navigation|newsletter|outbrain|pager|pagination|paywall|popular|popup|post-meta|promo|promotion|recirc|recirculation|recommended|related|remark|rss|scroll|share|sharing|shopping|shoutbox|sidebar|signup|skyscraper|social|sponsor|sponsored|subscribe|subscription|tags|taboola|tool|toolbar|tools|trending|widget|wrapper-ad|byline|author|dateline|timestamp|caption|credit|disclaimer|correction|read-?next|read-?more|most-?read|also|see-?also|topics|teaser|rail|inline-?ad|ad-?slot|dfp|gpt|native-?ad)(?:$|[\s_-])/i;

/** Class/id words of the story container. */
export const POSITIVE_HINT =
  /(?:^|[\s_-])(?:article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|storycontent|story-body|article-body|articlebody|post-content|entry-content|paragraph|prose|richtext|rich-text)(?:$|[\s_-])/i;

/** Class/id words that mark the story itself, strongly. */
export const STRONG_POSITIVE_HINT =
  /(?:article[-_]?body|articlebody|story[-_]?body|post[-_]?content|entry[-_]?content|article[-_]?content|article[-_]?text|story[-_]?content|body[-_]?text|post[-_]?body|news[-_]?text|article__body|c-entry-content|rich-?text)/i;

/** Tags whose subtree is never article text inside the chosen container. */
export const NEVER_CONTENT_TAGS: ReadonlySet<string> = new Set(["nav", "aside", "footer", "form", "menu"]);

/**
 * Whole-block stock phrases: a block whose entire text matches one is dropped.
 * Anchored, so a paragraph that merely mentions "advertisement" stays.
 */
const BOILERPLATE_BLOCK = new RegExp(
  "^(?:" +
    [
      "advertisement",
      "advertisements?",
      "ad",
      "sponsored( content)?",
      "story continues below( advertisement)?",
      "article continues (below|after (this )?advertisement)",
      "continue reading( (the|this) (main )?story)?( below)?",
      "(the )?story continues( below)?",
      "join us on telegram",
      "follow (our|us)\\b.*",
      "subscribe( now| today)?\\b.{0,80}",
      "sign up\\b.{0,120}(newsletter|updates|email|inbox).{0,80}",
      "(get|receive) (our|the) .{0,60}newsletter.{0,80}",
      "(share|share this|share this (article|story|post)|tweet|email|print|comments?|\\d+ comments?)( on \\w+)?:?",
      "read (more|next|also)\\b.{0,160}",
      "(see|click) (also|here|more)\\b.{0,120}",
      "related( (articles?|stories|coverage|content|links|posts|news))?:?.{0,160}",
      "more on (this|that) (story|topic)\\b.{0,80}",
      "to suggest a correction.{0,120}",
      "you can also highlight the text and press ctrl ?\\+ ?enter.{0,20}",
      "(this|the) (article|story|post) (has been|was) (updated|corrected).{0,200}",
      "correction:.{0,300}",
      "(we|this site) use[s]? cookies.{0,300}",
      "(all rights reserved|copyright ©|©).{0,200}",
      "(photo|image|video|credit|source)s?( credit)?:.{0,120}",
      "(loading|please wait)\\W{0,5}",
      "watch:?.{0,100}",
      "(download|get) (the|our) .{0,40}app.{0,80}",
      "(don't|do not) miss\\b.{0,120}",
      "(trending|popular|most read|top stories|latest (news|stories))( now)?:?",
      "(recommended|you (may|might) (also )?like)( for you)?:?.{0,20}",
      "(previous|next)( (article|story|post))?:?",
      "«\\s*previous.*",
      "next\\s*».*",
    ].join("|") +
    ")$",
  "i",
);

/** Longer blocks that are boilerplate wherever they stand (newsletter boxes, correction notices). */
const BOILERPLATE_PREFIX =
  /^(?:to suggest a correction|follow our coverage|join us on telegram|sign up for (?:our|the) |subscribe to (?:our|the) |get (?:our|the) (?:free )?newsletter|click here to (?:subscribe|sign up|read)|this article (?:originally )?appeared (?:on|in)|©\s*\d{4}|copyright \d{4})/i;

export function isBoilerplateText(text: string): boolean {
  if (text.length > 400) return false;
  return BOILERPLATE_BLOCK.test(text) || BOILERPLATE_PREFIX.test(text);
}

/** The class and id of an element as one string for the hint regexes. */
export function hintString(el: HTMLElement): string {
  const cls = classOf(el);
  const id = el.id;
  if (!cls) return id;
  if (!id) return cls;
  return `${cls} ${id}`;
}

/** +25 for a story-like class/id, -25 for a boilerplate-like one (Readability's weighting). */
export function classWeight(el: HTMLElement): number {
  const hints = hintString(el);
  if (!hints) return 0;
  let weight = 0;
  if (NEGATIVE_HINT.test(hints)) weight -= 25;
  if (POSITIVE_HINT.test(hints)) weight += 25;
  if (STRONG_POSITIVE_HINT.test(hints)) weight += 25;
  return weight;
}
