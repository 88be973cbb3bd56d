import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { validateConfigText } from "../../dist";
import { tempDir } from "../support/temp-dir";
import { cli, headings, lines, modulesLoaded, STACK_TRACE } from "../support/cli";
import { PROJECT } from "../support/project";

const ISSUE_LINE = /^(.+):(\d+):(\d+): (error|warning): (.+)$/;
const UPSTREAM = "test/fixtures/upstream/config/language/baselines/current_best_bitnet.toml";

function errorMessages(file: string, options = {}): string[] {
  const result = validateConfigText(fs.readFileSync(path.join(PROJECT, file), "utf8"), "toml", options);
  return result.valid ? [] : result.errors.map((issue) => issue.message);
}

describe("burn-dragon-schema validate", () => {
  test("the README's example is valid: exit 0 and a summary", () => {
    const run = cli(["validate", "examples/bitnet.toml"]);
    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(lines(run.stdout)).toEqual(["1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings)"]);
  });

  test("a broken file: exit 1, one FILE:LINE:COL line per issue, the validator's messages, then the summary", () => {
    const run = cli(["validate", "examples/broken.toml"]);
    expect(run.status).toBe(1);
    const output = headings(run.stdout);
    const issues = output.slice(0, -1).map((line) => ISSUE_LINE.exec(line));
    expect(issues.every((match) => match !== null && match[1] === "examples/broken.toml")).toBe(true);
    expect(issues.filter((m) => m![4] === "error").map((m) => m![5])).toEqual(errorMessages("examples/broken.toml"));
    expect(issues.filter((m) => m![4] === "warning").map((m) => m![5])).toEqual(
      errorMessages("examples/broken.toml", { strict: true }).slice(errorMessages("examples/broken.toml").length),
    );
    expect(output[output.length - 1]).toMatch(/^1 file checked: 0 valid, 1 invalid \(\d+ errors?, 1 warning\)$/);
  });

  test("issues are listed by file, then line and column, whatever their severity", () => {
    const text = '[model.rho]\nprecision = "fp8_exp"\n\n[model.quant]\nenabel = true\nenable = true\nprotocol = "none"\n';
    const dir = tempDir({ "run.toml": text });
    const rust = validateConfigText(text, "toml");
    if (rust.valid) throw new Error("run.toml should be invalid");
    // Rust reports the quant rule first; the file has the rho rule first.
    expect(rust.errors.map((issue) => issue.line)).toEqual([7, 2]);
    for (const strict of [[], ["--strict"]]) {
      const places = headings(cli(["validate", ...strict, "run.toml"], dir).stdout)
        .slice(0, -1)
        .map((line) => ISSUE_LINE.exec(line)!.slice(2, 5).join(" "));
      const unknownKey = strict.length > 0 ? "error" : "warning";
      expect(places).toEqual(["2 1 error", `5 1 ${unknownKey}`, "7 1 error"]);
    }
  });

  test("--strict makes unknown keys errors, with a suggestion", () => {
    const run = cli(["validate", "--strict", "examples/broken.toml"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/: error: model\.quant: unknown field `stict_bitnet_reference`, did you mean `strict_bitnet_reference`\?/);
    expect(run.stdout).not.toContain(": warning: ");
  });

  test("without --strict, a file whose only problem is unknown keys is valid (Rust's verdict), with warnings", () => {
    const dir = tempDir({ "typo.toml": "[model.quant]\nenabel = true\n" });
    const run = cli(["validate", "typo.toml"], dir);
    expect(run.status).toBe(0);
    expect(lines(run.stdout)[0]).toBe("typo.toml:2:1: warning: model.quant: unknown field `enabel`, did you mean `enable`?");
    expect(cli(["validate", "--strict", "typo.toml"], dir).status).toBe(1);
  });

  test("--format json: one report with every issue placed", () => {
    const run = cli(["validate", "--format", "json", "examples/bitnet.toml", "examples/broken.toml"]);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.valid).toBe(false);
    expect(report.files.map((f: { file: string; status: string }) => [f.file, f.status])).toEqual([
      ["examples/bitnet.toml", "valid"],
      ["examples/broken.toml", "invalid"],
    ]);
    const broken = report.files[1];
    expect(broken.errors.map((e: { message: string }) => e.message)).toEqual(errorMessages("examples/broken.toml"));
    for (const issue of [...broken.errors, ...broken.warnings]) {
      expect(issue).toMatchObject({ file: "examples/broken.toml", line: expect.any(Number), column: expect.any(Number) });
    }
  });

  test("JSON and YAML files are read by their extension", () => {
    const dir = tempDir({
      "a.json": '{"model": {"quant": {"enable": true, "protocol": "none"}}}',
      "b.yaml": "model:\n  rho:\n    precision: fp32\n",
      "c.yml": "model:\n  rho:\n    precision: fp8_exp\n",
    });
    const run = cli(["validate", "a.json", "b.yaml", "c.yml"], dir);
    expect(run.status).toBe(1);
    expect(headings(run.stdout).map((line) => line.split(":")[0])).toEqual(["a.json", "c.yml", "3 files checked"]);
  });

  test("the upstream extends chain is valid, strict or not", () => {
    expect(cli(["validate", UPSTREAM])).toMatchObject({ status: 0, stderr: "" });
    expect(cli(["validate", "--strict", UPSTREAM])).toMatchObject({ status: 0, stderr: "" });
  });

  test("an issue set by a base file is reported in the base file", () => {
    const dir = tempDir({
      "base/low-bit.toml": '[model.quant]\nenable = true\nprotocol = "bitnet_b1"\nact_grouping = "per_head_group"\n',
      "run.toml": 'extends = ["base/low-bit.toml"]\n[training]\nsteps = 10\n',
    });
    const run = cli(["validate", "run.toml"], dir);
    expect(run.status).toBe(1);
    expect(lines(run.stdout)[0]).toMatch(/^base\/low-bit\.toml:4:1: error: model\.quant\.act_grouping /);
    const alone = cli(["validate", "--no-extends", "run.toml"], dir);
    expect(alone.status).toBe(0);
  });

  test("several files: exit 2 if any cannot be checked, its one line on stderr", () => {
    const run = cli(["validate", "examples/bitnet.toml", "examples/broken.toml", "examples/missing.toml"]);
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toEqual(["examples/missing.toml: error: cannot read: no such file"]);
    const errors = errorMessages("examples/broken.toml").length;
    expect(lines(run.stdout).pop()).toBe(`2 files checked: 1 valid, 1 invalid (${errors} errors, 1 warning); 1 file not checked`);
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
  });
});

describe("each syntax's reader loaded only for a file of that syntax", () => {
  test("a TOML file loads no JSON or YAML reader, a YAML file no JSON one", () => {
    const toml = modulesLoaded(["validate", "examples/bitnet.toml"]);
    expect(toml.filter((file) => /node_modules[\\/](yaml|jsonc-parser)[\\/]|parse[\\/](json|yaml)\.js/.test(file))).toEqual([]);
    expect(toml).toContain(path.join("dist", "cli", "bin.js"));
    const dir = tempDir({ "c.yaml": "model:\n  quant:\n    enable: false\n" });
    const yaml = modulesLoaded(["validate", path.join(dir, "c.yaml")]);
    expect(yaml.some((file) => /node_modules[\\/]yaml[\\/]/.test(file))).toBe(true);
    expect(yaml.filter((file) => /jsonc-parser|parse[\\/]json\.js/.test(file))).toEqual([]);
  });

  test("a run without --dependents starts no git; one with nothing to colour does not look for a terminal", () => {
    const hook = tempDir({ "hook.js": 'process.on("exit", () => process.stderr.write(JSON.stringify(process.moduleLoadList)));\n' });
    // Standard output a character device, as a terminal is.
    const devNull = fs.openSync("/dev/null", "w");
    const builtins = (args: string[]) => {
      const bin = path.join(PROJECT, "bin/burn-dragon-schema.js");
      const run = spawnSync(process.execPath, ["-r", path.join(hook, "hook.js"), bin, ...args], { cwd: PROJECT, encoding: "utf8", stdio: ["ignore", devNull, "pipe"] });
      return JSON.parse(run.stderr.slice(run.stderr.indexOf("["))) as string[];
    };
    try {
      const valid = builtins(["validate", "examples/bitnet.toml"]);
      expect(valid).not.toContain("NativeModule child_process");
      expect(valid).not.toContain("NativeModule tty");
      expect(builtins(["validate", "examples/broken.toml"])).toContain("NativeModule tty");
      expect(builtins(["validate", "--dependents", "examples/sweep/base.toml"])).toContain("NativeModule child_process");
    } finally {
      fs.closeSync(devNull);
    }
  });

  test("files and folders load no glob matcher; a quoted glob does", () => {
    const picomatch = (files: string[]) => files.some((file) => /node_modules[\\/]picomatch[\\/]/.test(file));
    expect(picomatch(modulesLoaded(["validate", "examples/bitnet.toml", "examples/sweep"]))).toBe(false);
    expect(picomatch(modulesLoaded(["validate", "examples/sweep/*.toml"]))).toBe(true);
  });
});
