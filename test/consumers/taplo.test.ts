import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { PROJECT } from "../support/project";
import { readVectors, type TextVector } from "../support/vectors";
import { Agreement } from "../support/rust-verdicts";

/**
 * taplo, the engine of Even Better TOML, as users run it: the `taplo` command of the published
 * @taplo/cli package (its wasm build ships inside the package), `taplo lint` on files, with
 * `schema/burn-dragon-config.schema.json` associated by `--schema`, by the `#:schema` directive
 * and by `.taplo.toml`. Its verdict must equal Rust's on every TOML vector, and a rule
 * violation's text must carry the Rust message.
 */
const SCHEMA_FILE = path.join(PROJECT, "schema/burn-dragon-config.schema.json");
const TAPLO = path.join(PROJECT, "node_modules/@taplo/cli/dist/cli.js");
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "taplo-consumer-"));

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

interface Lint {
  status: number | null;
  /** Each file taplo found invalid. */
  invalid: Set<string>;
  /** Each error text taplo showed, by file. */
  errors: Map<string, string[]>;
  output: string;
}

/** Runs `taplo lint` in `cwd` and reads its report: `error: TEXT` then `┌─ FILE:LINE:COL`. */
function lint(cwd: string, args: string[]): Lint {
  const run = spawnSync(process.execPath, [TAPLO, "lint", "--colors", "never", ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: { ...process.env, RUST_LOG: "info" },
  });
  if (run.error) throw run.error;
  const output = run.stdout + run.stderr;
  const invalid = new Set<string>();
  const errors = new Map<string, string[]>();
  let text: string | undefined;
  for (const line of output.split("\n")) {
    const failed = /invalid file .*path="(.*)"$/.exec(line);
    if (failed) invalid.add(path.resolve(cwd, failed[1]));
    const error = /^error: (.*)$/.exec(line);
    if (error) text = error[1];
    const at = /┌─ (.*):\d+:\d+$/.exec(line);
    if (at && text !== undefined) {
      const file = path.resolve(cwd, at[1]);
      errors.set(file, [...(errors.get(file) ?? []), text]);
      text = undefined;
    }
  }
  return { status: run.status, invalid, errors, output };
}

describe("every TOML vector, linted with `--schema`", () => {
  const vectors = readVectors("toml-text.jsonl");
  const dir = path.join(workDir, "vectors");
  const fileOf = (vector: TextVector) => path.join(dir, `case-${vector.id}.toml`);
  const agreement = new Agreement("taplo lint (@taplo/cli)");
  let result: Lint;

  beforeAll(() => {
    fs.mkdirSync(dir, { recursive: true });
    for (const vector of vectors) fs.writeFileSync(fileOf(vector), vector.text);
    const files = vectors.map((vector) => path.basename(fileOf(vector)));
    result = lint(dir, ["--no-auto-config", "--schema", pathToFileURL(SCHEMA_FILE).href, ...files]);
  });

  afterAll(() => {
    console.log(agreement.summary);
  });

  test("there are cases of every kind, and taplo read them all", () => {
    const kinds = new Set(vectors.map((v) => (v.expect.valid ? "valid" : v.expect.stage)));
    expect([...kinds].sort()).toEqual(["deserialize", "valid", "validate"]);
    expect(result.output).toContain(`found files total=${vectors.length}`);
    expect(result.status).toBe(1);
  });

  test.each(vectors.map((v) => [`#${v.id}`, v] as const))("%s", (_name, vector) => {
    const file = fileOf(vector);
    const shown = result.errors.get(file) ?? [];
    const rejected = result.invalid.has(file);
    agreement.record(vector.expect, rejected, shown);
    expect(rejected).toBe(!vector.expect.valid);
    if (!vector.expect.valid && vector.expect.stage === "validate") {
      const { message } = vector.expect;
      expect(shown.filter((text) => text.includes(message))).not.toEqual([]);
    }
  });
});

/** The two ways the README associates the schema with TOML files, each on a valid file and a violation. */
describe("the README's associations", () => {
  const vectors = readVectors("toml-text.jsonl");
  const valid = vectors.find((v) => v.expect.valid)!;
  const violation = vectors.find((v) => !v.expect.valid && v.expect.stage === "validate")!;
  const message = (violation.expect as { message: string }).message;

  function writeFiles(dir: string, prefix = ""): void {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "valid.toml"), prefix + valid.text);
    fs.writeFileSync(path.join(dir, "violation.toml"), prefix + violation.text);
  }

  test("`#:schema` on the first line, the path relative to the file", () => {
    const dir = path.join(workDir, "directive", "config");
    writeFiles(dir, `#:schema ${path.relative(dir, SCHEMA_FILE)}\n`);
    const good = lint(dir, ["--no-auto-config", "valid.toml"]);
    expect({ status: good.status, invalid: [...good.invalid] }).toEqual({ status: 0, invalid: [] });
    const bad = lint(dir, ["--no-auto-config", "violation.toml"]);
    expect(bad.status).toBe(1);
    expect(bad.errors.get(path.join(dir, "violation.toml"))?.some((text) => text.includes(message))).toBe(true);
  });

  test("`[schema] path` in `.taplo.toml` at the project root", () => {
    const project = path.join(workDir, "project");
    const dir = path.join(project, "config");
    writeFiles(dir);
    const schema = path.relative(project, SCHEMA_FILE);
    fs.writeFileSync(path.join(project, ".taplo.toml"), `include = ["config/**/*.toml"]\n\n[schema]\npath = ${JSON.stringify(schema)}\n`);
    const run = lint(project, []);
    expect(run.output).toContain("found files total=2");
    expect(run.status).toBe(1);
    expect([...run.invalid]).toEqual([path.join(dir, "violation.toml")]);
    expect(run.errors.get(path.join(dir, "violation.toml"))?.some((text) => text.includes(message))).toBe(true);
  });
});
