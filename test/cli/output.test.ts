import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { tempDir } from "../support/temp-dir";
import { cli, cliCommand, lines, STACK_TRACE } from "../support/cli";

/**
 * Where the output goes: a reader that stops early, a device that takes nothing, a terminal
 * or CI log that the config's own text must not drive.
 */
const many = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`unknown_${i}`, i]));
const dir = tempDir({
  "invalid.json": JSON.stringify({ model: { quant: { enable: true, protocol: "none", ...many } } }),
  "valid.json": JSON.stringify({ model: { quant: many } }),
  "evil.json": JSON.stringify({ model: { quant: { "\u001b[2J\u001b[31mevil": 1, protocol: "\u009b31m\u202e" } } }),
  "evil.toml": 'extends = ["\\u001b[2Jgone\\ttoml.toml"]\n',
});

describe("a reader that closes the pipe early", () => {
  test.each([
    ["invalid.json", 1],
    ["valid.json", 0],
  ])("%s: the output ends quietly, with the exit status the file earned (%d)", (file, status) => {
    // Far more output than a pipe holds, so the command is still writing when `head` exits.
    const run = spawnSync("bash", ["-c", 'set -o pipefail; "$@" | head -c 100 > /dev/null', "bash", ...cliCommand(["validate", file])], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(status);
  });
});

test("an output that cannot be written: one line, exit status 2", () => {
  const full = fs.openSync("/dev/full", "w");
  try {
    const [command, ...args] = cliCommand(["validate", "valid.json"]);
    const run = spawnSync(command, args, { cwd: dir, encoding: "utf8", stdio: ["ignore", full, "pipe"] });
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toEqual(["burn-dragon-schema: error: cannot write the output: no space left on the device"]);
  } finally {
    fs.closeSync(full);
  }
});

describe("control characters from a file are escaped in text output", () => {
  const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

  test("in key names and values", () => {
    const run = cli(["validate", "evil.json"], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toMatch(CONTROL);
    expect(run.stdout).toContain("unknown variant `\\u009b31m\\u202e`");
    expect(run.stdout).toContain("unknown field `\\u001b[2J\\u001b[31mevil`");
  });

  test("in the paths a file names", () => {
    const run = cli(["validate", "evil.toml"], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(CONTROL);
    expect(lines(run.stderr)).toEqual([expect.stringContaining(`cannot read ${"\\u001b[2Jgone\\ttoml.toml"}: no such file`)]);
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
  });

  test("in the names and values `resolve --origins` prints", () => {
    const run = cli(["resolve", "--origins", "evil.json"], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(CONTROL);
    expect(run.stdout).toContain("model.quant.\\u001b[2J\\u001b[31mevil = 1");
  });

  test("JSON output, for machines, has them as JSON escapes where JSON requires", () => {
    const run = cli(["validate", "--format", "json", "evil.json"], dir);
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    const report = JSON.parse(run.stdout) as { files: { warnings: { message: string }[] }[] };
    expect(report.files[0].warnings[0].message).toContain("\u001b[2J\u001b[31mevil");
  });
});

