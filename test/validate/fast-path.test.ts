import { inputIssues } from "../../dist/validate/validators";
import type { Target } from "../../dist/validate/targets";
import { generateCases } from "../support/random-config";
import { validators } from "../support/targets";
import { readVectors } from "../support/vectors";

/**
 * The public validators explain most invalid input through its built value (faster to
 * read); every such result must be the one the input itself explained gives: every issue,
 * its stage, path and message, in order. Lists longer than the readers take on (explained
 * shortened) are among the cases, with bad items early and late, rules that read them, and
 * faults only elsewhere.
 */
const longList = Array.from({ length: 400 }, (_, i) => (i % 97 === 5 ? 7 : i % 50 === 3 ? `x${i % 3}` : i === 390 ? "decoder_y" : "encoder"));
const cases: { target: Target; value: unknown }[] = [
  ...readVectors("objects.jsonl"),
  ...readVectors("named.jsonl"),
  ...generateCases(20261127, 6000).map((c) => ({ target: c.target, value: JSON.parse(c.text) as unknown })),
  { target: "quant", value: { enable: true, protocol: "none", act_format: "uint8_pos_exp", target_modules: longList } },
  { target: "quant", value: { enable: true, protocol: "bitnet_b158", act_format: "uint8_pos_exp", target_modules: longList.map(() => "encoder").concat(["decoder_x"]) } },
  { target: "config", value: { model: { quant: { target_modules: longList, strict_bitnet_reference: 3 }, rho: { precision: 1 } } } },
  // A long list without a fault, and faults only elsewhere: the walk looks where the read found them.
  { target: "quant", value: { enable: 2, target_modules: longList.map(() => "encoder"), decoder_x_mode: "int4" } },
  { target: "config", value: { model: { quant: { target_modules: longList.map(() => "decoder_y") }, rho: { precision: 1, compression: "zip" } } } },
];

test("every invalid case gets the issues its input explained gives", () => {
  let invalid = 0;
  const differences: string[] = [];
  for (const { target, value } of cases) {
    const result = validators[target](value);
    if (result.valid) continue;
    invalid++;
    const expected = inputIssues(target, value);
    if (JSON.stringify(result.errors) !== JSON.stringify(expected)) {
      differences.push(`${target} ${JSON.stringify(value)}\n  got ${JSON.stringify(result.errors)}\n  want ${JSON.stringify(expected)}`);
    }
  }
  expect(differences.slice(0, 5)).toEqual([]);
  expect(invalid).toBeGreaterThan(3000);
});

test("with allErrors false, the one issue is the first of the full list, on every case", () => {
  let invalid = 0;
  let rules = 0;
  const differences: string[] = [];
  for (const { target, value } of cases) {
    const full = validators[target](value);
    const alone = validators[target](value, { allErrors: false });
    expect(alone.valid).toBe(full.valid);
    if (full.valid || alone.valid) continue;
    invalid++;
    if (full.errors[0].stage === "validate") rules++;
    if (alone.errors.length !== 1 || JSON.stringify(alone.errors[0]) !== JSON.stringify(full.errors[0])) {
      differences.push(`${target} ${JSON.stringify(value)}\n  got ${JSON.stringify(alone.errors)}\n  want ${JSON.stringify(full.errors[0])}`);
    }
  }
  expect(differences.slice(0, 5)).toEqual([]);
  expect(invalid).toBeGreaterThan(3000);
  expect(rules).toBeGreaterThan(1000);
});

test("where a read stops at a shape fault for Rust's error alone, the tables it skips still count", () => {
  const faults = [{ enable: 3 }, { target_modules: longList }, { saved_activations: 5 }, { act_grouping: "per_group", enable: true, protocol: "bitnet_b1" }];
  const rhos = [new Map(), new (class Settings {})(), 7, { precision: "fp64" }, { precision: "fp8_exp" }, undefined];
  let stopped = 0;
  for (const quant of faults) {
    for (const rho of rhos) {
      const value = { model: { quant, rho } };
      const full = validators.config(value);
      const alone = validators.config(value, { allErrors: false });
      if (full.valid || alone.valid) throw new Error(`${JSON.stringify(value)} was found valid`);
      expect(alone.errors).toEqual([full.errors[0]]);
      if (full.errors[0].path.startsWith("/model/quant") && full.errors[0].stage === "deserialize") stopped++;
    }
  }
  expect(stopped).toBeGreaterThan(10);
});

test("Rust's error alone leaves the sections after it unread: a getter there does not run", () => {
  let reads = 0;
  const rho = {
    get precision() {
      reads++;
      throw new Error("not now");
    },
  };
  const value = { model: { quant: { enable: 3 }, rho } };
  const alone = validators.config(value, { allErrors: false });
  expect(reads).toBe(0);
  expect(alone.valid).toBe(false);
  const withoutRho = validators.config({ model: { quant: { enable: 3 } } });
  if (alone.valid || withoutRho.valid) throw new Error("a config with enable = 3 was found valid");
  expect(alone.errors).toEqual([withoutRho.errors[0]]);
  const full = validators.config(value);
  expect(reads).toBe(1);
  expect(full.valid).toBe(false);
  if (!full.valid) expect(full.errors.map((issue) => [issue.stage, issue.path, issue.message.endsWith("not now")])).toEqual([["deserialize", "", true]]);
});
