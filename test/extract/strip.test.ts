import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodePage } from "../../src/extract/decode.ts";
import { stripNeverText, stripNeverTextBytes } from "../../src/extract/strip.ts";

const CUT = { text: stripNeverText, bytes: stripNeverTextBytes };

/** Tag names in mixed case, near misses among them, and tags the cut leaves alone. */
const name = fc.constantFrom("script", "SCRIPT", "ScRiPt", "scripts", "script_", "style", "STYLE", "noscript", "svg", "SVG", "textarea", "template", "pre", "PRE", "p", "div");
/** HTML's whitespace, and characters that are whitespace elsewhere but not in a tag. */
const space = fc.constantFrom("", " ", "\n", "\t", "\r", "\f", "\u000b", "\u00a0", "\u3000");
const attributes = fc.constantFrom("", ' type="application/ld+json"', " type='APPLICATION/LD+JSON'", " type=ld-json", " src=x", ' class="a"', "/");
const token = fc.oneof(
  fc.tuple(fc.constant("<"), name, attributes, fc.constantFrom(">", "", " >")).map((parts) => parts.join("")),
  fc.tuple(fc.constant("</"), name, space, fc.constantFrom(">", "", "x>")).map((parts) => parts.join("")),
  fc.constantFrom("<!--", "-->", "--", "->", "<!-->", "<!", "<", ">", "/", "-"),
  fc.constantFrom("text", " ", "é", "Привіт", "_", "1", "\u00a0", '{"headline":"</p>"}'),
);
const tokens = fc.array(token, { maxLength: 40 });
/** A random page in UTF-8: multi-byte characters sit among the markup. */
const utf8Page = tokens.map((list) => Buffer.from(list.join(""), "utf8"));
/** The same in latin1, where a no-break space is one byte. */
const anyPage = fc.oneof(utf8Page, tokens.map((list) => Buffer.from(list.join(""), "latin1")));

describe("cutting scripts, styles and comments before parsing", () => {
  it("cuts them and keeps JSON-LD, lower-casing the raw-text tags that remain", () => {
    const html =
      '<head><SCRIPT type="application/ld+json">{"a":1}</Script ><script>var x = "</div>";</script><style>p{}</style></head>' +
      "<!-- note --><body><PRE>code</PRE><Noscript>no</NOSCRIPT><svg><text>chart</text></svg><p>Text</p><script src=x>";
    const expected = '<head><script type="application/ld+json">{"a":1}</script></head><body><pre>code</pre><p>Text</p><script src=x>';
    expect(stripNeverText(html)).toBe(expected);
    expect(Buffer.from(stripNeverTextBytes(Buffer.from(html, "latin1"))).toString("latin1")).toBe(expected);
  });

  it("gives the same result on bytes as on text, whatever the markup", () => {
    fc.assert(
      fc.property(anyPage, (bytes) => {
        const onBytes = Buffer.from(stripNeverTextBytes(bytes)).toString("latin1");
        expect(onBytes).toBe(stripNeverText(bytes.toString("latin1")));
      }),
      { numRuns: 3000 },
    );
  });

  it("decodes the cut bytes to the text that cutting the decoded page gives", () => {
    fc.assert(
      fc.property(utf8Page, (bytes) => {
        expect(decodePage(bytes, undefined, CUT).html).toBe(stripNeverText(decodePage(bytes).html));
      }),
      { numRuns: 500 },
    );
    const cp1251 = iconv.encode('<meta charset="windows-1251"><script>var a = "Привіт";</script><p>Привіт, світ</p><!-- коментар -->', "windows-1251");
    expect(decodePage(cp1251, undefined, CUT)).toEqual({ html: '<meta charset="windows-1251"><p>Привіт, світ</p>', charset: "windows-1251", source: "meta" });
  });

  it("cuts UTF-16 pages after decoding them", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("<script>x</script><p>Привіт</p>", "utf16le")]);
    expect(decodePage(utf16, undefined, CUT)).toEqual({ html: "<p>Привіт</p>", charset: "utf-16le", source: "bom" });
  });
});
