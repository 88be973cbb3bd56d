import * as fs from "node:fs";
import * as path from "node:path";
import { CACHE_DIR, ROOT } from "./paths";

/** The hand-written reference as `tsc` compiled it beside this file (bench/tsconfig.json). */
export const HANDWRITTEN = path.join(__dirname, "handwritten.js");

/**
 * A private copy of the built package (`dist/`, or the build BENCH_DIST names, to measure an
 * earlier version), loaded as `require("burn-dragon-schema")` would load it: other work in
 * the same tree may rebuild `dist/` while the benchmark runs.
 */
export function packageEntry(): string {
  const copy = path.join(CACHE_DIR, "dist");
  fs.rmSync(copy, { recursive: true, force: true });
  fs.cpSync(process.env.BENCH_DIST ?? path.join(ROOT, "dist"), copy, { recursive: true });
  return path.join(copy, "index.js");
}
