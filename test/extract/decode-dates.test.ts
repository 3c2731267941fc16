import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodePage } from "../../src/extract/decode.ts";
import { toIsoDate } from "../../src/extract/dates.ts";

describe("decodePage", () => {
  const text = "Привіт, світ";

  it("follows the byte-order mark first", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(`<meta charset="windows-1251">${text}`)]);
    expect(decodePage(bytes, "text/html; charset=koi8-u")).toEqual({ html: `<meta charset="windows-1251">${text}`, charset: "utf-8", source: "bom" });
  });

  it("then the Content-Type charset, then <meta>, then UTF-8", () => {
    const cp1251 = iconv.encode(`<meta charset="windows-1251"><p>${text}</p>`, "windows-1251");
    expect(decodePage(cp1251)).toMatchObject({ charset: "windows-1251", source: "meta", html: `<meta charset="windows-1251"><p>${text}</p>` });
    const koi = iconv.encode(`<p>${text}</p>`, "koi8-u");
    expect(decodePage(koi, 'text/html; charset="KOI8-U"')).toMatchObject({ charset: "koi8-u", source: "content-type", html: `<p>${text}</p>` });
    expect(decodePage(new TextEncoder().encode(`<p>${text}</p>`))).toMatchObject({ charset: "utf-8", source: "default", html: `<p>${text}</p>` });
  });

  it("reads an XML declaration (XHTML, feeds) before <meta>, and never as UTF-16 in ASCII bytes", () => {
    const xhtml = iconv.encode(`<?xml version="1.0" encoding="koi8-u"?><meta charset="windows-1251"><p>${text}</p>`, "koi8-u");
    expect(decodePage(xhtml)).toMatchObject({ charset: "koi8-u", source: "xml-declaration" });
    expect(decodePage(new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-16"?><p>${text}</p>`))).toMatchObject({ charset: "utf-8", html: `<?xml version="1.0" encoding="UTF-16"?><p>${text}</p>` });
  });

  it("reads valid multi-byte UTF-8 under a <meta> naming a single-byte charset as UTF-8, unless the HTTP header names one", () => {
    const page = `<meta charset="iso-8859-1"><p>Câmara aprova orçamento — ${text}</p>`;
    const utf8 = new TextEncoder().encode(page);
    expect(decodePage(utf8)).toMatchObject({ charset: "utf-8", source: "utf-8-over-meta", html: page });
    // Cut in the middle of a character by a size limit: still UTF-8.
    expect(decodePage(utf8.subarray(0, utf8.length - 6))).toMatchObject({ charset: "utf-8" });
    // The header is the server's word: it wins.
    expect(decodePage(utf8, "text/html; charset=iso-8859-1")).toMatchObject({ charset: "windows-1252", source: "content-type" });
    // Real single-byte text is not valid UTF-8: the <meta> stands.
    const latin = `<meta charset="iso-8859-1"><p>Câmara aprova orçamento — saúde</p>`;
    expect(decodePage(iconv.encode(latin, "windows-1252"))).toMatchObject({ charset: "windows-1252", source: "meta", html: latin });
    const cp1251 = `<meta charset="windows-1251"><p>${text}</p>`;
    expect(decodePage(iconv.encode(cp1251, "windows-1251"))).toMatchObject({ charset: "windows-1251", html: cp1251 });
  });

  it("ignores charsets nobody knows and falls back to UTF-8", () => {
    expect(decodePage(new TextEncoder().encode(text), "text/html; charset=x-klingon")).toMatchObject({ charset: "utf-8", html: text });
  });
});

describe("toIsoDate", () => {
  it("turns zoned times into UTC instants and keeps bare days as days", () => {
    expect(toIsoDate("2025-03-23T11:42:00+02:00")).toBe("2025-03-23T09:42:00Z");
    expect(toIsoDate("2025-03-23T11:42:00.123Z")).toBe("2025-03-23T11:42:00Z");
    expect(toIsoDate("2025-03-23 11:42")).toBe("2025-03-23T11:42:00");
    expect(toIsoDate("2025-03-23")).toBe("2025-03-23");
    expect(toIsoDate("Sun, 23 Mar 2025 09:42:00 GMT")).toBe("2025-03-23T09:42:00Z");
    expect(toIsoDate("March 23, 2025")).toBe("2025-03-23");
    expect(toIsoDate("Updated 5:03 PM ET, Mon November 18, 2019")).toBe("2019-11-18");
    expect(toIsoDate("23 Sept 2025")).toBe("2025-09-23");
    expect(toIsoDate("23.03.2025")).toBe("2025-03-23");
    expect(toIsoDate("1742722920")).toBe("2025-03-23T09:42:00Z");
  });

  it("says nothing rather than guess", () => {
    expect(toIsoDate("yesterday")).toBeUndefined();
    expect(toIsoDate("Mayor 12 2019")).toBeUndefined();
    expect(toIsoDate("2025-13-40")).toBeUndefined();
    expect(toIsoDate("")).toBeUndefined();
  });
});
