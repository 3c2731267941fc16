/**
 * The newsroom's articles, kept as text files in `pages/`: `key: value` header lines, a blank
 * line, then the paragraphs separated by blank lines. `wave` says when the article appears (0: on
 * the site from the start; n: with the newsroom's n-th publication), `syndicated-by` names the
 * outlet that republishes it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export type OutletId = "post" | "wire";

export interface NewsroomArticle {
  /** The outlet that wrote it. */
  site: OutletId;
  slug: string;
  title: string;
  author: string;
  section: string;
  lang: string;
  wave: number;
  /** The outlet that republishes it under its own address, if any. */
  syndicatedBy?: OutletId;
  /** The story an editor would push with /breaking. */
  breaking: boolean;
  paragraphs: string[];
}

export const PAGES_DIR = fileURLToPath(new URL("./pages/", import.meta.url));

const OUTLETS: readonly OutletId[] = ["post", "wire"];

function outlet(value: string | undefined, file: string): OutletId {
  if (value !== undefined && (OUTLETS as readonly string[]).includes(value)) return value as OutletId;
  throw new Error(`${file}: site must be one of ${OUTLETS.join(", ")}, not ${value ?? "(missing)"}`);
}

export function parseArticle(text: string, file: string): NewsroomArticle {
  const [head = "", ...blocks] = text.replace(/\r\n/g, "\n").trim().split(/\n\s*\n/);
  const fields = new Map<string, string>();
  for (const line of head.split("\n")) {
    const colon = line.indexOf(":");
    if (colon < 1) throw new Error(`${file}: header line without "key: value": ${line}`);
    fields.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  const required = (key: string) => {
    const value = fields.get(key);
    if (!value) throw new Error(`${file}: missing "${key}:"`);
    return value;
  };
  const wave = Number(required("wave"));
  if (!Number.isInteger(wave) || wave < 0) throw new Error(`${file}: wave must be a whole number`);
  const paragraphs = blocks.map((block) => block.replace(/\s*\n\s*/g, " ").trim()).filter(Boolean);
  if (paragraphs.length === 0) throw new Error(`${file}: no paragraphs`);
  const syndicated = fields.get("syndicated-by");
  return {
    site: outlet(fields.get("site"), file),
    slug: required("slug"),
    title: required("title"),
    author: required("author"),
    section: required("section"),
    lang: fields.get("lang") ?? "en",
    wave,
    ...(syndicated ? { syndicatedBy: outlet(syndicated, file) } : {}),
    breaking: fields.get("breaking") === "true",
    paragraphs,
  };
}

/** Every article of `pages/`, in file-name order. */
export function loadArticles(dir = PAGES_DIR): NewsroomArticle[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => parseArticle(readFileSync(join(dir, name), "utf8"), name));
}
