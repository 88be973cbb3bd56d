import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { PYTHON, pythonUnavailable } from "../support/python";
import { FIXTURES, PROJECT } from "../support/project";
import { readVectors, type Expectation } from "../support/vectors";
import { Agreement } from "../support/rust-verdicts";

/**
 * python-jsonschema (Debian's python3-jsonschema, run by Debian's /usr/bin/python3, which has
 * tomllib) over the published schema files exactly as they are: its verdict must equal Rust's
 * on every object vector and every TOML vector, and for a rule violation one of the
 * `error.message`s that `iter_errors` yields must carry the Rust message.
 * BURN_DRAGON_PYTHON names another interpreter; without jsonschema the suite is skipped, saying why.
 */

interface PythonVerdict {
  kind: "objects" | "toml-text";
  id: number;
  valid: boolean;
  messages: string[];
}

const unavailable = pythonUnavailable(["jsonschema", "tomllib"]);

if (unavailable) {
  test.skip(`python-jsonschema (skipped: ${unavailable}; apt-get install python3-jsonschema)`, () => undefined);
} else {
  describe("python-jsonschema on every object and TOML vector", () => {
    const cases = [
      ...readVectors("objects.jsonl").map((v) => ({ kind: "objects", id: v.id, whole: v.target === "config", expect: v.expect })),
      ...readVectors("toml-text.jsonl").map((v) => ({ kind: "toml-text", id: v.id, whole: true, expect: v.expect })),
    ];
    const agreement = new Agreement("python-jsonschema (iter_errors)");
    let verdicts = new Map<string, PythonVerdict>();
    let stderr = "";

    beforeAll(() => {
      const script = path.join(__dirname, "../support/python_verdicts.py");
      const run = spawnSync(PYTHON, ["-B", script, path.join(PROJECT, "schema"), path.join(FIXTURES, "vectors")], {
        encoding: "utf8",
        maxBuffer: 1 << 28,
      });
      stderr = run.stderr;
      const lines = run.stdout.split("\n").filter(Boolean);
      verdicts = new Map(lines.map((line) => JSON.parse(line) as PythonVerdict).map((v) => [`${v.kind} #${v.id}`, v]));
    });

    afterAll(() => {
      console.log(agreement.summary);
    });

    test("python answered for every vector", () => {
      expect(stderr).toBe("");
      expect(verdicts.size).toBe(cases.length);
    });

    test.each(cases.map((c) => [`${c.kind} #${c.id}`, c] as const))("%s", (name, { whole, expect: rust }) => {
      const verdict = verdicts.get(name)!;
      if (whole) agreement.record(rust as Expectation, !verdict.valid, verdict.messages);
      expect(verdict.valid).toBe(rust.valid);
      if (!rust.valid && rust.stage === "validate") {
        const { message } = rust;
        expect(verdict.messages.filter((text) => text.includes(message))).not.toEqual([]);
      }
    });
  });
}
