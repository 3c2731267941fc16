/**
 * What boilerplate looks like: class/id hints, tags that never hold the story,
 * and the short stock phrases newsrooms drop between paragraphs. Kept in one
 * place so a new site's quirk is one line here, not a change in the scorer.
 */
import { classOf } from "./dom.ts";
import type { HTMLElement } from "./dom.ts";

/*
 * Class/id hints are matched on words, not on the raw attribute: the reading
 * (hintString) splits the class and id at every separator and at camelCase and BEM joints
 * ("imageCaption" → "image caption", "article__body" → "article body",
 * "commentText" → "comment text"), so one list serves every naming style. A
 * two-word entry ("read more") matches those words side by side.
 */

/** Words of blocks that are never the story: navigation, ads, share bars, cards, comments, bylines… */
export const NEGATIVE_HINT = wordPattern(
  "ad ads adv advert adverts advertisement advertising banner breadcrumb breadcrumbs combx contact cookie cookies consent " +
    "disqus dropdown footer gdpr jump login masthead menu modal nav navbar navigation newsletter outbrain pager pagination " +
    "paywall popular popup promo promos promotion recirc recirculation recommended recommendations related remark rss share shares " +
    "sharing shopping shoutbox sidebar signup skyscraper social sponsor sponsored subscribe subscription tags taboola toolbar " +
    "trending byline dateline timestamp disclaimer correction teaser teasers rail dfp gpt bio copyright legal print cta donate " +
    "ad+slot adslot inline+ad native+ad wrapper+ad read+next readnext read+more readmore most+read mostread see+also seealso " +
    "post+meta media+credit author topics comment comments " +
    // words that also name real content on some sites: see AMBIGUOUS_HINT
    "more widget caption meta tool tools header scroll footnote credit also hidden",
);

/**
 * Negative words that some sites also use for the story itself ("entry-more" holding
 * the rest of a post, a "widget" or "caption" block holding paragraphs): alone, they
 * prune a block only when its text does not read as prose (body.ts).
 */
export const AMBIGUOUS_HINT = wordPattern("more widget caption meta tool tools header scroll footnote credit also hidden");

/** Words of reader comments and discussion threads. */
export const COMMENT_HINT = wordPattern(
  "comment comments commentlist reply replies respond discussion disqus talkback feedback reactions guestbook",
);

/** State flags that blog engines put on the story's own wrappers ("comments-open", "has-comments"). */
const COMMENT_STATE = / (?:comments?|discussion|replies) (?:open|closed|enabled|disabled|allowed|on|off|count|link|number)(?= )| (?:has|no|with|show|leave|add|post) (?:a )?(?:comments?|reply|replies)(?= )/g;

const COMMENT_WORD_IN_ATTRIBUTES = /comment|repl|respond|discussion|disqus|talkback|feedback|reaction|guestbook/i;

/** A block of reader comments (or one comment), by its class or id words. */
export function isCommentBlock(el: HTMLElement): boolean {
  // Asked of every element with text: most have no attribute with any of these words.
  if (!el.rawAttrs || !COMMENT_WORD_IN_ATTRIBUTES.test(el.rawAttrs)) return false;
  const hints = hintString(el);
  if (!hints || !COMMENT_HINT.test(hints)) return false;
  const tag = el.rawTagName?.toLowerCase();
  if (tag === "body" || tag === "html") return false;
  return COMMENT_HINT.test(` ${hints} `.replace(COMMENT_STATE, " ").trim());
}

/** Words of the story container. */
export const POSITIVE_HINT = wordPattern(
  "article body content entry hentry main page post text blog story storycontent articlebody paragraph prose richtext rich+text",
);

/** Pairs that mark the story itself, strongly. */
export const STRONG_POSITIVE_HINT = wordPattern(
  "article+body articlebody story+body storybody post+content entry+content article+content article+text story+content " +
    "body+text bodytext post+body news+text rich+text richtext story+text article+copy story+copy",
);

/** A regex over hintString() for a list of words, space-separated ("a+b": the two words side by side). */
function wordPattern(list: string): RegExp {
  const entries = list.trim().split(/\s+/).map((entry) => entry.replace(/\+/g, " "));
  return new RegExp(`(?:^| )(?:${entries.join("|")})(?= |$)`);
}

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

/**
 * A legal line, however it is worded: a copyright mark with a year or a name,
 * "all rights reserved", the wire services' "may not be published, broadcast,
 * rewritten or redistributed".
 */
const LEGAL_LINE =
  /(?:©|\([cC]\))\s*(?:[Cc]opyright\s*)?,?\s*(?:\d{4}|\p{Lu})|\b[Cc]opyright\s*(?:©|\([cC]\))?\s*\d{4}|\b[Aa]ll [Rr]ights [Rr]eserved\b|\bmay not be (?:re)?published\b.{0,40}\b(?:broadcast|rewritten|redistributed)\b|[Вв]сі права захищені|[Вв]се права защищены/u;

/** Words of a page's tool bar ("Print | E-mail this article | Share", "Text size: A A A"). */
const TOOL_WORDS = new Set(
  (
    "print printer friendly version e mail email send share save bookmark this article story page post to a friend " +
    "comment comments tweet like recommend reprint reprints permissions text font size larger smaller increase decrease " +
    "listen rss feed facebook twitter linkedin whatsapp telegram pinterest reddit digg del icio us stumbleupon " +
    "друк друкувати поділитися надіслати версія для печать поделиться отправить"
  ).split(" "),
);

/** A short block made only of tool words and separators. */
function isToolLabel(text: string): boolean {
  if (text.length > 100) return false;
  const words = text.toLowerCase().match(/\p{L}+/gu);
  if (!words || words.length === 0) return false;
  return words.every((word) => TOOL_WORDS.has(word) || word.length === 1);
}

export function isBoilerplateText(text: string, rules: { textBoilerplate: boolean; stockPhrases: boolean } = { textBoilerplate: true, stockPhrases: true }): boolean {
  if (text.length > 400) return false;
  if (rules.stockPhrases && (BOILERPLATE_BLOCK.test(text) || BOILERPLATE_PREFIX.test(text))) return true;
  if (!rules.textBoilerplate) return false;
  return isToolLabel(text) || (text.length < 300 && LEGAL_LINE.test(text));
}

const hintCache = new WeakMap<HTMLElement, string>();

/** The class and id of an element as lower-case words separated by single spaces ("" for none). */
export function hintString(el: HTMLElement): string {
  const cls = classOf(el);
  const id = el.rawAttrs && /id/i.test(el.rawAttrs) ? el.id : "";
  if (!cls && !id) return "";
  let words = hintCache.get(el);
  if (words === undefined) {
    words = toHintWords(cls && id ? `${cls} ${id}` : cls || id);
    hintCache.set(el, words);
  }
  return words;
}

/** Whether camelCase joints split hint words: on, except in the ablation (set per page by index.ts). */
let splitCamelCase = true;
export function configureHints(rules: { camelCaseHints: boolean }): void {
  splitCamelCase = rules.camelCaseHints;
}

/** "imageCaption article__body HTMLContent ad-slot2" → "image caption article body html content ad slot2". */
export function toHintWords(raw: string): string {
  const split = splitCamelCase ? raw.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2") : raw;
  return split
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
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
