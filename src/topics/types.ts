/**
 * The shape of a topic, as kept in the repository's catalog and as an admin
 * edits it in the database: one type for both, so a stored topic is
 * validated and compiled exactly like a built-in one.
 */

export type TopicKind = "place" | "subject" | "format";

export interface TopicNames {
  en: string;
  uk: string;
}

export interface Topic {
  /**
   * Stable id: lowercase a–z, 0–9 and single hyphens, at most `MAX_SLUG_LENGTH`
   * characters, so `sub_<slug>` fits a Telegram deep-link payload and a
   * callback data string with room to spare.
   */
  slug: string;
  names: TopicNames;
  /**
   * Names of the topic itself, in any language and spelling ("Kyiv", "Kiev",
   * "Київ", "Києві"). Strong evidence. Matched as whole words/phrases. Spelling rules:
   * - an alias written in capitals ("US", "NATO", "ЄС") matches only in capitals;
   * - a word ending in `*` is a stem ("Пекін*" → Пекіна, Пекіні…), at least 4 letters before the `*`.
   */
  aliases: string[];
  /** Words closely tied to the topic but not naming it ("Zelensky", "ceasefire"): weaker evidence. Same spelling rules. */
  keywords?: string[];
  /** Phrases that contain an alias or keyword but do not mean the topic ("Kyiv Post", "Latin America"). */
  excludes?: string[];
  /** Section and tag labels of sources that mean this topic ("war-in-ukraine", "War in Ukraine", "Війна"). */
  sections: string[];
  kind?: TopicKind;
  /** A broad topic the learned classifier can assign (its labels map here through `sections`). */
  broad?: boolean;
}

export const MAX_SLUG_LENGTH = 32;
