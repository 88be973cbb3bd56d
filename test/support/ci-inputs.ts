import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT } from "./project";
import { tempDir } from "./temp-dir";

/**
 * A folder of configs that meet every part of a CI report: the examples, a base two configs
 * extend (with its own issue), a syntax error, a file that cannot be read, warnings, JSON and
 * YAML, and names and values a report must escape. Each run names the arguments of one
 * `validate` after `--format`.
 */
export function ciInputs(): { dir: string; runs: { name: string; args: string[] }[] } {
  const dir = tempDir({
    "config/base.toml": '[model.rho]\ncompression = "int8_block_exp"\ncompression_interval = "step"\n',
    "config/run.toml": 'extends = "base.toml"\n[model.quant]\nenable = true\nprotocol = "none"\n',
    "config/sweep/a.toml": 'extends = ["../base.toml"]\n[model.quant]\nenabel = true\n',
    "syntax.toml": '[model.quant]\nenable = true\nprotocol = "bitnet_b158\n',
    "cannot-extend.toml": 'extends = "nowhere.toml"\n',
    "cycle.toml": 'extends = "cycle.toml"\n',
    "types.json": JSON.stringify({ model: { quant: { enable: "yes", protocol: "bitnet", target_modules: 3, stict: 1 }, rho: { precision: "fp8_exp" } } }, null, 2),
    "run.yaml": "model:\n  quant:\n    enable: true\n    protocol: none\n  rhoo: {}\n",
    "odd%,:name.toml": '[model.quant]\nenable = true\nprotocol = "none"\n"\\u001b[2J, %0A:x" = 1\n',
  });
  fs.cpSync(path.join(PROJECT, "examples"), path.join(dir, "examples"), { recursive: true });
  const examples = ["examples/bitnet.toml", "examples/broken.toml", "examples/sweep/base.toml", "examples/sweep/run-a.toml"];
  return {
    dir,
    runs: [
      { name: "the examples", args: examples },
      { name: "a merged --config", args: ["-c", "examples/sweep/run-a.toml", "-c", "examples/sweep/no-detach.toml"] },
      { name: "a base two configs extend", args: ["config/run.toml", "config/sweep/a.toml"] },
      { name: "a syntax error", args: ["syntax.toml"] },
      { name: "files that cannot be checked, and refused extends", args: ["missing.toml", "cannot-extend.toml", "cycle.toml"] },
      { name: "warnings, JSON and YAML, --strict", args: ["--strict", "types.json", "run.yaml"] },
      { name: "warnings and errors of JSON and YAML", args: ["types.json", "run.yaml", "config/sweep/a.toml"] },
      { name: "names and keys to escape", args: ["odd%,:name.toml"] },
    ],
  };
}
