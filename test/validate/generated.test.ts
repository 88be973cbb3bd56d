import * as path from "node:path";
import { fillStruct } from "../support/fill-struct";
import { builders, documentShape, explainers as explain } from "../../dist/validate/generated";
import { structTargets } from "../../dist/validate/shape";
import type { Target } from "../../dist/validate/targets";
import { createAjv } from "../../scripts/compile/ajv";
import { copyTable } from "../../dist/util/tables";
import { SCHEMA_FILES } from "../../src/validate/targets";
import { readPublishedSchemas } from "../../scripts/schema/schema-files";
import { readVectors } from "../support/vectors";

/**
 * The fast path's parts, against what they replace: the generated value builders
 * (dist/generated/build.js) against the generic default-filling walk, and the shipped
 * `explain` code, whose verdict is the call's, against Ajv's own compile of the published files.
 */
const vectors = [...readVectors("objects.jsonl"), ...readVectors("named.jsonl")];

type Struct = "quant" | "rho";
/** Every struct value in the vectors: the quant and rho vectors, and both sections of each document. */
const structs: [Struct, unknown][] = vectors.flatMap((v): [Struct, unknown][] => {
  if (v.target !== "config") return [[v.target, v.value]];
  const model = (v.value as { model?: Record<string, unknown> } | null)?.model;
  return model && typeof model === "object" ? [["quant", model.quant ?? {}], ["rho", model.rho ?? {}]] : [];
});

const structShapes = Object.fromEntries(structTargets(documentShape).map(({ name, shape }) => [name, shape]));

const schemas = readPublishedSchemas();
const plainCheck = {} as Record<Target, (data: unknown) => boolean>;
for (const [target, file] of Object.entries(SCHEMA_FILES) as [Target, keyof typeof schemas][]) {
  plainCheck[target] = createAjv("verdict").compile(schemas[file]);
}

/** The cases where `agree` fails, as readable lines (the first few are enough to debug). */
function disagreements<T>(cases: readonly T[], agree: (c: T) => boolean): string[] {
  return cases.filter((c) => !agree(c)).map((c) => JSON.stringify(c).slice(0, 300)).slice(0, 5);
}

test("a built struct gets the input's verdict from explain, and once valid is the generic walk's value", () => {
  const failures = disagreements(structs, ([target, input]) => {
    const built = builders[target](input);
    if (explain[target](built) !== explain[target](input)) return false;
    return !explain[target](built) || JSON.stringify(built) === JSON.stringify(fillStruct(structShapes[target], input));
  });
  expect(failures).toEqual([]);
  const rejected = structs.filter(([target, input]) => !explain[target](builders[target](input)));
  expect(rejected.length).toBeGreaterThan(1000);
});

test("values that are no table stay as they are; an object that is not a plain table stops the build", () => {
  const list = [1];
  expect(builders.quant(5)).toBe(5);
  expect(builders.quant(list)).toBe(list);
  expect((builders.quant({ saved_activations: list }) as Record<string, unknown>).saved_activations).toBe(list);
  expect(builders.rho(Object.create(null))).toEqual(builders.rho({}));
  for (const odd of [new Map(), new Date(0), new (class Settings {})()]) {
    expect(builders.quant(odd)).toBeUndefined();
    expect(builders.quant({ saved_activations: odd })).toBeUndefined();
  }
});

test("the shipped explain gives Ajv's own verdict on every vector, as given and as built", () => {
  expect(disagreements(vectors, (v) => explain[v.target](v.value) === plainCheck[v.target](v.value))).toEqual([]);
  const built = structs.map(([target, input]) => [target, builders[target](input)] as const).filter(([, b]) => b);
  expect(disagreements(built, ([target, b]) => explain[target](b) === plainCheck[target](b))).toEqual([]);
});

test("a builder takes the input's own keys only, in their order, whatever Object.prototype holds", () => {
  const proto = Object.prototype as Record<string, unknown>;
  proto.enable = true;
  proto.precision = "fp8_exp";
  try {
    expect((builders.quant({}) as Record<string, unknown>).enable).toBe(false);
    expect((builders.rho({}) as Record<string, unknown>).precision).toBe("bf16");
    expect(builders.rho({ precision: "fp32" })).toEqual({ ...(builders.rho({}) as object), precision: "fp32" });
    expect(Object.keys(copyTable(JSON.parse('{"b": 1, "__proto__": 2, "a": 3}')))).toEqual(["b", "__proto__", "a"]);
  } finally {
    delete proto.enable;
    delete proto.precision;
  }
  const keysSeen: string[] = [];
  const input = new Proxy({ stats_monitoring: false, precision: "fp32" }, {
    get(target, key, receiver) {
      if (typeof key === "string") keysSeen.push(key);
      return Reflect.get(target, key, receiver);
    },
  });
  expect(builders.rho(input)).toMatchObject({ stats_monitoring: false, precision: "fp32" });
  expect(keysSeen).toEqual(["stats_monitoring", "precision"]);
});

test("a target's code is loaded on its first use, and the first-error code only when asked for", () => {
  jest.isolateModules(() => {
    const loaded = () => Object.keys(require.cache).filter((file) => /generated[\\/](explain|first)-/.test(file));
    const before = loaded();
    const { validateLowBitRhoConfig } = require("../../dist") as typeof import("../../dist");
    expect(loaded()).toEqual(before);
    expect(validateLowBitRhoConfig({ precision: "fp32" }).valid).toBe(true);
    expect(validateLowBitRhoConfig({ precision: "fp8_exp" }).valid).toBe(false);
    expect(loaded().map((file) => path.basename(file))).toEqual([...before.map((file) => path.basename(file)), "explain-rho.js"]);
    expect(validateLowBitRhoConfig({ precision: "fp8_exp" }, { allErrors: false }).valid).toBe(false);
    expect(loaded().map((file) => path.basename(file))).toEqual([...before.map((file) => path.basename(file)), "explain-rho.js", "first-rho.js"]);
  });
});

test("a validator taken before its first use still reports its errors", () => {
  jest.isolateModules(() => {
    const { explainers } = require("../../dist/validate/generated") as typeof import("../../dist/validate/generated");
    const validate = explainers.rho;
    expect(validate({ precision: 5 })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ instancePath: "/precision" });
    expect(explainers.rho).not.toBe(validate);
  });
});
