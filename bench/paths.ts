import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The package root, found from wherever this file runs: the benchmark is compiled into a
 * cache directory and run there by plain `node` (under ts-node's require hook, the measured
 * modules run several times slower than they do for a user).
 */
function packageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, "utf8")).name === "burn-dragon-schema") return dir;
    if (path.dirname(dir) === dir) throw new Error(`no burn-dragon-schema package above ${from}`);
  }
}

export const ROOT = packageRoot(__dirname);
/** Ignored by git, outside the shipped `dist/`. */
export const CACHE_DIR = path.join(ROOT, "node_modules/.cache/burn-dragon-bench");
export const CORPORA_FILE = path.join(CACHE_DIR, "corpora.json");
