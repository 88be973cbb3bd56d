import type { Target } from "../../dist/validate/targets";
import { toIssues } from "../../dist/validate/issues";
import { layouts } from "../../dist/validate/layouts";
import { buildValue } from "../../dist/validate/value";
import { validateTarget } from "../../dist/validate/validators";
import { generateCases } from "../support/random-config";
import { validators } from "../support/targets";
import { readVectors } from "../support/vectors";
import { validatorOf } from "../../dist/validate/generated";

/**
 * The public validators over many inputs: Rust's error alone is the full list's first, and a
 * long list, explained shortened, gives the issues Ajv gives of the whole list.
 */
const longList = Array.from({ length: 400 }, (_, i) => (i % 97 === 5 ? 7 : i % 50 === 3 ? `x${i % 3}` : i === 390 ? "decoder_y" : "encoder"));
const longCases: { target: Target; value: unknown }[] = [
  { target: "quant", value: { enable: true, protocol: "none", act_format: "uint8_pos_exp", target_modules: longList } },
  { target: "quant", value: { enable: true, protocol: "bitnet_b158", act_format: "uint8_pos_exp", target_modules: longList.map(() => "encoder").concat(["decoder_x"]) } },
  { target: "config", value: { model: { quant: { target_modules: longList, strict_bitnet_reference: 3 }, rho: { precision: 1 } } } },
  { target: "quant", value: { enable: 2, target_modules: longList.map(() => "encoder"), decoder_x_mode: "int4" } },
  { target: "config", value: { model: { quant: { target_modules: longList.map(() => "decoder_y") }, rho: { precision: 1, compression: "zip" } } } },
];
const cases: { target: Target; value: unknown }[] = [
  ...readVectors("objects.jsonl"),
  ...readVectors("named.jsonl"),
  ...generateCases(20261127, 6000).map((c) => ({ target: c.target, value: JSON.parse(c.text) as unknown })),
  ...longCases,
];

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

test("a list longer than the explained head gives the issues its whole self gives, but for values it repeats", () => {
  let left = 0;
  for (const { target, value } of longCases) {
    const shortened = validateTarget(target, value, { allErrors: true, dialect: "json" });
    // The reference: the same explain module over the whole value, nothing shortened.
    const layout = layouts[target];
    const built = buildValue(value, layout.shape, layout.kind).value;
    const explain = validatorOf("explain", target);
    expect(explain(built)).toBe(false);
    const whole = toIssues(explain.errors ?? [], built, [], { layout, dialect: "json", input: value });
    if (shortened.valid) throw new Error(`${JSON.stringify(value)} was found valid`);
    // Every issue kept is the whole list's, in its order; every one left out repeats a value of the list already explained.
    const kept = whole.filter((issue) => shortened.errors.some((other) => JSON.stringify(other) === JSON.stringify(issue)));
    expect(kept).toEqual(shortened.errors);
    const explained = (issue: (typeof whole)[number]) => issue.message.replace(/\[\d+\]/, "[]");
    for (const issue of whole.filter((issue) => !kept.includes(issue))) {
      expect(Number(/\/(\d+)$/.exec(issue.path)?.[1])).toBeGreaterThanOrEqual(256);
      expect(kept.map(explained)).toContain(explained(issue));
    }
    left += whole.length - kept.length;
  }
  expect(left).toBeGreaterThan(0);
});

test("a shape fault anywhere comes before any rule error, in the order serde meets the fields", () => {
  const value = { model: { rho: { precision: 1 }, quant: { strict_bitnet_reference: 3, enable: true, protocol: "none" } } };
  const json = validateTarget("config", value, { allErrors: true, dialect: "json" });
  const toml = validateTarget("config", value, { allErrors: true, dialect: "toml" });
  if (json.valid || toml.valid) throw new Error("found valid");
  expect(json.errors.map((issue) => issue.path)).toEqual(["/model/rho/precision", "/model/quant/strict_bitnet_reference", "/model/quant/protocol"]);
  expect(toml.errors.map((issue) => issue.path)).toEqual(["/model/quant/strict_bitnet_reference", "/model/rho/precision", "/model/quant/protocol"]);
});
