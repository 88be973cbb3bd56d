import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../dist/cli/main";
import { PYTHON, pythonUnavailable } from "../support/python";
import { FIXTURES, PROJECT } from "../support/project";
import { TOML_EDGES } from "../support/edge-cases";
import { generateDocuments, Random } from "../support/random-config";
import { writeRandomTree } from "../support/random-tree";
import { renderToml } from "../support/render/toml";
import { readVectors } from "../support/vectors";

/**
 * The Python package in `python/`, installed as python/README.md shows first: a fresh venv,
 * `pip install ./python` (a copy of the folder, with the `test` extra), its dependencies
 * resolved by pip from the package index; then its pytest suite, run in that venv from the
 * repository root with the README's command (every vector, toml-test, the differential tests
 * against the Rust oracle where ../shared is beside the checkout, the command line); then its
 * command line against the Node CLI's on the same files: the same report, field for field,
 * but the lines and columns Python does not have. Last, the second way of installing it:
 * Debian's packages and the one wheel Debian lacks, without an index.
 */
const unavailable = pythonUnavailable(["venv", "ensurepip"]);

/** pip may wait on an index it cannot reach before it turns to the others it is given. */
const INSTALL_TIMEOUT = 15 * 60_000;

function run(command: string, args: string[], options: { cwd: string; input?: string; env?: NodeJS.ProcessEnv }) {
  const result = spawnSync(command, args, { ...options, encoding: "utf8", maxBuffer: 1 << 28 });
  if (result.error) throw result.error;
  return result;
}

/** The environment the venv's Python runs in: the installed package, not a checkout's copy. */
const ENV = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== "PYTHONPATH" && name !== "PYTHONHOME"));

/** A copy of `python/`, so that the build leaves nothing in the checkout. */
function copyPackage(to: string): string {
  fs.cpSync(path.join(PROJECT, "python"), to, { recursive: true, filter: (from) => !/(__pycache__|\.egg-info|build)$/.test(from) });
  return to;
}

interface Outcome {
  status: number;
  stdout: string;
  stderr: string;
}

/** The Node CLI on `args`, in this process. */
function node(args: string[]): Outcome {
  let stdout = "";
  let stderr = "";
  const status = main(["validate", ...args], { out: (text) => void (stdout += text), err: (text) => void (stderr += text) });
  return { status, stdout, stderr };
}

type Issue = { file: string; line?: number; column?: number; stage: string; path: string; message: string };
type FileEntry = { file: string; status: string; errors?: Issue[]; warnings?: Issue[]; problem?: { file: string; line?: number; column?: number; message: string } };

const SYNTAX = "invalid TOML: ";

/**
 * Why Python's `--format json` report differs from Node's, or null. Every field Python has
 * must be Node's; but a TOML syntax error's words are each parser's own: both must refuse the
 * file with one issue, `invalid TOML: …`, in the same file.
 */
function jsonDifference(nodeOut: string, pythonOut: string): string | null {
  const ours = JSON.parse(nodeOut) as { valid: boolean; files: FileEntry[] };
  const theirs = JSON.parse(pythonOut) as { valid: boolean; files: FileEntry[] };
  if (ours.files.length !== theirs.files.length) return "not the same files";
  for (const [i, mine] of ours.files.entries()) {
    const python = theirs.files[i];
    if (python.file !== mine.file) return `file ${python.file}, Node: ${mine.file}`;
    if (python.status !== mine.status) return `${python.file}: ${python.status}, Node: ${mine.status}`;
    if (python.errors?.[0]?.message.startsWith(SYNTAX)) {
      const [first, ...more] = mine.errors!;
      if (python.errors.length !== 1 || more.length > 0 || !first.message.startsWith(SYNTAX) || first.file !== python.errors[0].file) {
        return `${python.file}: a syntax error, Node: ${JSON.stringify(mine)}`;
      }
      continue;
    }
    if (python.problem) {
      const { file, message, ...place } = python.problem;
      if (file !== mine.problem!.file || message !== mine.problem!.message || Object.keys(place).length > 0) {
        return `${python.file}: ${JSON.stringify(python.problem)}, Node: ${JSON.stringify(mine.problem)}`;
      }
      continue;
    }
    for (const kind of ["errors", "warnings"] as const) {
      const stripped = (issues: Issue[]) => issues.map(({ line: _line, column: _column, ...issue }) => issue);
      const a = JSON.stringify(stripped(python[kind]!));
      const b = JSON.stringify(stripped(mine[kind]!));
      if (a !== b) return `${python.file} ${kind}: ${a.slice(0, 600)}\n  Node: ${b.slice(0, 600)}`;
      if (python[kind]!.some((issue) => issue.line !== undefined)) return `${python.file}: a position Python cannot know`;
    }
  }
  return ours.valid === theirs.valid ? null : "valid";
}

/**
 * A text report as (file, severity, message) lines, sorted, and its summary: what the two CLIs
 * share. A TOML syntax error's words are each parser's own: such a line keeps its file and
 * `invalid TOML`.
 */
function textLines(outcome: Outcome): string {
  const issue = /^(.*?):(?:\d+:\d+|[^:]*): (error|warning): (.*)$/;
  const lines = [...outcome.stdout.split("\n"), ...outcome.stderr.split("\n")].filter((line) => line !== "" && !/^\s/.test(line));
  const summary = lines.filter((line) => / checked: /.test(line));
  const issues = lines
    .filter((line) => !/ checked: /.test(line))
    .map((line) => line.replace(issue, "$1 $2 $3").replace(/ (invalid TOML): .*$/, " $1"));
  return JSON.stringify({ summary, issues: issues.sort() });
}

if (unavailable) {
  test.skip(`the Python package (skipped: ${unavailable}; apt-get install python3-venv)`, () => undefined);
} else {
  describe("the Python package, installed as its README says", () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "python-package-"));
    const venv = path.join(work, "venv");
    const python = path.join(venv, "bin/python");
    let installed = false;

    afterAll(() => {
      fs.rmSync(work, { recursive: true, force: true });
    });

    test(
      "pip installs it into a fresh venv, its dependencies from the index",
      () => {
        const source = copyPackage(path.join(work, "python"));
        const created = run(PYTHON, ["-m", "venv", venv], { cwd: work });
        expect({ status: created.status, stderr: created.stderr }).toEqual({ status: 0, stderr: "" });
        const pip = run(path.join(venv, "bin/pip"), ["install", "--quiet", `${source}[test]`], { cwd: work, env: ENV });
        if (pip.status !== 0) console.log(pip.stderr);
        expect(pip.status).toBe(0);
        const where = run(python, ["-c", "import burn_dragon_schema, importlib.metadata as m; print(burn_dragon_schema.__file__); print(m.version('tomli'))"], {
          cwd: work,
          env: ENV,
        });
        const [file, tomli] = where.stdout.trim().split("\n");
        expect(file.startsWith(path.join(venv, "lib"))).toBe(true);
        // tomli reads TOML 1.1 from 2.4.0 on.
        const [major, minor] = tomli.split(".").map(Number);
        expect(major > 2 || (major === 2 && minor >= 4)).toBe(true);
        installed = true;
      },
      INSTALL_TIMEOUT,
    );

    test("its pytest suite passes, run from the repository root as the README says", () => {
      expect(installed).toBe(true);
      const tests = run(python, ["-m", "pytest", "-q", "-p", "no:cacheprovider", "python/tests"], { cwd: PROJECT, env: ENV });
      const report = tests.stdout.split("\n").filter((line) => line.trim() !== "" && !/^[.sxF E]+\[ *\d+%\]$/.test(line));
      console.log(`pytest python/tests:\n${report.join("\n")}`);
      expect({ status: tests.status, stderr: tests.stderr }).toEqual({ status: 0, stderr: "" });
    });

    describe("its command line gives the Node CLI's report", () => {
      const files = fs.mkdtempSync(path.join(os.tmpdir(), "python-cli-"));
      afterAll(() => fs.rmSync(files, { recursive: true, force: true }));

      /** Both command lines on each list of arguments, in text and as JSON, strict or not. */
      function compare(name: string, configs: string[][]): void {
        expect(installed).toBe(true);
        const runs = configs.flatMap((args) => [["--format", "json", ...args], ["--strict", "--format", "json", ...args], args, ["--strict", ...args]]);
        const answer = run(python, [path.join(__dirname, "../support/python_cli.py")], { cwd: process.cwd(), env: ENV, input: JSON.stringify(runs) });
        expect(answer.stderr).toBe("");
        const outcomes = answer.stdout.trim().split("\n").map((line) => JSON.parse(line) as Outcome);
        expect(outcomes).toHaveLength(runs.length);
        const differences: string[] = [];
        let syntax = 0;
        runs.forEach((args, i) => {
          const mine = node(args);
          const theirs = outcomes[i];
          const json = args.includes("json");
          if (json && theirs.stdout.includes(SYNTAX)) syntax++;
          const why = json ? jsonDifference(mine.stdout, theirs.stdout) : textLines(mine) === textLines(theirs) ? null : `${textLines(theirs)}\n  Node: ${textLines(mine)}`;
          if (why || theirs.status !== mine.status) differences.push(`${args.join(" ")}: ${why ?? `status ${theirs.status}, Node ${mine.status}`}`);
        });
        console.log(
          `${name}: ${runs.length} runs of both command lines, ${differences.length} differences (${syntax / 2} with a TOML syntax error, its words each parser's own)`,
        );
        expect(differences.slice(0, 5)).toEqual([]);
      }

      /** Files fifty at a time: one run of each command line checks each of them on its own. */
      function batches(written: string[]): string[][] {
        return Array.from({ length: Math.ceil(written.length / 50) }, (_, i) => written.slice(50 * i, 50 * i + 50));
      }

      function write(name: string, text: string | Buffer): string {
        const file = path.join(files, name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
        return file;
      }

      test("on every TOML vector and the hand-written TOML edge cases", () => {
        const vectors = readVectors("toml-text.jsonl").map((v) => write(`vectors/${v.id}.toml`, v.text));
        const edges = TOML_EDGES.map((text, i) => write(`edges/${i}.toml`, text));
        compare("TOML vectors and edge cases", [...batches(vectors), ...edges.map((file) => [file])]);
      });

      test("on fresh random documents", () => {
        const rng = new Random(7919);
        const documents = generateDocuments(104729, 1500).map((json) => JSON.parse(json) as unknown);
        const tables = documents.filter((d): d is Record<string, unknown> => typeof d === "object" && d !== null && !Array.isArray(d));
        compare("random documents", tables.map((document, i) => [write(`random/${i}.toml`, renderToml(document, rng))]));
      });

      test("on fresh random trees of files, merged with --config", () => {
        const rng = new Random(15485863);
        const trees = Array.from({ length: 300 }, (_, i) => {
          const dir = path.join(files, "trees", String(i));
          fs.mkdirSync(dir, { recursive: true });
          return writeRandomTree(dir, rng).configs;
        });
        compare("random trees", trees.map((configs) => configs.flatMap((file) => ["-c", file])));
      });

      test("on the upstream chain, the examples, and configs that cannot be checked", () => {
        const upstream = fs.readdirSync(path.join(FIXTURES, "upstream"), { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".toml"));
        const examples = ["bitnet.toml", "broken.toml", "sweep/run-a.toml"].map((name) => path.join(PROJECT, "examples", name));
        const broken = [
          write("chains/missing.toml", 'extends = ["base.toml", "shared/nope.toml"]\n'),
          write("chains/base.toml", "[model.qaunt]\nenable = true\n"),
          write("chains/one.toml", 'extends = "nope.toml"\n'),
          write("chains/type.toml", "extends = 5\n"),
          write("chains/entry.toml", 'extends = ["base.toml", true]\n'),
          write("chains/a.toml", 'extends = "b.toml"\n'),
          write("chains/b.toml", 'extends = "a.toml"\n'),
          write("chains/fast.toml", 'extends = "base.toml"\n[[runs]]\ntraining.fast_train = true\n'),
          write("chains/dir.toml/x.toml", ""),
          write("chains/folder.toml", 'extends = "dir.toml"\n'),
          write("chains/nul.toml", "a = 1\0\n"),
          write("chains/latin1.toml", Buffer.from('a = "\xe9"\n', "latin1")),
          write("chains/to-nul.toml", 'extends = "nul.toml"\n'),
          write("chains/syntax.toml", 'extends = "base.toml"\n[model.quant\n'),
          write("chains/to-syntax.toml", 'extends = "syntax.toml"\n'),
          write("chains/v11.toml", 'extends = "base.toml"\n[model]\nquant = {\n  enable = true, # on\n  protocol = "\\x62itnet_b158",\n}\n'),
          path.join(files, "chains/absent.toml"),
        ];
        compare("upstream, examples and broken chains", [
          ...upstream.map((name) => [path.join(FIXTURES, "upstream", name)]),
          ...examples.map((file) => [file]),
          broken,
          ...broken.map((file) => [file]),
          ["--no-extends", ...broken],
          ["-c", examples[2], "-c", path.join(PROJECT, "examples/sweep/no-detach.toml")],
        ]);
      });
    });
  });

  const debian = pythonUnavailable(["jsonschema", "setuptools", "wheel", "venv", "ensurepip"]);
  const debianTest = debian ? test.skip : test;
  debianTest(
    debian
      ? `the second way, Debian's packages without an index (skipped: ${debian}; apt-get install python3-jsonschema python3-setuptools python3-wheel python3-venv)`
      : "the second way: Debian's jsonschema and setuptools, and the tomli wheel Debian lacks, without an index",
    () => {
      const work = fs.mkdtempSync(path.join(os.tmpdir(), "python-debian-"));
      try {
        const source = copyPackage(path.join(work, "python"));
        // Where an index is reachable: the one wheel Debian does not package (its python3-tomli is older than 2.4).
        const fetcher = path.join(work, "fetch");
        expect(run(PYTHON, ["-m", "venv", fetcher], { cwd: work }).status).toBe(0);
        const wheels = path.join(work, "wheels");
        const download = run(path.join(fetcher, "bin/pip"), ["download", "--quiet", "--no-deps", "--dest", wheels, "tomli>=2.4"], { cwd: work, env: ENV });
        if (download.status !== 0) console.log(download.stderr);
        expect(download.status).toBe(0);
        // The machine without an index: Debian's site packages, the wheel, and nothing else.
        const venv = path.join(work, "venv");
        expect(run(PYTHON, ["-m", "venv", "--system-site-packages", venv], { cwd: work }).status).toBe(0);
        const pip = run(path.join(venv, "bin/pip"), ["install", "--quiet", "--no-index", "--no-build-isolation", "--find-links", wheels, source], { cwd: work, env: ENV });
        expect({ status: pip.status, stderr: pip.stderr }).toEqual({ status: 0, stderr: "" });
        const probe = run(
          path.join(venv, "bin/python"),
          ["-m", "burn_dragon_schema", "--format", "json", "-"],
          { cwd: work, env: ENV, input: '[model]\nquant = {\n  enable = true,\n  protocol = "none",\n}\n' },
        );
        const report = JSON.parse(probe.stdout) as { files: { errors: { stage: string; message: string }[] }[] };
        // The TOML 1.1 text is read, and the trainer's rule is the one issue.
        expect(report.files[0].errors.map((issue) => issue.stage)).toEqual(["validate"]);
      } finally {
        fs.rmSync(work, { recursive: true, force: true });
      }
    },
    INSTALL_TIMEOUT,
  );
}
