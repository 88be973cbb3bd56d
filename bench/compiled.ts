import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

/** Where the benchmark keeps what it compiles: ignored by git, outside the shipped `dist/`. */
export const CACHE_DIR = path.resolve(__dirname, "../node_modules/.cache/burn-dragon-bench");

/**
 * The hand-written reference as plain CommonJS, compiled the way `tsc` compiles the package,
 * so that both sides are measured as the JavaScript a user would load.
 */
export function handwrittenModule(): string {
  const source = fs.readFileSync(path.join(__dirname, "handwritten.ts"), "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, strict: true },
  });
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const file = path.join(CACHE_DIR, "handwritten.js");
  fs.writeFileSync(file, outputText);
  return file;
}

/**
 * A private copy of the built package (`dist/`), loaded as `require("burn-dragon-schema")`
 * would load it: other work in the same tree may rebuild `dist/` while the benchmark runs.
 */
export function packageEntry(): string {
  const copy = path.join(CACHE_DIR, "dist");
  fs.rmSync(copy, { recursive: true, force: true });
  fs.cpSync(path.resolve(__dirname, "../dist"), copy, { recursive: true });
  return path.join(copy, "index.js");
}
