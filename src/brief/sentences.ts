/**
 * Sentence segmentation for English and Ukrainian (Cyrillic) news text.
 *
 * A rule-based splitter rather than a trained one: it must be deterministic, fast (hundreds of
 * briefs a second) and dependency-free. The rules cover what news copy throws at it:
 * abbreviations (U.S., U.N., Mr., Jan. 5, a.m.), initials (B.B. King, John F. Kennedy,
 * В. Зеленський), decimals (1.5), ellipses, closing quotes after the stop ('."', '.»'),
 * and Ukrainian abbreviations (м. Київ, вул., т.д.).
 */

/** Words that, followed by a period, almost never end a sentence (compared lowercased, without the period). */
const NON_TERMINAL_ABBREVIATIONS = new Set([
  // English titles and address forms
  "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "cmdr",
  "adm", "maj", "cpl", "pvt", "rev", "hon", "pres", "supt", "insp", "det", "st", "mt", "ft", "messrs",
  "fr", "sr", "jr",
  // English reference and misc
  "vs", "v", "fig", "figs", "approx", "dept", "est", "ave", "blvd", "rd", "no", "nos", "vol", "pp", "cf",
  // English months (as in "Jan. 5")
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  // Ukrainian: place, address, titles and references
  "м", "с", "смт", "вул", "просп", "пров", "пл", "бульв", "обл", "ім", "проф", "акад", "ген", "див",
  "напр", "пор", "ст", "гл", "п", "рис", "табл", "ч", "кв", "буд", "тов", "пан", "пані", "о",
  // Russian: place, address, titles and references
  "г", "им", "ул", "пр", "пер", "д", "корп", "кв", "р-н", "пос", "дер", "акад", "доц", "тов", "гр", "см", "стр", "гг",
  // The first letter of "т. е." / "т. д." / "т. п." / "т. ч." (Ukrainian and Russian "i.e.", "etc."): never an end
  "т",
]);

/** The second letter of "т. е.", "т. д.", "т. п.", "т. ч.", "т. ін.": after "т.", these do not end a sentence either. */
const AFTER_T = new Set(["е", "д", "п", "ч", "ін", "к"]);

/** Abbreviations that may end a sentence: break after them only when a capital follows. */
const MAY_END_SENTENCE = new Set(["etc", "inc", "ltd", "co", "corp", "plc", "llc", "тощо", "р", "рр", "тис", "млн", "млрд", "грн", "коп"]);

/** Words that usually open a sentence: after "U.S." or "a.m." they signal a real boundary. */
const SENTENCE_STARTERS = new Set([
  "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "or", "so", "yet", "in", "on",
  "at", "for", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "there", "here",
  "however", "now", "after", "before", "when", "while", "as", "if", "since", "some", "many", "most", "one",
  "both", "all", "no", "not", "then", "meanwhile", "still", "also", "officials", "police", "what", "who",
  "why", "how", "last", "earlier", "later", "according", "under", "during", "with", "by", "from",
  "він", "вона", "воно", "вони", "це", "ця", "цей", "ці", "але", "та", "і", "й", "у", "в", "на", "за",
  "проте", "однак", "також", "як", "що", "після", "під", "наразі", "раніше", "нагадаємо", "при", "до",
  "з", "із", "зі", "за", "серед", "крім", "тому", "тоді", "водночас", "зокрема", "окрім",
]);

const OPENERS = "\"'“‘„«([{—–-";

/** Splits text into sentences. Lines (paragraphs, headings, list items) never share a sentence. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const block = line.replace(/[\s\u00a0]+/g, " ").trim();
    if (block) splitBlock(block, sentences);
  }
  return sentences;
}

// Terminal punctuation, then any closing quotes/brackets, then whitespace.
const CANDIDATE = /(?:\.{2,}|…|[.!?]+)[\"'”’»)\]}]*(?= )/g;

function splitBlock(block: string, out: string[]): void {
  let start = 0;
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(block); match; match = CANDIDATE.exec(block)) {
    const end = match.index + match[0].length;
    if (isBoundary(block, match.index, match[0], end)) {
      pushSentence(out, block.slice(start, end));
      start = end + 1;
    }
  }
  pushSentence(out, block.slice(start));
}

function pushSentence(out: string[], raw: string): void {
  let sentence = raw.trim();
  if (!sentence) return;
  // "leaving. ' Williams won": a closing quote written after a space opens the next piece;
  // when that quote is unbalanced there, it closes the previous sentence instead.
  const lead = /^(['"”’»]) /.exec(sentence);
  if (lead && out.length > 0 && countOf(sentence, lead[1] ?? "") % 2 === 1) {
    out[out.length - 1] = `${out[out.length - 1] ?? ""}${lead[1] ?? ""}`;
    sentence = sentence.slice(2);
  }
  // A stray closing quote separated by a space (". ' Next") belongs to the previous sentence.
  if (/^[\p{P}\p{S}]+$/u.test(sentence) && out.length > 0) {
    out[out.length - 1] = `${out[out.length - 1] ?? ""}${sentence}`;
    return;
  }
  out.push(sentence);
}

function countOf(text: string, char: string): number {
  let count = 0;
  for (const c of text) if (c === char) count++;
  return count;
}

function isBoundary(block: string, punctStart: number, punct: string, end: number): boolean {
  const next = nextWord(block, end + 1);
  if (!next) return false; // nothing after: the block end closes the sentence anyway
  const first = next.charAt(0);
  const isLower = first !== first.toUpperCase() && first === first.toLowerCase();
  if (isLower) return false; // "?" he said. / "U.S. officials" / "Inc. said"
  // Anything else that is not lowercase ("The", "2", "$5", "«Ми") may open a sentence.
  const isDigit = /\p{N}/u.test(first);
  const isUpper = /\p{Lu}/u.test(first);

  const stop = punct.replace(/[\"'”’»)\]}]+$/, "");
  if (stop !== ".") return true; // "!", "?", "?!", "...", "…" before a capital

  const before = previousToken(block, punctStart);
  if (!before) return true;
  const lower = before.toLowerCase();
  const starter = SENTENCE_STARTERS.has(next.toLowerCase());

  // Initials: "B. King", "John F. Kennedy", "В. Зеленський".
  if (/^\p{Lu}$/u.test(before)) return false;
  // "т. е." / "т. д." written with a space: the second letter, after "т.", is part of the abbreviation.
  if (AFTER_T.has(lower) && /(?:^|\s)т\.\s*$/u.test(block.slice(0, punctStart - before.length))) return false;
  // Dotted abbreviations: "U.S", "U.N", "a.m", "B.B", "т.д", "т.п".
  if (/^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u.test(before)) {
    if (/^(?:т\.[дпеч]|т\.ін)$/u.test(lower)) return false;
    if (lower === "etc") return true;
    return starter;
  }
  if (NON_TERMINAL_ABBREVIATIONS.has(lower)) {
    if (lower === "no" || lower === "nos" || lower === "st" || lower === "о") return !isDigit && starter;
    if (/^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/.test(lower)) return !isDigit && starter;
    return false;
  }
  if (MAY_END_SENTENCE.has(lower)) return isUpper;
  return true;
}

/** The word before the stop at `index`, without surrounding quotes/brackets ("(U.S" → "U.S"). */
function previousToken(block: string, index: number): string {
  let i = index;
  while (i > 0 && block[i - 1] !== " ") i--;
  let token = block.slice(i, index);
  while (token && OPENERS.includes(token.charAt(0))) token = token.slice(1);
  return token;
}

/** The next word after `index`, skipping opening quotes, dashes and spaces ("— «Ми" → "Ми"). */
function nextWord(block: string, index: number): string | undefined {
  let i = index;
  while (i < block.length && (OPENERS.includes(block.charAt(i)) || block.charAt(i) === " ")) i++;
  const rest = block.slice(i);
  if (!rest) return undefined;
  return /^[\p{L}\p{N}]+/u.exec(rest)?.[0] ?? rest.charAt(0);
}
