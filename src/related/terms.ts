/**
 * A text as the terms /related compares: lowercased words, stemmed by the Snowball stemmer of
 * their language (English, Ukrainian, Russian), stop words dropped; plus the names and numbers
 * the text mentions, which tell one event from another of the same kind better than its words.
 */
import { stemmer as englishStem } from "@orama/stemmers/english";
import { stemmer as russianStem } from "@orama/stemmers/russian";
import { stemmer as ukrainianStem } from "@orama/stemmers/ukrainian";
import { stopwords as englishStop } from "@orama/stopwords/english";
import { stopwords as russianStop } from "@orama/stopwords/russian";
import { stopwords as ukrainianStop } from "@orama/stopwords/ukrainian";
import { normalizeText } from "../topics/text.ts";

export type TermLanguage = "en" | "uk" | "ru";

const WORD = /[\p{L}\p{M}\p{N}]+(?:[.,][\p{N}]+)*/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const DIGIT = /\p{N}/u;
// Letters only one of the two languages writes: і ї є ґ are Ukrainian, ы э ъ Russian.
const UKRAINIAN_LETTERS = /[іїєґ]/g;
const RUSSIAN_LETTERS = /[ыэъ]/g;

const STOP = new Set<string>([...englishStop, ...russianStop, ...ukrainianStop].map((w) => w.toLowerCase()));
const STEMMERS: Record<TermLanguage, (word: string) => string> = { en: englishStem, uk: ukrainianStem, ru: russianStem };

/** Stems are cached: news vocabulary repeats, and stemming is most of the cost of indexing. */
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 500_000;

function stem(word: string, language: TermLanguage): string {
  const key = language === "en" ? word : `${language}:${word}`;
  let stemmed = stemCache.get(key);
  if (stemmed === undefined) {
    stemmed = STEMMERS[language](word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(key, stemmed);
  }
  return stemmed;
}

/** Which Cyrillic language a text is in, by the letters only one of them has (Ukrainian when unsure: our readers' language). */
export function cyrillicLanguage(text: string): "uk" | "ru" {
  const uk = text.match(UKRAINIAN_LETTERS)?.length ?? 0;
  const ru = text.match(RUSSIAN_LETTERS)?.length ?? 0;
  return ru > uk ? "ru" : "uk";
}

export interface TextTerms {
  /** Stemmed words, stop words left out, in text order. */
  words: string[];
  /** Names (capitalized words not opening a sentence) and numbers, lowercased and stemmed like words. */
  names: string[];
}

/** The terms of one text. `language` decides how Cyrillic words are stemmed; it is guessed when left out. */
export function textTerms(text: string, language?: "uk" | "ru"): TextTerms {
  const normalized = normalizeText(text);
  const cyrillic = language ?? (CYRILLIC.test(normalized) ? cyrillicLanguage(normalized.toLowerCase()) : "uk");
  const words: string[] = [];
  const names: string[] = [];
  let sentenceStart = true;
  let last = 0;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(normalized); match !== null; match = WORD.exec(normalized)) {
    const raw = match[0];
    if (endsSentence(normalized, last, match.index)) sentenceStart = true;
    last = match.index + raw.length;
    const opensSentence = sentenceStart;
    sentenceStart = false;
    const lower = raw.toLowerCase();
    if (hasDigit(raw)) {
      const number = lower.includes(",") ? lower.replace(/,/g, "") : lower;
      words.push(number);
      // Years and sums identify an event; a lone digit ("1", "2") says nothing.
      if (number.length > 1) names.push(number);
      continue;
    }
    if (lower.length < 2 || STOP.has(lower)) continue;
    const first = raw.charCodeAt(0);
    const stemmed = stem(lower, first >= 0x400 && first <= 0x52f ? cyrillic : "en");
    words.push(stemmed);
    if (!opensSentence && raw[0] !== lower[0]) names.push(stemmed);
  }
  return { words, names };
}

/** True when the characters between two words end a sentence (or a headline's clause: a colon, a quote, a new line). */
function endsSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // . ! ? : " \n “ «
    if (c === 46 || c === 33 || c === 63 || c === 58 || c === 34 || c === 10 || c === 0x201c || c === 0xab) return true;
  }
  return false;
}

function hasDigit(word: string): boolean {
  let ascii = true;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
    if (c > 127) ascii = false;
  }
  return !ascii && DIGIT.test(word);
}
