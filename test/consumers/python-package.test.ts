import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PYTHON, pythonUnavailable } from "../support/python";
import { PROJECT } from "../support/project";

/**
 * The Python package in `python/`, installed the way the README says (a venv with Debian's
 * site packages, `pip install --no-build-isolation --no-index`: no PyPI), then its pytest
 * suite (`python/tests`: every vector, the trainer's loader through the Rust oracle where it
 * is beside the checkout, `python -m burn_dragon_schema`).
 */
const unavailable = pythonUnavailable(["jsonschema", "tomllib", "pytest", "venv", "setuptools", "wheel", "ensurepip"]);

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 1 << 28 });
  if (result.error) throw result.error;
  return result;
}

if (unavailable) {
  test.skip(
    `the Python package (skipped: ${unavailable}; apt-get install python3-jsonschema python3-pytest python3-venv python3-setuptools python3-wheel)`,
    () => undefined,
  );
} else {
  describe("the Python package, installed as the README says", () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "python-package-"));
    const venv = path.join(work, "venv");
    const python = path.join(venv, "bin/python");

    afterAll(() => {
      fs.rmSync(work, { recursive: true, force: true });
    });

    test("pip installs it from the checkout without an index", () => {
      // A copy, so that the build leaves nothing in the checkout.
      const source = path.join(work, "python");
      fs.cpSync(path.join(PROJECT, "python"), source, { recursive: true, filter: (from) => !/(__pycache__|\.egg-info|build)$/.test(from) });
      const created = run(PYTHON, ["-m", "venv", "--system-site-packages", venv], work);
      expect(created.stderr).toBe("");
      const installed = run(python, ["-m", "pip", "install", "--quiet", "--no-build-isolation", "--no-index", source], work);
      expect({ status: installed.status, stderr: installed.stderr }).toEqual({ status: 0, stderr: "" });
      const where = run(python, ["-c", "import burn_dragon_schema; print(burn_dragon_schema.__file__)"], work);
      expect(where.stdout).toContain(path.join(venv, "lib"));
    });

    test("its pytest suite passes", () => {
      const tests = run(python, ["-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", path.join(PROJECT, "python/tests")], PROJECT);
      const report = tests.stdout.split("\n").filter((line) => line.trim() !== "" && !/^[.sxF E]+\[ *\d+%\]$/.test(line));
      console.log(`pytest python/tests:\n${report.join("\n")}`);
      expect({ status: tests.status, stderr: tests.stderr }).toEqual({ status: 0, stderr: "" });
    });
  });
}
