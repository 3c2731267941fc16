/**
 * npm 11 runs a dependency's install scripts only when package.json's `allowScripts` approves it
 * (for now it warns; a future npm skips them). better-sqlite3 must compile, so every installed
 * package with an install script must be approved (true) or deliberately denied (false).
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const INSTALL_SCRIPTS = ["preinstall", "install", "postinstall"] as const;

interface Manifest {
  name?: string;
  scripts?: Record<string, string>;
  allowScripts?: Record<string, boolean>;
}

function readManifest(dir: string): Manifest | undefined {
  const path = join(dir, "package.json");
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Manifest) : undefined;
}

/** Installed packages (any depth) that have an install script; npm counts a binding.gyp as `node-gyp rebuild`. */
function packagesWithInstallScripts(nodeModules: string, found = new Set<string>()): Set<string> {
  if (!existsSync(nodeModules)) return found;
  for (const entry of readdirSync(nodeModules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    const dirs = entry.name.startsWith("@")
      ? readdirSync(join(nodeModules, entry.name), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(nodeModules, entry.name, e.name))
      : [join(nodeModules, entry.name)];
    for (const dir of dirs) {
      const manifest = readManifest(dir);
      if (!manifest?.name) continue;
      if (INSTALL_SCRIPTS.some((script) => manifest.scripts?.[script]) || existsSync(join(dir, "binding.gyp"))) found.add(manifest.name);
      packagesWithInstallScripts(join(dir, "node_modules"), found);
    }
  }
  return found;
}

describe("install scripts", () => {
  const allowScripts = readManifest(ROOT)?.allowScripts ?? {};

  it("approves better-sqlite3's build", () => {
    expect(allowScripts["better-sqlite3"]).toBe(true);
  });

  it("covers every installed package that has an install script", () => {
    const pending = [...packagesWithInstallScripts(join(ROOT, "node_modules"))].filter((name) => !(name in allowScripts));
    expect(pending).toEqual([]);
  });
});
