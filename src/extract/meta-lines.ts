/**
 * Lines of page furniture that sit between the headline and the story, or after
 * it: a timestamp ("Nov. 20, 2019, 9:28 AM UTC"), a byline with a date ("STAFF
 * NOVEMBER 20, 2019 10:43", "Posted by admin on March 3, 2008 at 10:15 am"), a
 * "Reporting by" line, an author's bio, an "About us" box. Recognised by what is
 * left once dates, times and names are taken out (nothing but furniture words),
 * not by one pattern per format.
 */

const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
/** Dates and times in the forms pages print them. */
const DATE_OR_TIME = new RegExp(
  [
    `\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?(?:\\s+\\d{4})?`,
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?(?:\\s+\\d{4})?`,
    "\\b\\d{4}-\\d{2}-\\d{2}(?:[t ][\\d:.]+(?:z|[+-]\\d{2}:?\\d{2})?)?",
    "\\b\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}",
    "\\b\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2})?\\s*(?:am|pm|a\\.m\\.|p\\.m\\.)?",
    "\\b\\d+\\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\\s+ago\\b",
  ].join("|"),
  "gi",
);

/** Words that only ever appear in such lines. */
const FURNITURE_WORDS = new Set(
  (
    "published updated posted last first modified on at by and in the of from for with reporting writing written edited " +
    "compiled staff writer writers reporter reporters correspondent editor editors contributor contributing senior chief " +
    "am pm a m p utc gmt et est edt pt pst pdt ct cst cdt bst cet cest min mins minute minutes read reading time ago " +
    "comments comment share print email e mail photo photos video"
  ).split(" "),
);

const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.)$/u;

/** A short line made of a date or time plus bylines and furniture words only. */
export function isDatedMetadataLine(text: string): boolean {
  if (text.length > 120) return false;
  let hadDate = false;
  const rest = text.replace(DATE_OR_TIME, () => {
    hadDate = true;
    return " ";
  });
  if (!hadDate) return false;
  const words = rest.match(/[\p{L}\p{N}'’.-]+/gu) ?? [];
  let names = 0;
  for (const raw of words) {
    const word = raw.replace(/^[.'’-]+|[.'’-]+$/g, "");
    if (!word || /^\d{4}$/.test(word)) continue;
    if (FURNITURE_WORDS.has(word.toLowerCase())) continue;
    if (NAME_WORD.test(word) && ++names <= 6) continue;
    return false;
  }
  return true;
}

/** "Jane Doe is a staff writer for the Herald…": an author's bio, short, at the end of a story. */
const AUTHOR_BIO =
  /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}\s+(?:is|was|has been|covers)\s+(?:(?:a|an|the)\s+)?(?:[\p{L}-]+\s+){0,4}(?:writer|reporter|correspondent|editor|journalist|columnist|contributor|producer|freelancer|intern|critic|blogger|author)\b/u;

/** "About us: …", "About the Riverside Times: …", "About the author …". */
const ABOUT_BOX = /^about\s+(?:us|the\s+authors?|(?:the\s+)?\p{Lu}[\p{L}&'’.-]*(?:\s+[\p{L}&'’.-]+){0,5})\s*[:—–-]\s/iu;

/** An author's bio or an "about us" box (short blocks only: a story about someone's career is longer). */
export function isBioOrAbout(text: string): boolean {
  if (text.length > 500) return false;
  return AUTHOR_BIO.test(text) || ABOUT_BOX.test(text);
}
