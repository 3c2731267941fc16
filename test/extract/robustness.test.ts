import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/extract/index.ts";
import { seededRandom } from "../../src/topics/classifier/random.ts";

const PARAGRAPH = "The council met on Tuesday evening, and after a long debate it voted to keep the library open on Sundays for another year.";

describe("inputs that must not break the extractor", () => {
  it("gives an empty article with a reason for empty input", () => {
    for (const input of ["", new Uint8Array(0)]) {
      const result = extractArticle(input);
      expect(result.article).toEqual({ url: "", title: "", authors: [], tags: [], articleBody: "", links: [] });
      expect(result.truncated).toBe(false);
      expect(result.emptyReason).toMatch(/^no article content found/);
    }
  });

  it("survives binary junk", () => {
    let seed = 42;
    const junk = new Uint8Array(200_000).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed & 0xff;
    });
    const result = extractArticle(junk, { url: "https://example.com/junk" });
    expect(result.article.url).toBe("https://example.com/junk");
    expect(typeof result.article.articleBody).toBe("string");
  });

  it("reads text nested 10,000 elements deep", () => {
    const html = `<html><body>${"<div>".repeat(10_000)}<p>${PARAGRAPH}</p><p>${PARAGRAPH}</p>${"</div>".repeat(10_000)}</body></html>`;
    const result = extractArticle(html);
    expect(result.article.articleBody).toBe(`${PARAGRAPH}\n\n${PARAGRAPH}`);
  });

  it("reads pages with unclosed tags", () => {
    const html = `<html><head><title>Library stays open | Town Times</title><body><div class=article><h1>Library stays open<p>${PARAGRAPH}<p>${PARAGRAPH}<div><span>${PARAGRAPH}`;
    const result = extractArticle(html);
    expect(result.article.title).toBe("Library stays open");
    expect(result.article.articleBody.split("\n\n")).toEqual([PARAGRAPH, PARAGRAPH, PARAGRAPH]);
  });

  it("cuts a 20 MB page at maxBytes and says so", () => {
    const head = `<html><body><article><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p>`;
    const filler = `<div class="comment"><p>${"spam ".repeat(50)}</p></div>`;
    const html = head + filler.repeat(Math.ceil((20 * 1024 * 1024) / filler.length)) + "</article></body></html>";
    const bytes = new TextEncoder().encode(html);
    expect(bytes.length).toBeGreaterThan(20 * 1024 * 1024);

    const byDefault = extractArticle(bytes);
    expect(byDefault.truncated).toBe(true);

    const small = extractArticle(bytes, { maxBytes: 64 * 1024 });
    expect(small.truncated).toBe(true);
    expect(small.article.articleBody.startsWith(`${PARAGRAPH}\n\n${PARAGRAPH}`)).toBe(true);

    const whole = extractArticle(head + "</article></body></html>", { maxBytes: 64 * 1024 });
    expect(whole.truncated).toBe(false);
  });

  it("never reads text from scripts, styles or hidden elements, even when they are the only text", () => {
    const html = `<html><body>
      <script>var story = "${PARAGRAPH}";</script>
      <style>p::after { content: "${PARAGRAPH}" }</style>
      <div hidden><p>${PARAGRAPH}</p></div>
      <div style="display:none"><p>${PARAGRAPH}</p></div>
      <div aria-hidden="true"><p>${PARAGRAPH}</p></div>
      <template><p>${PARAGRAPH}</p></template>
      <noscript><p>${PARAGRAPH}</p></noscript>
    </body></html>`;
    const result = extractArticle(html);
    expect(result.article.articleBody).toBe("");
    expect(JSON.stringify(result)).not.toContain("library");
    expect(result.emptyReason).toMatch(/^no article content found/);
  });
});


function mutate(html: string, rnd: () => number): string {
  let out = html;
  const pick = (max: number): number => Math.floor(rnd() * max);
  for (let i = 0; i < 8; i++) {
    const at = pick(out.length);
    switch (pick(6)) {
      case 0: // cut a slice out (unbalances tags)
        out = out.slice(0, at) + out.slice(at + pick(5000));
        break;
      case 1: // duplicate a slice
        out = out.slice(0, at) + out.slice(at, at + pick(3000)) + out.slice(at);
        break;
      case 2: // drop every closing tag of a kind
        out = out.replace(new RegExp(["</div>", "</p>", "</script>", "</a>", "</li>"][pick(5)] as string, "g"), "");
        break;
      case 3: // stray markup
        out = out.slice(0, at) + ["<", "<!--", "<script>", "\"'>", "<div hidden>", "&#xFFFFFF;", "\u0000"][pick(7)] + out.slice(at);
        break;
      case 4: // deep nesting burst
        out = out.slice(0, at) + "<span>".repeat(2000) + out.slice(at);
        break;
      default: // truncate
        out = out.slice(0, Math.max(at, out.length >> 1));
    }
  }
  return out;
}

describe("fuzz: mutated fixture pages", () => {
  // The repository's own fixture pages, so that the test stands on its own in any clone.
  const dir = join(import.meta.dirname, "..", "fixtures", "extract");
  const names = readdirSync(dir).filter((f) => f.endsWith(".html")).sort();

  it("finishes every mutated page with a well-formed result", () => {
    expect(names.length).toBeGreaterThan(5);
    const rnd = seededRandom(20250323);
    for (const name of names) {
      const html = readFileSync(join(dir, name)).toString("latin1");
      for (let round = 0; round < 3; round++) {
        const mutated = mutate(html, rnd);
        const result = extractArticle(mutated, { url: "https://example.com/story" });
        expect(typeof result.article.articleBody, `${name} round ${round}`).toBe("string");
        expect(Array.isArray(result.article.links)).toBe(true);
        expect(result.article.articleBody.length > 0 || result.emptyReason !== undefined).toBe(true);
      }
    }
  });
});
