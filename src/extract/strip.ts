/**
 * Cuts out, before parsing, what never holds article text: scripts (all but
 * JSON-LD), styles, `<noscript>`, inline SVG, `<textarea>`, templates and
 * comments. They are most of a news page's bytes; cutting them with one linear
 * pass saves the parser work and keeps their markup from confusing it. The same
 * pass lower-cases the names of the raw-text tags that remain: the parser looks
 * for a closing tag with the opening tag's exact case, so `<SCRIPT>…</script>`
 * would otherwise swallow the rest of the page.
 *
 * Two implementations of one rule: `stripNeverText` on text (the regex below is
 * the rule's definition) and `stripNeverTextBytes` on the page's bytes, before
 * decoding, for charsets in which markup is plain ASCII (decode.ts says which).
 * The byte version never builds a string of the whole page; a test checks that
 * both give the same result. (They differ only on malformed bytes: a broken
 * UTF-8 sequence on both sides of a cut decodes as one character instead of two
 * U+FFFD.)
 */

/**
 * The rule. Whitespace before the `>` of an end tag is HTML's (ASCII) whitespace,
 * as in a browser: so the rule reads the same in every ASCII-compatible charset.
 */
const NEVER_TEXT = /<(script|style|noscript|svg|textarea|template)\b([^>]*)>[\s\S]*?<\/\1[\t\n\f\r ]*>|<!--[\s\S]*?-->|<(\/?)(script|style|noscript|pre|textarea)\b/gi;

export function stripNeverText(html: string): string {
  return html.replace(
    NEVER_TEXT,
    (match, tag: string | undefined, attrs: string | undefined, slash: string | undefined, rawTextTag: string | undefined) => {
      if (rawTextTag !== undefined) {
        // A raw-text tag left after stripping (JSON-LD, <pre>, an unclosed <script>): lower-case its name.
        return rawTextTag === rawTextTag.toLowerCase() ? match : `<${slash ?? ""}${rawTextTag.toLowerCase()}`;
      }
      if (tag !== undefined && tag.toLowerCase() === "script" && attrs !== undefined && /ld\+json/i.test(attrs)) {
        return tag === "script" ? match : `<script${attrs}>${match.slice(match.indexOf(">") + 1, match.lastIndexOf("</"))}</script>`;
      }
      return "";
    },
  );
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const DASH = 0x2d;

/** The names of the first alternative of NEVER_TEXT (elements cut whole), in its order. */
const CUT_WHOLE = ["script", "style", "noscript", "svg", "textarea", "template"].map(asciiCodes);
/** The names of its last alternative (raw-text tags whose name is lower-cased). */
const RAW_TEXT = ["script", "style", "noscript", "pre", "textarea"].map(asciiCodes);
const SCRIPT = CUT_WHOLE[0];

/**
 * `stripNeverText` on bytes read one byte per character (latin1): the same
 * matches, in the same order, with the same replacements. Returns `bytes`
 * itself when nothing is cut or changed.
 */
export function stripNeverTextBytes(bytes: Uint8Array): Uint8Array {
  const kept: Uint8Array[] = [];
  let keptFrom = 0;
  let changed = false;
  const n = bytes.length;
  for (let i = bytes.indexOf(LT); i !== -1 && i < n; i = bytes.indexOf(LT, i)) {
    // First alternative: a whole element, from its start tag to the first matching end tag.
    const whole = matchCutWhole(bytes, i);
    if (whole) {
      kept.push(bytes.subarray(keptFrom, i));
      if (whole.jsonLd) kept.push(whole.jsonLd);
      keptFrom = i = whole.end;
      changed = true;
      continue;
    }
    // Second: a comment.
    if (bytes[i + 1] === BANG && bytes[i + 2] === DASH && bytes[i + 3] === DASH) {
      const close = indexOfCommentEnd(bytes, i + 4);
      if (close !== -1) {
        kept.push(bytes.subarray(keptFrom, i));
        keptFrom = i = close + 3;
        changed = true;
        continue;
      }
    }
    // Third: a raw-text tag name, lower-cased where it is not.
    const slash = bytes[i + 1] === SLASH ? 1 : 0;
    const rawName = matchName(bytes, i + 1 + slash, RAW_TEXT);
    if (rawName) {
      const nameStart = i + 1 + slash;
      const nameEnd = nameStart + rawName.length;
      if (!isLowerCase(bytes, nameStart, nameEnd)) {
        kept.push(bytes.subarray(keptFrom, nameStart), Uint8Array.from(rawName));
        keptFrom = nameEnd;
        changed = true;
      }
      i = nameEnd;
      continue;
    }
    i++;
  }
  if (!changed) return bytes;
  kept.push(bytes.subarray(keptFrom));
  return Buffer.concat(kept);
}

/** The first alternative at `start` (a `<`): where its match ends, and the JSON-LD script to keep in its place, if it is one. */
function matchCutWhole(bytes: Uint8Array, start: number): { end: number; jsonLd?: Uint8Array } | undefined {
  const name = matchName(bytes, start + 1, CUT_WHOLE);
  if (!name) return undefined;
  const nameEnd = start + 1 + name.length;
  const tagEnd = bytes.indexOf(GT, nameEnd);
  if (tagEnd === -1) return undefined;
  // The end tag: `</name`, any case, then optional whitespace and `>`.
  for (let close = indexOfCloseTagStart(bytes, tagEnd + 1); close !== -1; close = indexOfCloseTagStart(bytes, close + 1)) {
    if (!equalsIgnoringCase(bytes, close + 2, name)) continue;
    let end = close + 2 + name.length;
    while (end < bytes.length && isWhitespace(bytes[end] as number)) end++;
    if (bytes[end] !== GT) continue;
    end++;
    if (name !== SCRIPT || !containsLdJson(bytes, nameEnd, tagEnd)) return { end };
    // JSON-LD stays; a `<SCRIPT>` becomes `<script>…</script>` so that the parser finds its end.
    if (isLowerCase(bytes, start + 1, nameEnd)) return { end, jsonLd: bytes.subarray(start, end) };
    return {
      end,
      jsonLd: Buffer.concat([
        Buffer.from("<script"),
        bytes.subarray(nameEnd, tagEnd + 1),
        bytes.subarray(tagEnd + 1, close),
        Buffer.from("</script>"),
      ]),
    };
  }
  return undefined;
}

/** The first of `names` written at `at` (any case) and followed by a non-word character or the end, as `\b` asks. */
function matchName(bytes: Uint8Array, at: number, names: number[][]): number[] | undefined {
  for (const name of names) {
    if (equalsIgnoringCase(bytes, at, name) && !isWordByte(bytes[at + name.length])) return name;
  }
  return undefined;
}

/** Whether `lowerName` (lower-case ASCII) is written at `at`, ASCII letters in any case. */
function equalsIgnoringCase(bytes: Uint8Array, at: number, lowerName: number[]): boolean {
  if (at + lowerName.length > bytes.length) return false;
  for (let k = 0; k < lowerName.length; k++) {
    const byte = bytes[at + k] as number;
    const wanted = lowerName[k] as number;
    // For a letter, setting bit 0x20 lower-cases it and maps no other byte onto it.
    if (byte !== wanted && !(wanted >= 0x61 && wanted <= 0x7a && (byte | 0x20) === wanted)) return false;
  }
  return true;
}

function isLowerCase(bytes: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if ((bytes[k] as number) < 0x61) return false;
  return true;
}

function indexOfCloseTagStart(bytes: Uint8Array, from: number): number {
  for (let i = bytes.indexOf(LT, from); i !== -1; i = bytes.indexOf(LT, i + 1)) {
    if (bytes[i + 1] === SLASH) return i;
  }
  return -1;
}

function indexOfCommentEnd(bytes: Uint8Array, from: number): number {
  for (let i = bytes.indexOf(DASH, from); i !== -1; i = bytes.indexOf(DASH, i + 1)) {
    if (bytes[i + 1] === DASH && bytes[i + 2] === GT) return i;
  }
  return -1;
}

/** `ld+json`, any case, in the start tag's attributes. */
function containsLdJson(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i + LD_JSON.length <= to; i++) if (equalsIgnoringCase(bytes, i, LD_JSON)) return true;
  return false;
}
const LD_JSON = asciiCodes("ld+json");

/** `\w` in a regex without the `u` flag: ASCII letters, digits and `_`. */
function isWordByte(byte: number | undefined): boolean {
  if (byte === undefined) return false;
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x5f;
}

/** HTML's whitespace: tab, line feed, form feed, carriage return, space. */
function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d;
}

function asciiCodes(name: string): number[] {
  return [...name].map((c) => c.charCodeAt(0));
}
