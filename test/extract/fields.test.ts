/**
 * The fields a reader sees, on a page built from the dev pages' failures (issue 13): a date
 * declared only in an `itemprop` naming two properties, a site name given as a URL and a Twitter
 * handle, a logo `<h1>` inside the link home, and two sentences separated only by an empty block.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/extract/index.ts";
import { toIsoDate } from "../../src/extract/dates.ts";

const page = readFileSync(join(import.meta.dirname, "..", "fixtures", "extract", "fields-site-template.html"));
const { article } = extractArticle(page, { url: "https://www.harbourcity.example/2019/11/tram" });

describe("fields a reader sees", () => {
  it("finds the date in a <meta itemprop> naming two properties", () => {
    expect(article.published).toBe("2019-11-19T11:00:09Z");
  });

  it("falls back to a <meta> whose name says it is the publication date, in any site's naming", () => {
    const html = page.toString("utf8").replace(/<meta property="article:published"[^>]*>/, "");
    expect(extractArticle(html).article.published).toBe("2019-11-18");
    expect(toIsoDate("20191119")).toBe("2019-11-19");
    expect(toIsoDate("20191399")).toBeUndefined();
  });

  it("names the site by its host when it declares a URL or only a handle", () => {
    expect(article.siteName).toBe("harbourcity.example");
    const handleOnly = page.toString("utf8").replace(/<meta property="og:site_name"[^>]*>/, "");
    expect(extractArticle(handleOnly).article.siteName).toBeUndefined();
  });

  it("takes the headline from the page, not from the logo <h1> that links home", () => {
    expect(article.title).toBe("Tram line extended to the airport");
  });

  it("keeps two sentences apart when only an empty block stands between them", () => {
    expect(article.articleBody).toContain("said on Wednesday.\n\nThe extension adds four stops");
    expect(article.articleBody).not.toContain("Wednesday.The");
  });
});
