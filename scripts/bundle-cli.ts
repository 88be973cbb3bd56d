import * as path from "node:path";
import { buildSync } from "esbuild";

/**
 * The command line as one file, `dist/cli/bin.js`, bundled from the compiled modules beside it:
 * a process that starts it reads one file where it would resolve and read some sixty, which is
 * most of a short run's time. What only some runs need stays outside, loaded on first use from
 * where it stands: the generated validators (`../generated/`, one target's each), the JSON
 * and YAML parsers (a run over TOML files never reads them), and the language server
 * (`../server/`, with vscode-languageserver: only `lsp` reads it).
 */
const dist = path.resolve(__dirname, "../dist");
const result = buildSync({
  entryPoints: [path.join(dist, "cli/main.js")],
  outfile: path.join(dist, "cli/bin.js"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  external: ["../generated/*", "../server/*", "jsonc-parser", "yaml", "ajv-errors"],
  legalComments: "none",
  metafile: true,
  logLevel: "warning",
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(`wrote dist/cli/bin.js (${bytes} bytes)`);
