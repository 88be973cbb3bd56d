import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PYTHON, pythonUnavailable } from "../support/python";
import { FIXTURES, PROJECT } from "../support/project";
import { readVectors, type Expectation } from "../support/vectors";
import { Agreement } from "../support/rust-verdicts";

/**
 * jsonschema-rs, the Rust validator for Python, as its users install it (a fresh venv, `pip
 * install jsonschema-rs`, with tomli to read TOML 1.1 as the trainer does), over the published
 * whole-config schema exactly as it is: its verdict must equal Rust's on every whole-document
 * vector (object vectors of a whole config, TOML vectors), and for a rule violation one of the
 * `message`s `iter_errors` yields must carry the Rust message.
 */
interface Verdict {
  kind: "objects" | "toml-text";
  id: number;
  valid: boolean;
  messages: string[];
}

const unavailable = pythonUnavailable(["venv", "ensurepip"]);

/** pip may wait on an index it cannot reach before it turns to the others it is given. */
const INSTALL_TIMEOUT = 15 * 60_000;

if (unavailable) {
  test.skip(`jsonschema-rs (skipped: ${unavailable}; apt-get install python3-venv)`, () => undefined);
} else {
  describe("jsonschema-rs on every whole-document vector", () => {
    const cases = [
      ...readVectors("objects.jsonl")
        .filter((v) => v.target === "config")
        .map((v) => ({ kind: "objects", id: v.id, expect: v.expect })),
      ...readVectors("toml-text.jsonl").map((v) => ({ kind: "toml-text", id: v.id, expect: v.expect })),
    ];
    const agreement = new Agreement("jsonschema-rs (iter_errors)");
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "jsonschema-rs-"));
    let verdicts = new Map<string, Verdict>();
    let stderr = "";

    beforeAll(() => {
      const venv = path.join(work, "venv");
      const created = spawnSync(PYTHON, ["-m", "venv", venv], { encoding: "utf8" });
      if (created.status !== 0) throw new Error(`python -m venv: ${created.stderr}`);
      const pip = spawnSync(path.join(venv, "bin/pip"), ["install", "--quiet", "jsonschema-rs", "tomli>=2.4"], { encoding: "utf8" });
      if (pip.status !== 0) throw new Error(`pip install jsonschema-rs: ${pip.stderr}`);
      const script = path.join(__dirname, "../support/python_jsonschema_rs_verdicts.py");
      const schema = path.join(PROJECT, "schema/burn-dragon-config.schema.json");
      const run = spawnSync(path.join(venv, "bin/python"), ["-B", script, schema, path.join(FIXTURES, "vectors")], {
        encoding: "utf8",
        maxBuffer: 1 << 28,
      });
      stderr = run.stderr;
      const lines = run.stdout.split("\n").filter(Boolean);
      verdicts = new Map(lines.map((line) => JSON.parse(line) as Verdict).map((v) => [`${v.kind} #${v.id}`, v]));
    }, INSTALL_TIMEOUT);

    afterAll(() => {
      console.log(agreement.summary);
      fs.rmSync(work, { recursive: true, force: true });
    });

    test("jsonschema-rs answered for every vector", () => {
      expect(stderr).toBe("");
      expect(verdicts.size).toBe(cases.length);
    });

    test.each(cases.map((c) => [`${c.kind} #${c.id}`, c] as const))("%s", (name, { expect: rust }) => {
      const verdict = verdicts.get(name)!;
      agreement.record(rust as Expectation, !verdict.valid, verdict.messages);
      expect(verdict.valid).toBe(rust.valid);
      if (!rust.valid && rust.stage === "validate") {
        const { message } = rust;
        expect(verdict.messages.filter((text) => text.includes(message))).not.toEqual([]);
      }
    });
  });
}
