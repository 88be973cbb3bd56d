import * as fs from "node:fs";
import * as path from "node:path";

/**
 * `import` of the package root: an ES module that re-exports the CommonJS build by name,
 * with its own declarations, so both module systems share one implementation.
 */
const dist = path.resolve(__dirname, "../dist");
const names = Object.keys(require(path.join(dist, "index.js")) as object).filter((name) => name !== "__esModule");
const esm = [
  'import cjs from "./index.js";',
  ...names.map((name) => `export const ${name} = cjs.${name};`),
  "",
].join("\n");
fs.writeFileSync(path.join(dist, "index.mjs"), esm);
fs.writeFileSync(path.join(dist, "index.d.mts"), 'export * from "./index.js";\n');
console.log(`wrote dist/index.mjs (${names.join(", ")})`);
