import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv, { type ErrorObject } from "ajv";
import { addBurnDragonKeywords } from "../../dist";
import { SCHEMA_FILES, type Target } from "../../src/validate/targets";
import { PROJECT } from "../support/project";
import { Agreement, RULE_MESSAGES } from "../support/rust-verdicts";
import { tempDir } from "../support/temp-dir";
import { readVectors } from "../support/vectors";

/**
 * A Node service's own Ajv 8, in its default strict mode, with the one call the package
 * exports: every published file compiles, and every vector gets Rust's verdict from it. For a
 * broken rule, ajv-errors (with `allErrors`) makes the Rust message an error's message; without
 * it, Ajv stops at the first error in the schema's order, whose `pattern` or `allowedValue` is
 * the Rust message of a rule the config breaks, not always the one Rust reports first.
 * Then ajv-cli, as the README runs it.
 */
const schemas = Object.fromEntries(
  (Object.entries(SCHEMA_FILES) as [Target, string][]).map(([target, file]) => [target, JSON.parse(fs.readFileSync(path.join(PROJECT, "schema", file), "utf8")) as object]),
) as Record<Target, object>;
const vectors = [...readVectors("objects.jsonl"), ...readVectors("named.jsonl")];

describe.each([
  ["new Ajv()", { allErrors: false }],
  ["new Ajv({ allErrors: true })", { allErrors: true }],
])("a caller's %s with addBurnDragonKeywords", (name, options) => {
  const warnings: unknown[] = [];
  const logger = { log: () => undefined, warn: (...args: unknown[]) => warnings.push(args), error: (...args: unknown[]) => warnings.push(args) };
  const ajv = addBurnDragonKeywords(new Ajv({ ...options, logger }));
  const validate = Object.fromEntries((Object.keys(schemas) as Target[]).map((target) => [target, ajv.compile(schemas[target])]));
  const agreement = new Agreement(`Ajv 8, ${name}`);

  test("compiles every published file without a warning", () => {
    expect(Object.keys(validate).sort()).toEqual(["config", "quant", "rho"]);
    expect(warnings).toEqual([]);
  });

  test("gives Rust's verdict on every vector, and the Rust message for every broken rule", () => {
    for (const vector of vectors) {
      const check = validate[vector.target];
      const valid = check(vector.value);
      const errors: ErrorObject[] = check.errors ?? [];
      const shown = options.allErrors ? errors.map((error) => error.message ?? "") : errors.map((error) => String(error.params.pattern ?? error.params.allowedValue ?? ""));
      agreement.record(vector.expect, !valid, shown);
      expect(valid).toBe(vector.expect.valid);
      if (!vector.expect.valid && vector.expect.stage === "validate") {
        // Stopping at its first error, in the schema's order, Ajv may name another of the rules the config breaks.
        if (options.allErrors) expect(shown).toContain(vector.expect.message);
        else expect(shown.filter((text) => RULE_MESSAGES.has(text)).length).toBeGreaterThan(0);
      }
    }
    console.log(agreement.summary);
  });
});

test("ajv-cli validates a config with the published schema and -c burn-dragon-schema/ajv-keywords", () => {
  const dir = tempDir({ "bad.json": '{"model":{"quant":{"enable":true,"protocol":"none"}}}\n', "good.json": '{"model":{"rho":{"precision":"fp32"}}}\n' });
  // The package as a dependency would stand, beside the caller's own modules.
  fs.mkdirSync(path.join(dir, "node_modules"));
  fs.symlinkSync(PROJECT, path.join(dir, "node_modules/burn-dragon-schema"));
  const ajvCli = path.join(PROJECT, "node_modules/ajv-cli/dist/index.js");
  const run = (data: string) =>
    spawnSync(process.execPath, [ajvCli, "validate", "-s", path.join(PROJECT, "schema/burn-dragon-config.schema.json"), "-d", data, "-c", "burn-dragon-schema/ajv-keywords", "--all-errors", "--errors=text"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, NODE_PATH: path.join(dir, "node_modules") },
    });
  const good = run("good.json");
  expect({ status: good.status, out: good.stdout + good.stderr }).toEqual({ status: 0, out: "good.json valid\n" });
  const bad = run("bad.json");
  expect(bad.status).toBe(1);
  expect(bad.stdout + bad.stderr).toContain('data/model/quant/protocol model.quant.protocol must not be "none" when model.quant.enable = true');
  expect(bad.stdout + bad.stderr).not.toMatch(/strict mode|is invalid/);
});
