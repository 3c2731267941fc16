/**
 * Word tokens for scoring: lowercased, stop words dropped, crudely stemmed so that
 * "killed"/"killing" or "України"/"Україна" meet. Crude on purpose: scoring only compares
 * sentences of one article with each other and with its headline.
 */

const STOP_WORDS = new Set(
  (
    "a an the and or but if then than so as at by for from in into of on onto to with without about " +
    "above after again against all also am any are aren't be because been before being below between both " +
    "can could did do does doing down during each few further had has have having he her here hers herself " +
    "him himself his how i i'm it it's its itself just me more most my myself no nor not now off once only " +
    "other our ours out over own same she should some such that that's their theirs them themselves there " +
    "these they this those through too under until up very was we were what when where which while who whom " +
    "why will would you your yours s t don didn doesn isn wasn weren won wouldn couldn shouldn ve ll re d m " +
    "said says say told according also would could one two new last year years mr mrs ms " +
    // Ukrainian
    "і й та а але або чи що як це цей ця ці той та те ті він вона воно вони ми ви я ти його її їх їм їй " +
    "йому нас вас нам вам в у на до з із зі за про під над при від для через між по без коли де тут там " +
    "вже ще не ні так також тому бо якщо щоб який яка яке які було був була були бути є буде будуть має " +
    "мають свій своя свої своє себе сказав сказала заявив заявила році року рік"
  ).split(" "),
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Every word of the text, lowercased (stop words included): for counting and overlap of n-grams. */
export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Content stems of the text: no stop words, no one-letter words. */
export function contentStems(text: string): string[] {
  const stems: string[] = [];
  for (const word of words(text)) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    stems.push(stem(word));
  }
  return stems;
}

// Stemming is the hot spot of scoring; news vocabulary repeats, so cache it (bounded: the bot runs for weeks).
const STEM_CACHE = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

export function stem(word: string): string {
  let stemmed = STEM_CACHE.get(word);
  if (stemmed === undefined) {
    if (STEM_CACHE.size >= STEM_CACHE_LIMIT) STEM_CACHE.clear();
    stemmed = stemWord(word);
    STEM_CACHE.set(word, stemmed);
  }
  return stemmed;
}

function stemWord(word: string): string {
  const bare = word.replace(/['’]s$/, "");
  if (/^[a-z]+$/.test(bare)) return stemEnglish(bare);
  if (/^[\p{Script=Cyrillic}]+$/u.test(bare)) return bare.length > 5 ? bare.slice(0, Math.max(5, bare.length - 2)) : bare;
  return bare;
}

function stemEnglish(word: string): string {
  if (word.length <= 4) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("ing") && word.length > 5) return word.slice(0, -3);
  if (word.endsWith("ed") && word.length > 4) return word.slice(0, -2);
  if (word.endsWith("es") && word.length > 4) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  if (word.endsWith("ly")) return word.slice(0, -2);
  return word;
}

/** How many whitespace-separated words a reader (and the ROUGE scorer) counts. */
export function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2028 || code === 0x2029;
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      count++;
    }
  }
  return count;
}
