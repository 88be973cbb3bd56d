import { spawnSync } from "node:child_process";
import { validateConfigText } from "../../dist";
import { cliCommand, headings, lines } from "../support/cli";
import { tempDir } from "../support/temp-dir";

/** The text report as people read it: a frame under each issue, a shared base's issue once, colour where wanted. */
const BASE = '[model.quant]\nenable = true\nprotocol = "bitnet_b158"\nweight_format = "ternary158"\nact_grouping = "per_group"\n';
const YAML = "model:\n  quant:\n    enable: true\n    protocol: bitnet_b158\n    weight_format: ternary158\n    act_grouping: per_group\n  rho:\n    precision: FP32\n";
const dir = tempDir({
  "config/base.toml": BASE,
  "config/run.toml": 'extends = "base.toml"\n',
  "config/sweep/a.toml": 'extends = "../base.toml"\n',
  "run.yaml": YAML,
});

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const { NO_COLOR: _n, FORCE_COLOR: _f, ...rest } = process.env;
  const [command, ...rest_] = cliCommand(["validate", ...args]);
  return spawnSync(command, rest_, { cwd: dir, encoding: "utf8", env: { ...rest, ...env } });
}

const ESCAPE = /\u001b\[/;

test("a base's issue is printed once, with the configs that bring it in", () => {
  const output = run(["config/run.toml", "config/sweep/a.toml"]);
  expect(output.status).toBe(1);
  const message = (validateConfigText(BASE, "toml") as { errors: { message: string }[] }).errors[0].message;
  expect(headings(output.stdout)).toEqual([`config/base.toml:5:1: error: ${message}`, "2 files checked: 0 valid, 2 invalid (1 error, 0 warnings)"]);
  expect(lines(output.stdout)).toContain("  = via config/run.toml, config/sweep/a.toml");
});

test("the error the trainer stops at is marked, though the file has another first", () => {
  const rust = validateConfigText(YAML, "yaml");
  if (rust.valid) throw new Error("run.yaml should be invalid");
  const output = lines(run(["run.yaml"]).stdout);
  const marked = output.indexOf("  = the trainer reports this error first");
  expect(marked).toBeGreaterThan(0);
  // The mark is among the lines under Rust's own first error, which is not the file's first.
  const heading = output.slice(0, marked).filter((line) => !/^\s/.test(line)).pop();
  expect(heading).toContain(rust.errors[0].message);
  expect(output[0]).not.toContain(rust.errors[0].message);
});

describe("colour", () => {
  test.each([
    [["--color", "always"], {}, true],
    [["--color", "never"], { FORCE_COLOR: "1" }, false],
    [[], { FORCE_COLOR: "1" }, true],
    [[], { FORCE_COLOR: "1", NO_COLOR: "1" }, false],
    // Not a terminal: a pipe, as here.
    [[], {}, false],
  ] as const)("%j with %j: coloured %s, the same text either way", (args, env, coloured) => {
    const output = run([...args, "run.yaml"], env);
    expect(ESCAPE.test(output.stdout)).toBe(coloured);
    expect(output.stdout.replace(/\u001b\[[\d;]*m/g, "")).toBe(run(["run.yaml"]).stdout);
  });
});
