import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { configFilesIn } from "../../dist/files/config-files";
import { AS_A_USER, cli, STACK_TRACE } from "../support/cli";
import { tempDir } from "../support/temp-dir";
import { chainCases } from "../support/chain-cases";

/**
 * `validate` given folders, and with `--dependents`: each config reported once, with the
 * verdict it has when it is named alone, and the exit status of them all.
 */
const { valid, broken, breaksDependent } = chainCases();

interface JsonReport {
  valid: boolean;
  files: { file: string; status: string }[];
}

function json(args: string[], cwd: string): { status: number | null; report: JsonReport } {
  const run = cli(["validate", "--format", "json", ...args], cwd);
  expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
  return { status: run.status, report: JSON.parse(run.stdout) as JsonReport };
}

/** Each file's status when it is checked alone. */
function aloneStatuses(files: string[], cwd: string): { file: string; status: string }[] {
  return files.map((file) => ({ file, status: json([file], cwd).report.files[0].status }));
}

function tree(): string {
  return tempDir({
    "config/base.toml": broken.text,
    "config/run.toml": 'extends = "base.toml"\n',
    "config/runs/deep.yaml": "extends: ../run.toml\n",
    "config/ok.toml": valid,
    "config/.hidden/skipped.toml": broken.text,
    "config/node_modules/skipped.toml": broken.text,
    "config/notes.txt": "x = = 1\n",
    "elsewhere/uses-base.json": '{ "extends": "../config/base.toml" }',
    "elsewhere/alone.toml": valid,
  });
}

describe("validate FOLDER", () => {
  test("checks every config below it, sorted, as each is checked alone", () => {
    const dir = tree();
    const { status, report } = json(["config/"], dir);
    const expected = configFilesIn(path.join(dir, "config")).map((file) => path.join("config", path.relative(path.join(dir, "config"), file)));
    expect(report.files).toEqual(aloneStatuses(expected, dir).map((entry) => expect.objectContaining(entry)));
    expect(report.files.some((file) => file.file.includes("skipped"))).toBe(false);
    expect(status).toBe(1);
  });

  test("a file named again, by itself or in another folder, is reported once", () => {
    const dir = tree();
    const { report } = json(["config/ok.toml", "config", "config/runs"], dir);
    const names = report.files.map((file) => file.file);
    expect(names[0]).toBe("config/ok.toml");
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBe(configFilesIn(path.join(dir, "config")).length);
  });

  test("a quoted glob: the configs below its folder that it matches, as the folder's walk names them", () => {
    const dir = tree();
    const { report } = json(["config/**/*.yaml", "*/uses-*.json"], dir);
    expect(report.files.map((file) => file.file)).toEqual(["config/runs/deep.yaml", "elsewhere/uses-base.json"]);
    expect(cli(["validate", "config/*.conf"], dir)).toMatchObject({ status: 2, stderr: expect.stringMatching(/^config\/\*\.conf: error: no config files match this pattern/) });
  });

  test("a folder without configs: exit 2, one line naming it, the other files still checked", () => {
    const dir = tree();
    fs.mkdirSync(path.join(dir, "empty"));
    const run = cli(["validate", "empty", "elsewhere/alone.toml"], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^empty: error: no config files below this folder/);
    expect(run.stdout).toContain("1 valid");
  });
});

describe("validate --dependents", () => {
  test("adds every config of the repository whose chain reaches a named file, from any folder in it", () => {
    const dir = tree();
    spawnSync("git", ["init", "-q", dir]);
    const expected = ["config/base.toml", "config/run.toml", "config/runs/deep.yaml", "elsewhere/uses-base.json"];
    const { status, report } = json(["--dependents", "config/base.toml"], dir);
    expect(report.files.map((file) => file.file)).toEqual(expected);
    expect(report.files).toEqual(aloneStatuses(expected, dir).map((entry) => expect.objectContaining(entry)));
    expect(status).toBe(1);
    // From a subfolder, the whole repository is searched, and files are named from where it runs.
    const below = json(["--dependents", "base.toml"], path.join(dir, "config")).report.files.map((file) => file.file);
    expect(below).toEqual(["base.toml", "run.toml", "runs/deep.yaml", "../elsewhere/uses-base.json"]);
  });

  test("a base valid alone that breaks a config extending it: exit 1, the config named with the trainer's message", () => {
    const dir = tempDir({ "config/base.toml": breaksDependent.changed, "config/run.toml": breaksDependent.run });
    expect(cli(["validate", "config/base.toml"], dir).status).toBe(0);
    const run = cli(["validate", "--dependents", "config/base.toml"], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("config/run.toml");
    expect(run.stdout).toContain(breaksDependent.message);
  });

  test("a file nothing extends is checked alone; a valid chain exits 0", () => {
    const dir = tree();
    fs.writeFileSync(path.join(dir, "config/base.toml"), valid);
    const { status, report } = json(["--dependents", "elsewhere/alone.toml", "config/runs/deep.yaml"], dir);
    expect(report.files.map((file) => file.file)).toEqual(["elsewhere/alone.toml", "config/runs/deep.yaml"]);
    expect(status).toBe(0);
  });

  test("a folder of the repository that cannot be read: exit 2, naming it, as a dependent may be missed", () => {
    const dir = tree();
    fs.mkdirSync(path.join(dir, "locked"));
    fs.chmodSync(path.join(dir, "locked"), 0o000);
    const run = cli(["validate", "--dependents", "config/ok.toml"], dir, AS_A_USER);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/locked: error: cannot read the folder: permission denied/);
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
    fs.chmodSync(path.join(dir, "locked"), 0o755);
  });

  test("cannot be used with --no-extends", () => {
    const run = cli(["validate", "--dependents", "--no-extends", "x.toml"], tree());
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--dependents .*--no-extends/);
  });
});
