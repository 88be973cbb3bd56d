import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { schemaDocuments } from "../../scripts/schema/documents";
import type { JsonSchema } from "../../scripts/schema/json-schema";
import { table } from "../support/random-config";
import { validators, verdictOf } from "../support/targets";

/** Properties over arbitrary JSON values and config-shaped values. */
const documents = schemaDocuments();
const quant = documents["low-bit-quantization-config.schema.json"];
const rho = documents["low-bit-rho-config.schema.json"];

/** A field's value: one of its variants, or (with weight `wrong` in 20) any JSON value. */
function fieldArbitrary(field: JsonSchema, wrong: number): fc.Arbitrary<unknown> {
  const right =
    field.type === "object"
      ? structArbitrary(field, wrong)
      : field.type === "array"
        ? fc.array(fieldArbitrary(field.items ?? {}, wrong), { maxLength: 4 })
        : fc.constantFrom(...(field.type === "boolean" ? [true, false] : (field.enum ?? [])));
  if (wrong === 0) return right;
  return fc.oneof({ weight: 20 - wrong, arbitrary: right }, { weight: wrong, arbitrary: fc.jsonValue({ maxDepth: 2 }) });
}

/** A struct with any subset of its fields and some unknown keys, in arbitrary order. */
function structArbitrary(struct: JsonSchema, wrong: number): fc.Arbitrary<Record<string, unknown>> {
  const known = Object.entries(struct.properties ?? {}).map(([name, field]) =>
    fc.option(fieldArbitrary(field, wrong).map((value) => [name, value] as const), { nil: undefined }),
  );
  const unknown = fc.array(
    fc.tuple(fc.constantFrom("__proto__", "constructor", "extra", "Enable", "n_layer"), fc.jsonValue({ maxDepth: 2 })),
    { maxLength: 2 },
  );
  return fc
    .tuple(fc.tuple(...known), unknown)
    .chain(([fields, extra]) => {
      const entries = [...fields.filter((e) => e !== undefined), ...extra];
      return fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length });
    })
    .map((entries) => table(dedupe(entries)));
}

function dedupe(entries: readonly (readonly [string, unknown])[]): [string, unknown][] {
  return [...new Map(entries.map(([k, v]) => [k, v])).entries()];
}

function configArbitraries(wrong: number) {
  return {
    quant: structArbitrary(quant, wrong),
    rho: structArbitrary(rho, wrong),
    config: fc
      .record({ quant: structArbitrary(quant, wrong), rho: structArbitrary(rho, wrong) }, { requiredKeys: [] })
      .chain((model) => fc.shuffledSubarray(Object.entries(model), { minLength: Object.keys(model).length }))
      .map((entries) => ({ model: table(entries) })),
  };
}
const noisy = configArbitraries(2);
const clean = configArbitraries(0);

/** The same value with every table's keys in another order. */
function reorder(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((item) => reorder(item, seed));
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value).map(([k, v]) => [k, reorder(v, seed)] as const);
  const rotated = entries.length ? [...entries.slice(seed % entries.length), ...entries.slice(0, seed % entries.length)] : entries;
  return table(rotated.reverse());
}

const RUNS = 1500;

describe.each(["quant", "rho", "config"] as const)("%s validator", (target) => {
  const validate = validators[target];
  const anyInput = fc.oneof(fc.jsonValue(), noisy[target], clean[target]);

  test("never throws on any JSON value", () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
      validate(value);
      validate(JSON.parse(JSON.stringify({ model: { quant: value, rho: value } })));
    }), { numRuns: RUNS });
  });

  test("the verdict does not depend on key order", () => {
    fc.assert(fc.property(anyInput, fc.nat(), (value, seed) => {
      // The verdict and the first failing rule; which of several shape errors comes first may differ, as in serde.
      expect(verdictOf(validate(reorder(value, seed)))).toEqual(verdictOf(validate(value)));
    }), { numRuns: RUNS });
  });

  test("a valid result's value is valid and unchanged when validated again", () => {
    let valid = 0;
    fc.assert(fc.property(clean[target], (value) => {
      const first = validate(value);
      if (!first.valid) return;
      valid++;
      const again = validate(first.value);
      expect(again.valid).toBe(true);
      expect(again.valid && isDeepStrictEqual(again.value, first.value)).toBe(true);
    }), { numRuns: RUNS });
    expect(valid).toBeGreaterThan(RUNS / 20);
  });
});
