import * as path from "node:path";
import { build, type Plugin } from "esbuild";

/**
 * The command line as one file, `dist/cli/bin.js`, bundled from the compiled modules beside it:
 * a process that starts it reads one file where it would resolve and read some sixty, which is
 * most of a short run's time. What only some runs need stays outside, loaded on first use from
 * where it stands: the generated validators (`../generated/`, one target's each), the JSON
 * and YAML readers (a run over TOML files never reads them), the diff library (`unified-diff.js`:
 * only `--fix --dry-run` reads it), the glob matcher (picomatch: only an argument that names no
 * file needs it), and the language server (`../server/`, with vscode-languageserver: only `lsp`
 * reads it). Errors cross between the
 * bundle and those modules' own copies of the package's code: their classes test membership by
 * a mark, not by identity (see `ConfigSyntaxError`).
 */
const dist = path.resolve(__dirname, "../dist");

/** Compiled modules required on first use, by their place in `dist/`: left as run-time requires from the bundle's folder. */
const ON_FIRST_USE = ["text/parse/json.js", "text/parse/yaml.js", "server/server.js", "cli/unified-diff.js"];

const onFirstUse: Plugin = {
  name: "on-first-use",
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      const target = path.resolve(args.resolveDir, args.path.endsWith(".js") ? args.path : `${args.path}.js`);
      const inDist = path.relative(dist, target);
      if (!ON_FIRST_USE.includes(inDist)) return undefined;
      return { path: `./${path.relative(path.join(dist, "cli"), target)}`, external: true };
    });
  },
};
void build({
  entryPoints: [path.join(dist, "cli/main.js")],
  outfile: path.join(dist, "cli/bin.js"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  external: ["../generated/*", "ajv-errors", "picomatch"],
  plugins: [onFirstUse],
  legalComments: "none",
  metafile: true,
  logLevel: "warning",
}).then((result) => {
  const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
  console.log(`wrote dist/cli/bin.js (${bytes} bytes)`);
});
