import * as path from "node:path";
import { validateConfigText } from "../../dist";
import { FAST_TRAIN_REMOVED } from "../../dist/files/fast-train";
import { tempDir } from "../support/temp-dir";
import { where } from "../support/where";
import { cli, lines, STACK_TRACE, headings } from "../support/cli";

const BASE = '[model.quant]\nenable = true\nprotocol = "bitnet_b158"\n\n[model.rho]\nprecision = "fp32"\ncarry_across_tbptt = false\n';
const RUN = '[model.rho]\ndetach_between_windows = false\n\n[training]\nsteps = 10\n';
const dir = tempDir({
  "base.toml": BASE,
  "run.toml": RUN,
  "child.toml": 'extends = "base.toml"\n[training]\nsteps = 5\n',
  "old.toml": '[training]\nfast_train = true\n',
  "fix.toml": "[model.rho]\ndetach_between_windows = true\n",
});

/** The message the whole-document validator gives for the merged config: never restated here. */
const merged = validateConfigText(`${BASE}detach_between_windows = false\n`, "toml");

describe("validate --config: one config from several files, merged left to right", () => {
  test("the trainer's rule is broken only by the two files together, and placed in the file that set the value", () => {
    expect(cli(["validate", "base.toml"], dir).status).toBe(0);
    expect(cli(["validate", "run.toml"], dir).status).toBe(0);
    const run = cli(["validate", "-c", "base.toml", "--config", "run.toml"], dir);
    if (merged.valid) throw new Error("the merged config should be invalid");
    expect(run.status).toBe(1);
    expect(headings(run.stdout)).toEqual([
      `run.toml:${where(RUN, "detach_between_windows").line}:1: error: ${merged.errors[0].message}`,
      "1 config (2 files) checked: 0 valid, 1 invalid (1 error, 0 warnings)",
    ]);
  });

  test("--format json gives one entry for the merged config, Rust's error first", () => {
    const report = JSON.parse(cli(["validate", "--format", "json", "-c", "base.toml", "-c", "run.toml"], dir).stdout);
    expect(report.files).toHaveLength(1);
    expect(report.files[0]).toMatchObject({ file: "base.toml + run.toml", status: "invalid" });
    expect(report.files[0].errors[0]).toMatchObject({ file: "run.toml", stage: "validate", message: merged.valid ? "" : merged.errors[0].message });
  });

  test("the later file wins, each file resolving its own extends first", () => {
    expect(cli(["validate", "-c", "base.toml", "-c", "run.toml", "-c", "fix.toml"], dir).status).toBe(0);
    const run = cli(["resolve", "-c", "child.toml", "-c", "run.toml"], dir);
    expect(JSON.parse(run.stdout)).toEqual({
      model: { quant: { enable: true, protocol: "bitnet_b158" }, rho: { precision: "fp32", carry_across_tbptt: false, detach_between_windows: false } },
      training: { steps: 10 },
    });
  });

  test("training.fast_train anywhere in the merged files is refused, where it is set", () => {
    const run = cli(["validate", "-c", "base.toml", "-c", "old.toml"], dir);
    expect(run.status).toBe(1);
    expect(lines(run.stdout)[0]).toBe(`old.toml:2:1: error: ${FAST_TRAIN_REMOVED}`);
  });
});

describe("resolve", () => {
  test("prints the merged config as JSON, keys in the order the files set them", () => {
    const run = cli(["resolve", "child.toml"], dir);
    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(run.stdout).toBe(
      `${JSON.stringify({ model: { quant: { enable: true, protocol: "bitnet_b158" }, rho: { precision: "fp32", carry_across_tbptt: false } }, training: { steps: 5 } }, null, 2)}\n`,
    );
  });

  test("--origins names the file, line and column that set each value", () => {
    const run = cli(["resolve", "--origins", "child.toml"], dir);
    expect(lines(run.stdout)).toEqual([
      `base.toml:${where(BASE, "enable").line}:1: model.quant.enable = true`,
      `base.toml:${where(BASE, "protocol").line}:1: model.quant.protocol = "bitnet_b158"`,
      `base.toml:${where(BASE, "precision").line}:1: model.rho.precision = "fp32"`,
      `base.toml:${where(BASE, "carry_across_tbptt").line}:1: model.rho.carry_across_tbptt = false`,
      "child.toml:3:1: training.steps = 5",
    ]);
  });

  test("a config the trainer's loader refuses: one line on stderr, no output", () => {
    const missing = cli(["resolve", path.join(dir, "nope.toml")], dir);
    expect(missing).toMatchObject({ status: 2, stdout: "" });
    expect(lines(missing.stderr)).toHaveLength(1);
    const old = cli(["resolve", "old.toml"], dir);
    expect(old).toMatchObject({ status: 1, stdout: "", stderr: `old.toml:2:1: error: ${FAST_TRAIN_REMOVED}\n` });
    expect(missing.stderr + old.stderr).not.toMatch(STACK_TRACE);
  });

  test("no file named: a usage error", () => {
    expect(cli(["resolve"], dir)).toMatchObject({ status: 2, stdout: "" });
    expect(cli(["validate"], dir)).toMatchObject({ status: 2, stdout: "" });
  });
});
