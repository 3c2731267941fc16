import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MENU_COMMANDS } from "../../src/bot/commands.ts";
import { LOCALES_DIR, SUPPORTED_LOCALES, createI18n } from "../../src/i18n/index.ts";

function messageIds(locale: string): Set<string> {
  const source = readFileSync(join(LOCALES_DIR, `${locale}.ftl`), "utf8");
  return new Set([...source.matchAll(/^([a-zA-Z][\w-]*)\s*=/gm)].map((m) => m[1] ?? ""));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Keys the code asks for literally: t("key") / ctx.t("key") / i18n.t(locale, "key"). */
function keysUsedInCode(): Set<string> {
  const keys = new Set<string>();
  for (const file of sourceFiles(join(import.meta.dirname, "../../src"))) {
    const code = readFileSync(file, "utf8");
    for (const match of code.matchAll(/\bt\(\s*(?:[\w.]+\s*,\s*)?["']([a-z][a-z0-9-]*)["']/g)) keys.add(match[1] ?? "");
  }
  for (const command of MENU_COMMANDS) keys.add(`command-${command}`);
  return keys;
}

describe("locales", () => {
  it("has a file per supported locale", () => {
    const files = readdirSync(LOCALES_DIR).filter((name) => name.endsWith(".ftl"));
    expect(files.sort()).toEqual(SUPPORTED_LOCALES.map((locale) => `${locale}.ftl`).sort());
  });

  it("defines the same keys in every locale", () => {
    const [first, ...rest] = SUPPORTED_LOCALES.map((locale) => ({ locale, ids: messageIds(locale) }));
    for (const other of rest) {
      const missingThere = [...first!.ids].filter((id) => !other.ids.has(id));
      const missingHere = [...other.ids].filter((id) => !first!.ids.has(id));
      expect({ [`missing in ${other.locale}`]: missingThere, [`missing in ${first!.locale}`]: missingHere }).toEqual({
        [`missing in ${other.locale}`]: [],
        [`missing in ${first!.locale}`]: [],
      });
    }
  });

  it("defines every key the code asks for", () => {
    const used = keysUsedInCode();
    expect(used.size).toBeGreaterThan(10);
    for (const locale of SUPPORTED_LOCALES) {
      const ids = messageIds(locale);
      expect([...used].filter((key) => !ids.has(key)), `keys missing in ${locale}.ftl`).toEqual([]);
    }
  });

  it("formats without Fluent's invisible isolation marks", () => {
    const i18n = createI18n({ defaultLocale: "en" });
    const text = i18n.t("uk", "unknown-command", { command: "/foo" });
    expect(text).toBe("Я не знаю команди /foo. Надішліть /help, щоб побачити, що я вмію.");
    expect(text).not.toMatch(/[\u2068\u2069]/);
  });
});
