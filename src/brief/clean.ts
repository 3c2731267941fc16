/**
 * Light, grammar-preserving compression: what a reader of a brief should never see.
 * Only removes material that is not part of the story's prose (datelines, bylines, photo
 * credits, share-bar and player debris, "Click here" calls); it never rewrites a sentence.
 */

/** Page furniture glued into the text by extractors and feeds (BBC share bars, video players…). */
const INLINE_DEBRIS: RegExp[] = [
  /Share this with\s*(?:Email|Facebook|Messenger|Twitter|Pinterest|WhatsApp|Linkedin|LinkedIn|\s)*Copy this link/g,
  /Media playback is (?:not supported|unsupported) on (?:this|your) device/gi,
  /\bScroll down for (?:the )?videos?\b[.:]?/gi,
  /\bAdvertisement\b(?=\s|$)(?!\s+(?:for|of|in|on|that|was|is|from)\b)/g,
  /(?<!\p{L})Реклама(?=\s|$)/gu,
  /\bJOIN US ON TELEGRAM\b/g,
  // "(pictured)", "(left)", "(Photo: AP)", "(Фото: Укрінформ)": captions' pointers and credits.
  /\s*\((?:pictured|pictured [^()]{1,30}|left|right|centre|center|above|below|top|bottom|inset|file(?: photo)?)\)/gi,
  /\s*\((?:photos?|images?|pictures?|credit|фото|світлина)(?!\p{L})[^()]{0,80}\)/giu,
];

/** A whole sentence that is a call to action, a credit or a byline rather than news. */
const DEBRIS_SENTENCE: RegExp[] = [
  /\b(?:click|tap) (?:here|on (?:the )?(?:photos?|images?|link|button)|the link)\b/i,
  /^(?:read more|read next|see also|more on this story)\b|^(?:related|watch|listen)\s*:/i,
  /^follow (?:us|@|our coverage|[\p{Lu}][\p{L}]* on (?:twitter|facebook|instagram))/iu,
  /^(?:sign up|subscribe) (?:for|to)\b/i,
  /^(?:image|photo|picture|video) (?:copyright|caption|credit|source)\b/i,
  /^(?:photo|image|picture|credit|source)s?\s*:/i,
  /^(?:to suggest a correction|you can also highlight the text)/i,
  /^(?:читайте|дивіться) (?:також|більше|нас)(?!\p{L})/iu,
  /^(?:підписуйтеся|підписуйтесь|приєднуйтеся|приєднуйтесь)(?!\p{L})/iu,
  /^(?:фото|відео|джерело)\s*:/iu,
  // A line that is only a credit: "Reuters/John Smith", "Getty Images", "AFP via Getty Images".
  /^(?:[\p{Lu}][\p{L}.'’ -]{0,40}\/)?(?:getty images|afp|reuters|ap photo|associated press|epa|shutterstock)(?:\s+via\s+getty images)?\.?$/iu,
  // A byline on its own: "By John Smith", "By Kyiv Post", "By John Smith and Jane Doe, Reuters".
  /^[Bb]y\s+(?:[\p{Lu}][\p{L}.'’-]*\s*){1,4}(?:(?:and|&)\s+(?:[\p{Lu}][\p{L}.'’-]*\s*){1,4})?(?:,\s*[\p{L} ]{2,30})?\.?$/u,
];

const NEWS_AGENCIES = "CNN|AP|AFP|Reuters|Associated Press|BBC|Bloomberg|UPI|EFE|dpa|ANSA|Xinhua|TASS|Interfax|Ukrinform|Укрінформ|УНІАН|Інтерфакс-Україна";

/**
 * The dateline a story opens with: "KYIV (AP) —", "(CNN) --", "Boston (CNN)", "WASHINGTON, D.C. —",
 * "KYIV, Ukraine (Reuters) -", "By Jane Doe, Reuters —", "(The Hollywood Reporter)".
 */
const DATELINES: RegExp[] = [
  // Place (any case) then an agency or outlet in brackets, then an optional dash.
  new RegExp(
    String.raw`^(?:[\p{Lu}][\p{L}.'’-]*(?:[ ,]+[\p{L}][\p{L}.'’-]*){0,3},?\s*)?\((?:${NEWS_AGENCIES}|The [\p{Lu}][\p{L}]*(?: [\p{Lu}][\p{L}]*){0,3}|[\p{Lu}][\p{L}]+(?: [\p{Lu}][\p{L}]*){0,2})\)\s*(?:[-—–]{1,2}\s*)?`,
    "u",
  ),
  // An all-capitals place then a dash: "KYIV —", "WASHINGTON, D.C. --", "КИЇВ —".
  /^[\p{Lu}][\p{Lu}.'’-]+(?:[ ,]+[\p{Lu}][\p{Lu}.'’-]*){0,3}(?:,\s*[\p{Lu}][\p{L}.]+)?\s+[-—–]{1,2}\s+/u,
  // A byline with the agency: "By Jane Doe, Reuters —" / "By Jane Doe | AP".
  new RegExp(
    String.raw`^By\s+(?:[\p{Lu}][\p{L}.'’-]*\s*){1,4}(?:(?:and|&)\s+(?:[\p{Lu}][\p{L}.'’-]*\s*){1,4})?[,|]\s*(?:${NEWS_AGENCIES})(?!\p{L})\s*(?:[-—–|.:]{1,2}\s*)?`,
    "u",
  ),
];

/** Removes inline debris from the whole body (before segmentation: some debris glues sentences together). */
export function stripInlineDebris(text: string): string {
  let cleaned = text;
  for (const pattern of INLINE_DEBRIS) cleaned = cleaned.replace(pattern, " ");
  return cleaned;
}

/** Removes a leading dateline or agency byline from the body's first sentence. */
export function stripDateline(sentence: string): string {
  for (const pattern of DATELINES) {
    const match = pattern.exec(sentence);
    if (!match || match[0].length === 0) continue;
    const rest = sentence.slice(match[0].length).trim();
    // Keep the sentence if the "dateline" was all there was, or what follows is not a sentence start.
    if (rest.length >= 3 && !/^\p{Ll}/u.test(rest)) return rest;
  }
  return sentence;
}

export function isDebrisSentence(sentence: string): boolean {
  return DEBRIS_SENTENCE.some((pattern) => pattern.test(sentence));
}

/**
 * Drops what a brief can lose and stay grammatical: a bracketed gloss ("(22,500 kilometers)",
 * "(the Russian space agency)") and a connective that leans on the sentence before
 * ("But", "And", "However,"), since a brief's sentences no longer follow one another.
 * Bracketed numbers ("7-6 (3)", "JetBlue (85)") are data and stay.
 */
export function compressSentence(sentence: string): string {
  return sentence
    .replace(/ \((?=[^()]*\p{L}[^()]*\p{L})[^()]{3,60}\)(?=[ ,.;:!?])/gu, "")
    .replace(/^(?:But|And|However,|Meanwhile,|Але|Проте|Однак|Водночас|Втім,?) (\p{L})/u, (_match, first: string) =>
      first.toUpperCase(),
    );
}

/** Whitespace tidying after removals: no double spaces, no space before punctuation. */
export function tidy(sentence: string): string {
  let tidied = sentence.trim();
  if (/\s\s|[\t\n\r\u00a0]/.test(tidied)) tidied = tidied.replace(/\s+/g, " ");
  if (/ [,;:.!?]/.test(tidied)) tidied = tidied.replace(/ ([,;:.!?])(?=\s|$)/g, "$1");
  return tidied;
}
