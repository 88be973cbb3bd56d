import * as fs from "node:fs";
import * as path from "node:path";
import { EXIT } from "../../dist/cli/io";
import { MAX_EXTENDS_DEPTH } from "../../dist/files/extends";
import { MAX_CONFIG_BYTES } from "../../dist/text/size-limit";
import { tempDir } from "../support/temp-dir";
import { cli, cliWithInput } from "../support/cli";

const validateHelp = cli(["validate", "--help"]);
const programHelp = cli(["--help"]);

/** The `$ burn-dragon-schema …` lines of a help text, as arguments and the file fed to standard input. */
function examples(help: string): { args: string[]; input?: string }[] {
  return [...help.matchAll(/^\s+\$ burn-dragon-schema (.+)$/gm)].map(([, line]) => {
    const [command, input] = line.split(" < ");
    return { args: command.split(" "), input };
  });
}

/** Every key of a JSON value, at any depth. */
function keysOf(value: unknown): Set<string> {
  if (Array.isArray(value)) return new Set(value.flatMap((item) => [...keysOf(item)]));
  if (value === null || typeof value !== "object") return new Set();
  return new Set(Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)]));
}

describe("validate --help", () => {
  test("exit 0, on stdout", () => {
    expect(validateHelp).toMatchObject({ status: 0, stderr: "" });
  });

  test("states the limits the code applies", () => {
    expect(validateHelp.stdout).toContain(`${MAX_CONFIG_BYTES / 1024} KB`);
    expect(validateHelp.stdout).toContain(`deeper than ${MAX_EXTENDS_DEPTH} files`);
  });

  test("explains how extends merges", () => {
    expect(validateHelp.stdout).toMatch(/extends = "base\.toml" or extends = \[[\s\S]*relative to the folder[\s\S]*merged in order[\s\S]*-c A -c B[\s\S]*key by\s+key[\s\S]*`type`[\s\S]*replaces/);
  });

  test("lists every exit status", () => {
    for (const status of Object.values(EXIT)) expect(validateHelp.stdout).toMatch(new RegExp(`^\\s+${status}  \\S`, "m"));
  });

  test("describes every key of the JSON report", () => {
    const dir = tempDir({ "bad.toml": '[model.quant]\nenable = true\nprotocol = "none"\nenabel = 1\n', "broken.toml": "[model\n" });
    const report = JSON.parse(cli(["validate", "--format", "json", "bad.toml", "broken.toml"], dir).stdout);
    const keys = [...keysOf(report)];
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((key) => !validateHelp.stdout.includes(`"${key}"`))).toEqual([]);
  });

  test("has two examples, which run as written", () => {
    const dir = tempDir({ "config/run.toml": '[model.rho]\nprecision = "fp32"\n', "run.conf": "[model.quant]\nenable = false\n" });
    const found = examples(validateHelp.stdout);
    expect(found).toHaveLength(2);
    for (const { args, input } of found) {
      const run = input ? cliWithInput(args, fs.readFileSync(path.join(dir, input)), dir) : cli(args, dir);
      expect(run).toMatchObject({ status: 0, stderr: "" });
    }
  });
});

describe("--help", () => {
  test("has examples that run, and points to validate --help", () => {
    expect(programHelp.status).toBe(0);
    const dir = tempDir({ "config/run.toml": "" });
    const found = examples(programHelp.stdout);
    expect(found.length).toBeGreaterThanOrEqual(2);
    for (const { args } of found) {
      const redirected = args.indexOf(">");
      const run = cli(redirected < 0 ? args : args.slice(0, redirected), dir);
      expect(run).toMatchObject({ status: 0, stderr: "" });
    }
    expect(programHelp.stdout).toContain("validate --help");
  });
});
