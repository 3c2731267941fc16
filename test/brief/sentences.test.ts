import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/brief/sentences.ts";

describe("splitSentences", () => {
  it("keeps abbreviations, initials and decimals inside their sentence", () => {
    expect(
      splitSentences(
        "Blues legend B.B. King was hospitalized on Jan. 5 after a show in the U.S. capital. Mr. Smith said the 1.5 magnitude tremor was minor. John F. Kennedy was mentioned.",
      ),
    ).toEqual([
      "Blues legend B.B. King was hospitalized on Jan. 5 after a show in the U.S. capital.",
      "Mr. Smith said the 1.5 magnitude tremor was minor.",
      "John F. Kennedy was mentioned.",
    ]);
  });

  it("ends a sentence after a dotted abbreviation when a sentence opener follows", () => {
    expect(splitSentences("She moved to the U.S. The family followed her. The U.N. Security Council met.")).toEqual([
      "She moved to the U.S.",
      "The family followed her.",
      "The U.N. Security Council met.",
    ]);
    expect(splitSentences("They met at 11:30 a.m. Thursday. At 9 p.m. The police came.")).toEqual([
      "They met at 11:30 a.m. Thursday.",
      "At 9 p.m.",
      "The police came.",
    ]);
  });

  it("handles quotations, question and exclamation marks and ellipses", () => {
    expect(splitSentences('"I am done," he said. "We won." Why? Nobody knows! It went on... Then it stopped.')).toEqual([
      '"I am done," he said.',
      '"We won."',
      "Why?",
      "Nobody knows!",
      "It went on...",
      "Then it stopped.",
    ]);
    // "?" inside a quotation followed by the speaker does not end the sentence.
    expect(splitSentences('"Is it over?" she asked. Yes.')).toEqual(['"Is it over?" she asked.', "Yes."]);
  });

  it("gives a closing quote written after a space back to its sentence", () => {
    expect(splitSentences("He said: 'I am leaving. ' Williams, 33, won.")).toEqual([
      "He said: 'I am leaving.'",
      "Williams, 33, won.",
    ]);
  });

  it("splits Ukrainian text with «» quotes, Cyrillic initials and abbreviations", () => {
    expect(
      splitSentences(
        "Президент В. Зеленський прибув до м. Київ на вул. Банкову. «Ми переможемо», — сказав він. Він говорив про енергетику, оборону і т.д. Потім поїхав до Львова. «Так.» Далі буде.",
      ),
    ).toEqual([
      "Президент В. Зеленський прибув до м. Київ на вул. Банкову.",
      "«Ми переможемо», — сказав він.",
      // «т.д.» never ends a sentence (issue 13): a brief must not end on an abbreviation.
      "Він говорив про енергетику, оборону і т.д. Потім поїхав до Львова.",
      "«Так.»",
      "Далі буде.",
    ]);
  });

  it("never ends a sentence on a Ukrainian or Russian abbreviation (им., ім., г., м., ул., вул., т. е., т. д., проф.)", () => {
    expect(splitSentences("Он учился в МГУ им. Ломоносова. Пожар произошёл в г. Харьков на ул. Сумской. Пострадавших нет.")).toEqual([
      "Он учился в МГУ им. Ломоносова.",
      "Пожар произошёл в г. Харьков на ул. Сумской.",
      "Пострадавших нет.",
    ]);
    expect(splitSentences("Він навчався в КНУ ім. Шевченка у м. Київ на вул. Володимирській. Лекцію прочитав проф. Іваненко.")).toEqual([
      "Він навчався в КНУ ім. Шевченка у м. Київ на вул. Володимирській.",
      "Лекцію прочитав проф. Іваненко.",
    ]);
    expect(splitSentences("Были яблоки, груши, т. е. Фрукты из сада. Собрали всё и т. д. Потом ушли.")).toEqual([
      "Были яблоки, груши, т. е. Фрукты из сада.",
      "Собрали всё и т. д. Потом ушли.",
    ]);
  });

  it("starts a sentence before a number, a currency sign or an opening quote", () => {
    expect(splitSentences("Prices rose. $5 million was paid. 2015 was hard. «Ні», — відповів він.")).toEqual([
      "Prices rose.",
      "$5 million was paid.",
      "2015 was hard.",
      "«Ні», — відповів він.",
    ]);
  });

  it("never joins lines: headings, list items and paragraphs are separate", () => {
    expect(splitSentences("Main heading\n\nFirst paragraph here.\n- a list item\nSecond paragraph")).toEqual([
      "Main heading",
      "First paragraph here.",
      "- a list item",
      "Second paragraph",
    ]);
  });

  it("returns nothing for blank text and collapses odd whitespace", () => {
    expect(splitSentences("  \n\n \t ")).toEqual([]);
    expect(splitSentences("One\u00a0 two.   Three\tfour.")).toEqual(["One two.", "Three four."]);
  });
});
