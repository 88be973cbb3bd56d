import * as path from "node:path";
import { fillStruct } from "../dist/defaults";
import { builders, check, shapes } from "../dist/validators";
import { readVectors, type ObjectVector } from "./support/vectors";

/**
 * The generated value builders (dist/generated/build.js) are the fast path's first step:
 * the value they build must be the generic default-filling walk's, and Ajv's `check` must
 * give it the verdict it gives the input itself.
 */
const vectors = [...readVectors<ObjectVector>("objects.jsonl"), ...readVectors<ObjectVector>("named.jsonl")];

type Struct = "quant" | "rho";
const structs: [Struct, unknown][] = vectors.flatMap((v): [Struct, unknown][] => {
  if (v.target !== "model") return [[v.target, v.value]];
  const model = (v.value as { model?: Record<string, unknown> } | null)?.model;
  return model && typeof model === "object" ? [["quant", model.quant ?? {}], ["rho", model.rho ?? {}]] : [];
});

test("the vectors give the builders tables and non-tables at every struct position", () => {
  const built = structs.map(([target, input]) => builders[target](input));
  expect(built.filter((value) => value === undefined).length).toBeGreaterThan(50);
  expect(built.filter((value) => value !== undefined).length).toBeGreaterThan(3000);
});

test.each(structs.map((s, i) => [i, ...s] as const))("struct #%i (%s): value and verdict as from the input", (_i, target, input) => {
  const built = builders[target](input);
  if (built === undefined) {
    expect(check[target](input) && isTableTree(input)).toBe(false);
    return;
  }
  expect(built).toStrictEqual(fillStruct(shapes[target], input));
  expect(check[target](built)).toBe(check[target](input));
});

/** Whether every struct position of a quant or rho input is a plain table. */
function isTableTree(input: unknown): boolean {
  const plain = (value: unknown) =>
    typeof value === "object" && value !== null && !Array.isArray(value) && [Object.prototype, null].includes(Object.getPrototypeOf(value));
  const saved = (input as Record<string, unknown>).saved_activations;
  return plain(input) && (saved === undefined || plain(saved));
}

test("explaining code is loaded only once some input is invalid", () => {
  jest.isolateModules(() => {
    const loaded = () => Object.keys(require.cache).filter((file) => file.includes(`${path.sep}generated${path.sep}explain-`));
    const before = loaded();
    const { validateLowBitRhoConfig } = require("../dist") as typeof import("../dist");
    expect(validateLowBitRhoConfig({ precision: "fp32" }).valid).toBe(true);
    expect(loaded()).toEqual(before);
    expect(validateLowBitRhoConfig({ precision: "fp8_exp" }).valid).toBe(false);
    expect(loaded().length).toBe(before.length + 1);
  });
});
