import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { configFilesIn } from "../../dist/files/config-files";
import { dependentsOf, repositoryRoot } from "../../dist/files/dependents";
import { readDocument } from "../../dist/text/read-document";
import { Random } from "../support/random-config";
import { writeRandomTree } from "../support/random-tree";
import { tempDir } from "../support/temp-dir";

/** Dependents as absolute paths, whatever folder the test runs in. */
const dependents = (files: string[], root: string) => dependentsOf(files, root).map((file) => path.resolve(file));
const at = (dir: string, ...names: string[]) => names.map((name) => path.join(dir, name));

describe("the configs that extend a file", () => {
  test("are every config whose chain reaches it, at any depth, sorted", () => {
    const dir = tempDir({
      "base.toml": "[model.quant]\nenable = true\n",
      "mid.toml": 'extends = "base.toml"\n',
      "runs/top.toml": 'extends = ["../other.toml", "../mid.toml"]\n',
      "runs/a/deeper.json": '{ "extends": "../top.toml" }',
      "runs/b.yaml": "extends: ../mid.toml\n",
      "other.toml": "[model]\n",
      "alone.toml": "[model.rho]\n",
    });
    expect(dependents(at(dir, "base.toml"), dir)).toEqual(at(dir, "mid.toml", "runs/a/deeper.json", "runs/b.yaml", "runs/top.toml"));
    expect(dependents(at(dir, "runs/top.toml"), dir)).toEqual(at(dir, "runs/a/deeper.json"));
    expect(dependents(at(dir, "other.toml", "mid.toml"), dir)).toEqual(at(dir, "runs/a/deeper.json", "runs/b.yaml", "runs/top.toml"));
    expect(dependents(at(dir, "alone.toml"), dir)).toEqual([]);
  });

  test("through symbolic links: a base named by its link, a file given by its link, a file linked under two names once", () => {
    const dir = tempDir({ "shared/real-base.toml": "[model]\n", "run.toml": 'extends = "base-link.toml"\n' });
    fs.symlinkSync("shared/real-base.toml", path.join(dir, "base-link.toml"));
    fs.symlinkSync("run.toml", path.join(dir, "run-link.toml"));
    expect(dependents(at(dir, "shared/real-base.toml"), dir)).toEqual(at(dir, "run-link.toml"));
    expect(dependents(at(dir, "base-link.toml"), dir)).toEqual(at(dir, "run-link.toml"));
  });

  test("past a cycle, a missing base and a malformed one", () => {
    const dir = tempDir({
      "base.toml": "[model]\n",
      "a.toml": 'extends = ["b.toml", "base.toml"]\n',
      "b.toml": 'extends = "a.toml"\n',
      "c.toml": 'extends = ["missing.toml", "base.toml"]\n',
      "d.toml": 'extends = ["broken.toml", "base.toml"]\n',
      "broken.toml": "x = = 1\n",
      "e.toml": 'extends = "broken.toml"\n',
    });
    expect(dependents(at(dir, "base.toml"), dir)).toEqual(at(dir, "a.toml", "b.toml", "c.toml", "d.toml"));
    expect(dependents(at(dir, "broken.toml"), dir)).toEqual(at(dir, "d.toml", "e.toml"));
  });

  test("random trees: what a plain walk of every extends entry reaches", () => {
    const rng = new Random(20261207);
    for (let i = 0; i < 150; i++) {
      const dir = tempDir();
      const { configs } = writeRandomTree(dir, rng);
      const targets = new Set(configs.map((file) => fs.realpathSync(file)));
      const seen = new Set(targets);
      const expected: string[] = [];
      for (const candidate of configFilesIn(dir)) {
        const real = fs.realpathSync(candidate);
        if (seen.has(real)) continue;
        seen.add(real);
        if ([...namedFrom(candidate)].some((file) => targets.has(file))) expected.push(candidate);
      }
      expect({ tree: i, dependents: dependents(configs, dir) }).toEqual({ tree: i, dependents: expected });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * The reference: real paths reached from `file` by every `extends` entry of every file that
 * reads as TOML, a string or a list of strings (none a date or time), each joined to its
 * file's real folder.
 */
function namedFrom(file: string): Set<string> {
  const reached = new Set<string>();
  const pending = [file];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (!fs.existsSync(next)) continue;
    const real = fs.realpathSync(next);
    if (reached.has(real)) continue;
    reached.add(real);
    let value: unknown;
    try {
      const document = readDocument(fs.readFileSync(real, "utf8"), "toml");
      // A TOML date or time reads as a string, and is not one to the trainer.
      const dated = [...document.written].some(([pointer, kind]) => pointer.startsWith("/extends") && kind === "datetime");
      value = dated ? undefined : (document.value as Record<string, unknown>).extends;
    } catch {
      continue;
    }
    const entries = typeof value === "string" ? [value] : Array.isArray(value) && value.every((entry) => typeof entry === "string") ? value : [];
    pending.push(...entries.map((entry: string) => path.resolve(path.dirname(real), entry)));
  }
  return reached;
}

describe("the repository", () => {
  test("is the git work tree the folder is in, or the folder where there is none", () => {
    const dir = fs.realpathSync(tempDir({ "sub/deeper/x.toml": "" }));
    expect(repositoryRoot(path.join(dir, "sub"))).toBe(path.join(dir, "sub"));
    const git = spawnSync("git", ["init", "-q", dir], { encoding: "utf8" });
    if (git.error) return;
    expect(repositoryRoot(path.join(dir, "sub/deeper"))).toBe(dir);
  });
});
