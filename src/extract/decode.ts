/**
 * Bytes to text, the way a browser or feed reader picks the charset: byte-order
 * mark first, then the HTTP Content-Type charset, then an XML declaration
 * (`<?xml … encoding="…"?>`, feeds and XHTML) or `<meta charset>` / `http-equiv`
 * in the first bytes, else UTF-8. Old Ukrainian and Russian sites still serve
 * windows-1251 and koi8-u; iconv-lite knows those.
 */
import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";

export interface DecodedPage {
  html: string;
  /** The charset actually used, lower-case (e.g. "utf-8", "windows-1251"). */
  charset: string;
  /** Where the charset came from. */
  source: "bom" | "content-type" | "xml-declaration" | "meta" | "default" | "utf-8-over-meta";
}

/** How far into the page a `<meta charset>` is looked for (the HTML spec says 1024; pages are sloppier). */
const META_PRESCAN_BYTES = 4096;

/**
 * A rewrite of the markup (e.g. cutting out `<script>` blocks before parsing),
 * in two forms that give the same result: on decoded text, and on the bytes of
 * a charset in which markup is plain ASCII, read one byte per character.
 */
export interface MarkupRewrite {
  text: (html: string) => string;
  bytes: (bytes: Uint8Array) => Uint8Array;
}

/**
 * @param rewrite applied to the page before its text is decoded when the charset
 * allows it, else to the decoded text; the result is the same either way. Most
 * of a page's bytes are scripts and styles that the rewrite drops, so decoding
 * only what is left is faster, and the page never exists as one large decoded
 * string (UTF-16 in memory: twice its bytes once a single non-ASCII character
 * is in it).
 */
export function decodePage(bytes: Uint8Array, contentType?: string, rewrite?: MarkupRewrite, trustUtf8OverMeta = true): DecodedPage {
  const bom = sniffBom(bytes);
  if (bom) return { html: decodeRewritten(bytes.subarray(bom.length), bom.charset, rewrite), charset: bom.charset, source: "bom" };

  const fromHeader = charsetFromContentType(contentType);
  if (fromHeader) return { html: decodeRewritten(bytes, fromHeader, rewrite), charset: fromHeader, source: "content-type" };

  const fromXml = charsetFromXmlDeclaration(bytes);
  if (fromXml) return { html: decodeRewritten(bytes, fromXml, rewrite), charset: fromXml, source: "xml-declaration" };

  const fromMeta = charsetFromMeta(bytes);
  if (fromMeta && trustUtf8OverMeta && SINGLE_BYTE.test(fromMeta) && looksLikeUtf8(bytes)) {
    return { html: decodeRewritten(bytes, "utf-8", rewrite), charset: "utf-8", source: "utf-8-over-meta" };
  }
  if (fromMeta) return { html: decodeRewritten(bytes, fromMeta, rewrite), charset: fromMeta, source: "meta" };

  return { html: decodeRewritten(bytes, "utf-8", rewrite), charset: "utf-8", source: "default" };
}

/**
 * Charsets in which every byte below 0x80 is that ASCII character and no byte of
 * a multi-byte character is `<`, `>`, `/`, `!` or `-`, nor an ASCII letter right
 * after one of them: UTF-8, the single-byte charsets, and the East Asian
 * multi-byte ones whose lead bytes are all >= 0x81. In them, markup found in the
 * bytes is the same markup as in the decoded text. Not so in UTF-16, UTF-7 or
 * the ISO-2022 family.
 */
const ASCII_COMPATIBLE =
  /^(?:utf-8|windows-\d{3,4}|iso-8859-\d{1,2}|koi8-[a-z]{1,2}|cp125\d|cp866|ibm866|macintosh|x-mac-cyrillic|shift_jis|sjis|euc-jp|euc-kr|gbk|gb2312|gb18030|big5|big5-hkscs|cp9(?:32|36|49|50))$/;

function decodeRewritten(bytes: Uint8Array, charset: string, rewrite: MarkupRewrite | undefined): string {
  if (!rewrite) return decodeWith(bytes, charset);
  if (!ASCII_COMPATIBLE.test(charset)) return rewrite.text(decodeWith(bytes, charset));
  return decodeWith(rewrite.bytes(bytes), charset);
}

/** Charsets of one byte per character, in which any byte sequence is "valid". */
const SINGLE_BYTE = /^(?:windows-125\d|iso-8859-\d{1,2}|koi8-[a-z]{1,2}|cp125\d|cp866|ibm866|macintosh|x-mac-cyrillic)$/;

/**
 * Whether the bytes are UTF-8 with at least one multi-byte character. A `<meta>`
 * that names a single-byte charset is often left over from a template while the
 * page is served in UTF-8 (the header, which would settle it, says nothing). Text
 * really written in a single-byte charset is practically never valid UTF-8 once it
 * holds a few non-ASCII letters (a lead byte must be followed by exactly the right
 * number of continuation bytes), so valid UTF-8 is the likelier truth.
 */
function looksLikeUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length && (bytes[i] as number) < 0x80) i++;
  if (i === bytes.length) return false; // plain ASCII reads the same either way
  return isUtf8(bytes.subarray(0, completeLength(bytes)));
}

/** The length without a multi-byte character cut off at the end (a page cut at a size limit). */
function completeLength(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const byte = bytes[n - back] as number;
    if (byte < 0x80) return n;
    if (byte >= 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return needed > back ? n - back : n;
    }
  }
  return n;
}

function sniffBom(bytes: Uint8Array): { charset: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: "utf-16be", length: 2 };
  return undefined;
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const match = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return match ? normalizeCharset(match[1] as string) : undefined;
}

/**
 * The `encoding` of an XML declaration at the very start. A declaration written in
 * UTF-16 without a byte-order mark shows as `<` and `?` with zero bytes between
 * (XML 1.0, appendix F); an ASCII one declaring UTF-16 is not UTF-16.
 */
function charsetFromXmlDeclaration(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return "utf-16le";
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) return "utf-16be";
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 256)).toString("latin1");
  const declaration = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (!declaration) return undefined;
  const charset = normalizeCharset(declaration[1] as string);
  return charset?.startsWith("utf-16") ? "utf-8" : charset;
}

function charsetFromMeta(bytes: Uint8Array): string | undefined {
  // latin1 maps every byte to one char, so ASCII markup reads right whatever the charset.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, META_PRESCAN_BYTES)).toString("latin1");
  const metaTag = /<meta\b[^>]*>/gi;
  for (let match = metaTag.exec(head); match; match = metaTag.exec(head)) {
    const tag = match[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (!direct) continue;
    const charset = normalizeCharset(direct[1] as string);
    if (!charset) continue;
    // A page that says it is UTF-16 in ASCII-compatible bytes is not (HTML spec).
    return charset.startsWith("utf-16") ? "utf-8" : charset;
  }
  return undefined;
}

/** Lower-cases and maps the label to one iconv-lite knows; undefined when nobody knows it. */
export function normalizeCharset(label: string): string | undefined {
  const name = label.trim().toLowerCase();
  if (name === "utf8" || name === "unicode-1-1-utf-8") return "utf-8";
  // Browsers read latin1 labels as windows-1252, and so do the pages that use them.
  if (name === "iso-8859-1" || name === "latin1" || name === "us-ascii" || name === "ascii") return "windows-1252";
  return iconv.encodingExists(name) ? name : undefined;
}

function decodeWith(bytes: Uint8Array, charset: string): string {
  // Buffer's UTF-8 decoder is Node's fastest; invalid bytes become U+FFFD like a browser's.
  if (charset === "utf-8") return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
}
