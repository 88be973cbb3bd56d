import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promised } from "../support/targets";
import { readVectors, type ObjectVector, type TextVector } from "../support/vectors";
import { RULE_MESSAGES } from "./rust-verdicts";

/**
 * python-jsonschema (Debian's python3-jsonschema, run by Debian's /usr/bin/python3, which has
 * tomllib) over the published schema files exactly as they are: its verdicts must equal
 * Rust's, and the Rust message of a rule violation is read from the failing subschema.
 * BURN_DRAGON_PYTHON names another interpreter; without jsonschema the tests skip, saying why.
 */
const PYTHON = process.env.BURN_DRAGON_PYTHON ?? "/usr/bin/python3";
const ROOT = path.resolve(__dirname, "../..");
const SCHEMA_DIR = path.join(ROOT, "schema");
const EXAMPLE = path.join(ROOT, "examples/python/validate_config.py");
const VECTORS = path.join(ROOT, "test/fixtures/vectors");

function pythonUnavailable(): string | null {
  const probe = spawnSync(PYTHON, ["-c", "import jsonschema, tomllib"], { encoding: "utf8" });
  if (probe.error) return `${PYTHON} cannot run (${probe.error.message})`;
  if (probe.status !== 0) return `${PYTHON} lacks jsonschema or tomllib (apt-get install python3-jsonschema): ${probe.stderr.trim()}`;
  return null;
}

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  // -B: importing the example must not leave __pycache__ beside it.
  const result = spawnSync(PYTHON, ["-B", ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
  if (result.error) throw result.error;
  return result;
}

type PythonVerdict = { id: number; valid: true } | { id: number; valid: false; stage: string; message: string };

/** Python's verdict in the terms `promised` gives Rust's: serde's own wording is not compared. */
function inVectorTerms(verdict: PythonVerdict | undefined): unknown {
  if (!verdict) return undefined;
  if (verdict.valid) return { valid: true };
  return verdict.stage === "validate"
    ? { valid: false, stage: "validate", message: verdict.message }
    : { valid: false, stage: verdict.stage };
}

const unavailable = pythonUnavailable();
if (unavailable) console.warn(`Python consumer tests skipped: ${unavailable}`);
const describePython = unavailable ? describe.skip : describe;

describePython(`python-jsonschema${unavailable ? ` (skipped: ${unavailable})` : ""}`, () => {
  describe("every object vector, against the file for its target", () => {
    const vectors = readVectors<ObjectVector>("objects.jsonl");
    let stderr = "";
    let verdicts = new Map<number, PythonVerdict>();

    beforeAll(() => {
      const result = run([path.join(__dirname, "python_verdicts.py"), SCHEMA_DIR, path.join(VECTORS, "objects.jsonl")]);
      const answers = result.stdout.trim().split("\n").filter(Boolean).map((line) => JSON.parse(line) as PythonVerdict);
      verdicts = new Map(answers.map((verdict) => [verdict.id, verdict]));
      stderr = result.stderr;
    });

    test("python answered for every vector", () => {
      expect(stderr).toBe("");
      expect(verdicts.size).toBe(vectors.length);
    });

    test.each(vectors.map((v) => [`#${v.id} ${v.target}`, v] as const))("%s", (_name, vector) => {
      expect(inVectorTerms(verdicts.get(vector.id))).toEqual(promised(vector.expect));
    });
  });

  describe("examples/python/validate_config.py on the TOML vectors", () => {
    const vectors = readVectors<TextVector>("toml-text.jsonl");
    let files: string[] = [];
    let result = { status: null as number | null, stdout: "", stderr: "" };
    let lines: string[] = [];

    beforeAll(() => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "python-example-"));
      files = vectors.map((vector) => {
        const file = path.join(dir, `case-${vector.id}.toml`);
        fs.writeFileSync(file, vector.text);
        return file;
      });
      result = run([EXAMPLE, ...files]);
      fs.rmSync(dir, { recursive: true, force: true });
      lines = result.stdout.trim().split("\n");
    });

    test("one line per file, exit status 1 as some are invalid", () => {
      expect(result.stderr).toBe("");
      expect(lines).toHaveLength(files.length);
      expect(result.status).toBe(1);
    });

    test.each(vectors.map((v, i) => [`#${v.id}`, v, i] as const))("%s", (_name, vector, i) => {
      const line = lines[i];
      const prefix = `${files[i]}: `;
      expect(line.startsWith(prefix)).toBe(true);
      const said = line.slice(prefix.length);
      if (vector.expect.valid) expect(said).toBe("ok");
      else if (vector.expect.stage === "validate") expect(said).toBe(`error: ${vector.expect.message}`);
      else {
        expect(said).toMatch(/^invalid: /);
        expect(RULE_MESSAGES.has(said.replace(/^invalid: /, ""))).toBe(false);
      }
    });
  });
});
