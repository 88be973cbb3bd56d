import * as path from "node:path";
import { fillStruct } from "../dist/defaults";
import { builders, check, shapes, type Target } from "../dist/validators";
import { createAjv } from "../scripts/ajv";
import { readPublishedSchemas, TARGET_FILES } from "../scripts/schema/published";
import { readVectors, type ObjectVector } from "./support/vectors";

/**
 * The fast path's parts, against what they replace: the generated value builders
 * (dist/generated/build.js) against the generic default-filling walk, and the shipped
 * `check` code (rewritten by the build) against Ajv's own compile of the published files.
 */
const vectors = [...readVectors<ObjectVector>("objects.jsonl"), ...readVectors<ObjectVector>("named.jsonl")];
const targetOf = (vector: ObjectVector): Target => (vector.target === "model" ? "config" : vector.target);

type Struct = "quant" | "rho";
/** Every struct value in the vectors: the quant and rho vectors, and both sections of each document. */
const structs: [Struct, unknown][] = vectors.flatMap((v): [Struct, unknown][] => {
  if (v.target !== "model") return [[v.target, v.value]];
  const model = (v.value as { model?: Record<string, unknown> } | null)?.model;
  return model && typeof model === "object" ? [["quant", model.quant ?? {}], ["rho", model.rho ?? {}]] : [];
});

const schemas = readPublishedSchemas();
const plainCheck = {} as Record<Target, (data: unknown) => boolean>;
for (const [target, file] of Object.entries(TARGET_FILES) as [Target, keyof typeof schemas][]) {
  plainCheck[target] = createAjv("check").compile(schemas[file]);
}

/** The cases where `agree` fails, as readable lines (the first few are enough to debug). */
function disagreements<T>(cases: readonly T[], agree: (c: T) => boolean): string[] {
  return cases.filter((c) => !agree(c)).map((c) => JSON.stringify(c).slice(0, 300)).slice(0, 5);
}

test("the vectors give the builders tables and non-tables at every struct position", () => {
  const built = structs.map(([target, input]) => builders[target](input));
  expect(built.filter((value) => value === undefined).length).toBeGreaterThan(50);
  expect(built.filter((value) => value !== undefined).length).toBeGreaterThan(3000);
});

test("a built struct is the generic walk's value, and check gives it the input's verdict", () => {
  const failures = disagreements(structs, ([target, input]) => {
    const built = builders[target](input);
    if (built === undefined) return !(check[target](input) && isTableTree(input));
    const same = JSON.stringify(built) === JSON.stringify(fillStruct(shapes[target], input));
    return same && check[target](built) === check[target](input);
  });
  expect(failures).toEqual([]);
});

test("the shipped check gives Ajv's own verdict on every vector, as given and as built", () => {
  expect(disagreements(vectors, (v) => check[targetOf(v)](v.value) === plainCheck[targetOf(v)](v.value))).toEqual([]);
  const built = structs.map(([target, input]) => [target, builders[target](input)] as const).filter(([, b]) => b);
  expect(disagreements(built, ([target, b]) => check[target](b) === plainCheck[target](b))).toEqual([]);
});

/** Whether every struct position of a quant or rho input is a plain table. */
function isTableTree(input: unknown): boolean {
  const plain = (value: unknown) =>
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    [Object.prototype, null].includes(Object.getPrototypeOf(value));
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
