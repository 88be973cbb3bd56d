import * as fs from "node:fs";
import * as path from "node:path";
import { applyPatch, parsePatch } from "diff";
import { cli, cliWithInput, lines, modulesLoaded, STACK_TRACE } from "../support/cli";
import { PROJECT } from "../support/project";
import { tempDir } from "../support/temp-dir";

const FIXED_LINE = /^(.+):(\d+):(\d+): fixed: write `([\w-]+)`$/;
const BROKEN = fs.readFileSync(path.join(PROJECT, "examples/broken.toml"), "utf8");

/** A base that two configs extend, with a mis-cased variant and a misspelt key. */
const SHARED = {
  "base.toml": '# shared\n[model.quant]\nenable = true\nprotocol = "BitNet_B158"\nstict_bitnet_reference = true\n',
  "a.toml": 'extends = "base.toml"\n[model.rho]\nprecision = "bf16"\n',
  "b.toml": 'extends = ["base.toml"]\n[model.quant]\nweight_format = "ternary158"\n',
};

/** Every file under `dir` (links as links), with its bytes or its link's target. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, name);
    const stat = fs.lstatSync(file);
    if (stat.isSymbolicLink()) files.set(name, `-> ${fs.readlinkSync(file)}`);
    else if (stat.isFile()) files.set(name, fs.readFileSync(file, "latin1"));
  }
  return files;
}

/** The names of the files whose bytes differ between two snapshots. */
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((name) => before.get(name) !== after.get(name)).sort();
}

/** The files' patches of a diff (none of an empty one). */
function patchesOf(diff: string) {
  return parsePatch(diff).filter((patch) => patch.hunks.length > 0);
}

/** A copy of `files` in a fresh folder, with what `--fix --dry-run` prints on it applied by the diff library. */
function dryRunApplied(files: Record<string, string>, args: readonly string[]): { dir: string; status: number | null } {
  const dir = tempDir(files);
  const run = cli(["validate", "--fix", "--dry-run", ...args], dir);
  for (const patch of patchesOf(run.stdout)) {
    const file = path.join(dir, patch.newFileName!.replace(/^b\//, ""));
    const result = applyPatch(fs.readFileSync(file, "utf8"), patch);
    if (result === false) throw new Error(`the diff does not apply to ${file}`);
    fs.writeFileSync(file, result);
  }
  return { dir, status: run.status };
}

describe("validate --fix", () => {
  test("examples/broken.toml: the misspelt key fixed in place, said on stderr, then the report of what is left, as a plain check gives it", () => {
    const dir = tempDir({ "broken.toml": BROKEN });
    fs.chmodSync(path.join(dir, "broken.toml"), 0o640);
    const run = cli(["validate", "--fix", "broken.toml"], dir);
    expect(lines(run.stderr)).toEqual(["broken.toml:10:1: fixed: write `strict_bitnet_reference`"]);
    expect(fs.readFileSync(path.join(dir, "broken.toml"), "utf8")).toBe(BROKEN.replace("stict_bitnet_reference", "strict_bitnet_reference"));
    expect(fs.statSync(path.join(dir, "broken.toml")).mode & 0o777).toBe(0o640);
    const again = cli(["validate", "broken.toml"], dir);
    expect(run).toEqual({ ...again, stderr: run.stderr });
    expect(again.status).toBe(1);
    expect(again.stdout).not.toContain("did you mean");
  });

  test("exit 0 when every issue was fixed; a section's misspelt name and the values it hid are fixed in one run", () => {
    const dir = tempDir({ "run.yaml": "model:\r\n  qaunt:  # low bit\r\n    protocol: 'BitNet_B158'\r\n" });
    const run = cli(["validate", "--fix", "run.yaml"], dir);
    expect(run.status).toBe(0);
    expect(lines(run.stderr).map((line) => FIXED_LINE.exec(line)?.[4])).toEqual(["quant", "bitnet_b158"]);
    expect(fs.readFileSync(path.join(dir, "run.yaml"), "utf8")).toBe("model:\r\n  quant:  # low bit\r\n    protocol: 'bitnet_b158'\r\n");
  });

  test("a BOM and the line endings are kept", () => {
    const text = "\ufeffmodel.quant.protocol = \"BitNet_B158\"\r\nmodel.quant.act_grouping = \"per_tokn\"\r\n";
    const dir = tempDir({ "run.toml": text });
    expect(cli(["validate", "--fix", "run.toml"], dir).status).toBe(0);
    expect(fs.readFileSync(path.join(dir, "run.toml"), "utf8")).toBe(text.replace("BitNet_B158", "bitnet_b158").replace("per_tokn", "per_token"));
  });


  test.each([[["a.toml", "b.toml"]], [["-c", "a.toml", "-c", "b.toml"]], [["a.toml", "b.toml", "a.toml", "-c", "b.toml"]]])(
    "a misspelling in a base that %j reach is fixed there, once; the configs that extend it are left as they were",
    (args) => {
      const dir = tempDir(SHARED);
      const before = snapshot(dir);
      const run = cli(["validate", "--fix", ...args], dir);
      expect(lines(run.stderr)).toEqual(["base.toml:4:13: fixed: write `bitnet_b158`", "base.toml:5:1: fixed: write `strict_bitnet_reference`"]);
      expect(changed(before, snapshot(dir))).toEqual(["base.toml"]);
      expect(fs.readFileSync(path.join(dir, "base.toml"), "utf8")).toBe(SHARED["base.toml"].replace("BitNet_B158", "bitnet_b158").replace("stict", "strict"));
      expect(run).toEqual({ ...cli(["validate", ...args], dir), stderr: run.stderr });
    },
  );

  test("a fix in a config never touches its base, nor any file the configs do not read", () => {
    const dir = tempDir({ ...SHARED, "base.toml": "[model.quant]\nenable = true\n", "c.toml": 'extends = "base.toml"\nmodel.quant.protocol = "BitNet_B158"\n', "d.toml": 'model.quant.protocol = "BitNet_B158"\n' });
    const before = snapshot(dir);
    cli(["validate", "--fix", "c.toml"], dir);
    expect(changed(before, snapshot(dir))).toEqual(["c.toml"]);
  });

  test("a config given through a symbolic link: its real file is written, the link kept, and the run says so", () => {
    const dir = tempDir({ "real/run.toml": BROKEN });
    fs.symlinkSync("real/run.toml", path.join(dir, "run.toml"));
    const run = cli(["validate", "--fix", "run.toml"], dir);
    expect(lines(run.stderr)).toEqual([`writing through symbolic link run.toml -> ${path.join("real", "run.toml")}`, "run.toml:10:1: fixed: write `strict_bitnet_reference`"]);
    expect(fs.lstatSync(path.join(dir, "run.toml")).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, "real/run.toml"), "utf8")).toBe(BROKEN.replace("stict", "strict"));
    const dry = cli(["validate", "--fix", "--dry-run", "run.toml"], tempDirWithLink());
    expect(lines(dry.stderr)).toEqual([`would write through symbolic link run.toml -> ${path.join("real", "run.toml")}`]);
  });

  function tempDirWithLink(): string {
    const dir = tempDir({ "real/run.toml": BROKEN });
    fs.symlinkSync("real/run.toml", path.join(dir, "run.toml"));
    return dir;
  }

  test.each([
    [["validate", "--fix", "--syntax", "toml", "-"], "standard input"],
    [["validate", "--fix", "--dry-run", "-c", "a.toml", "-c", "-"], "standard input"],
    [["validate", "--dry-run", "a.toml"], "give --fix too"],
  ])("%j is a usage error: exit 2, one line saying why, nothing written", (args, reason) => {
    const dir = tempDir({ "a.toml": BROKEN });
    const before = snapshot(dir);
    const run = cliWithInput(args, BROKEN, dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(reason);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(changed(before, snapshot(dir))).toEqual([]);
  });
});

describe("validate --fix --dry-run", () => {
  const CASES: [string, Record<string, string>, string[]][] = [
    ["examples/broken.toml", { "broken.toml": BROKEN }, ["broken.toml"]],
    ["a base shared by two configs", SHARED, ["a.toml", "b.toml"]],
    ["a TOML, a JSON and a YAML file, CRLF", { "a.toml": "[model.qaunt]\r\nprotocol = 'BitNet_B158'\r\n", "b.json": '{"model": {"rho": {"precision": "FP32"}}}', "c.yml": "model:\n  quant:\n    weight_format: Ternary158\n" }, ["a.toml", "b.json", "c.yml"]],
    ["nothing to fix", { "ok.toml": "[model.quant]\nenable = false\n" }, ["ok.toml"]],
  ];

  test.each(CASES)("%s: writes nothing; its diff, applied, gives the bytes --fix writes, and its status is --fix's", (_, files, args) => {
    const dir = tempDir(files);
    const before = snapshot(dir);
    const dry = cli(["validate", "--fix", "--dry-run", ...args], dir);
    expect(changed(before, snapshot(dir))).toEqual([]);
    expect(dry.stdout === "").toBe(args.includes("ok.toml"));
    const applied = dryRunApplied(files, args);
    const fixed = tempDir(files);
    const run = cli(["validate", "--fix", ...args], fixed);
    expect(snapshot(applied.dir)).toEqual(snapshot(fixed));
    expect(dry.status).toBe(run.status);
    expect(patchesOf(dry.stdout).map((patch) => patch.oldFileName)).toEqual(changed(before, snapshot(fixed)).map((name) => `a/${name}`));
  });

  test("the diff is unified, with three lines of context", () => {
    const dir = tempDir({ "broken.toml": BROKEN });
    expect(lines(cli(["validate", "--fix", "--dry-run", "broken.toml"], dir).stdout)).toEqual([
      "--- a/broken.toml",
      "+++ b/broken.toml",
      "@@ -7,7 +7,7 @@",
      ...BROKEN.split("\n")
        .slice(6, 13)
        .map((line) => (line.startsWith("stict") ? [`-${line}`, `+${line.replace("stict", "strict")}`] : [` ${line}`]))
        .flat(),
    ]);
  });

  test("the diff library is loaded by --dry-run alone", () => {
    const diffLibrary = (files: string[]) => files.filter((file) => /node_modules[\\/]diff[\\/]|unified-diff\.js/.test(file));
    const dir = tempDir({ "ok.toml": "[model.quant]\nenable = false\n" });
    expect(diffLibrary(modulesLoaded(["validate", "ok.toml"], dir))).toEqual([]);
    expect(diffLibrary(modulesLoaded(["validate", "--fix", "ok.toml"], dir))).toEqual([]);
    expect(diffLibrary(modulesLoaded(["validate", "--fix", "--dry-run", "ok.toml"], dir)).length).toBeGreaterThan(0);
  });
});
