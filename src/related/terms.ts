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
const UPPER = /^\p{Lu}/u;
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
  for (const match of normalized.matchAll(WORD)) {
    const raw = match[0];
    const gap = normalized.slice(last, match.index);
    last = match.index + raw.length;
    if (/[.!?:"“«\n]/.test(gap)) sentenceStart = true;
    const lower = raw.toLowerCase();
    const opensSentence = sentenceStart;
    sentenceStart = false;
    if (DIGIT.test(raw)) {
      const number = lower.replace(/,/g, "");
      words.push(number);
      // Years and sums identify an event; a lone digit ("1", "2") says nothing.
      if (number.length > 1) names.push(number);
      continue;
    }
    if (STOP.has(lower) || lower.length < 2) continue;
    const stemmed = stem(lower, CYRILLIC.test(raw) ? cyrillic : "en");
    words.push(stemmed);
    if (!opensSentence && UPPER.test(raw)) names.push(stemmed);
  }
  return { words, names };
}
