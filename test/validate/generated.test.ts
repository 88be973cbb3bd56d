import * as path from "node:path";
import { fillStruct } from "../support/fill-struct";
import { documentShape, explainers as explain, readers } from "../../dist/validate/generated";
import { structTargets } from "../../dist/validate/shape";
import type { Target } from "../../dist/validate/targets";
import { createAjv } from "../../scripts/compile/ajv";
import { copyTable } from "../../dist/util/tables";
import { SCHEMA_FILES } from "../../src/validate/targets";
import { readPublishedSchemas } from "../../scripts/schema/schema-files";
import { readVectors } from "../support/vectors";

/**
 * The fast path's parts, against what they replace: the generated readers
 * (dist/generated/read-<target>.js) against the generic default-filling walk and Ajv's
 * verdict, and the shipped `explain` code against Ajv's own compile of the published files.
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

test("a read struct gets the input's verdict from its reader and from explain, and once valid is the generic walk's value", () => {
  const failures = disagreements(structs, ([target, input]) => {
    const built = readers[target].read(input);
    if (readers[target].valid() !== plainCheck[target](input)) return false;
    if (explain[target](built) !== explain[target](input)) return false;
    return !explain[target](built) || JSON.stringify(built) === JSON.stringify(fillStruct(structShapes[target], input));
  });
  expect(failures).toEqual([]);
  const rejected = structs.filter(([target, input]) => !explain[target](readers[target].read(input)));
  expect(rejected.length).toBeGreaterThan(1000);
});

test("values that are no table stay as they are; an object that is not a plain table stops the build", () => {
  const list = [1];
  expect(readers.quant.read(5)).toBe(5);
  expect(readers.quant.read(list)).toBe(list);
  expect((readers.quant.read({ saved_activations: list }) as Record<string, unknown>).saved_activations).toBe(list);
  expect(readers.rho.read(Object.create(null))).toEqual(readers.rho.read({}));
  for (const odd of [new Map(), new Date(0), new (class Settings {})()]) {
    expect(readers.quant.read(odd)).toBeUndefined();
    expect(readers.quant.read({ saved_activations: odd })).toBeUndefined();
  }
});

test("the shipped explain gives Ajv's own verdict on every vector, as given and as built", () => {
  expect(disagreements(vectors, (v) => explain[v.target](v.value) === plainCheck[v.target](v.value))).toEqual([]);
  const built = structs.map(([target, input]) => [target, readers[target].read(input)] as const).filter(([, b]) => b);
  expect(disagreements(built, ([target, b]) => explain[target](b) === plainCheck[target](b))).toEqual([]);
});

test("a reader takes the input's own keys only, each read once in their order, whatever Object.prototype holds", () => {
  const proto = Object.prototype as Record<string, unknown>;
  proto.enable = true;
  proto.precision = "fp8_exp";
  try {
    expect((readers.quant.read({}) as Record<string, unknown>).enable).toBe(false);
    expect((readers.rho.read({}) as Record<string, unknown>).precision).toBe("bf16");
    expect(readers.rho.read({ precision: "fp32" })).toEqual({ ...(readers.rho.read({}) as object), precision: "fp32" });
    expect(Object.keys(copyTable(JSON.parse('{"b": 1, "__proto__": 2, "a": 3}')))).toEqual(["b", "__proto__", "a"]);
  } finally {
    delete proto.enable;
    delete proto.precision;
  }
  const keysSeen: string[] = [];
  // An unknown key's value is read too, once, as serde reads a value to skip it.
  const input = new Proxy({ stats_monitoring: false, comment: "kept out", precision: "fp32" }, {
    get(target, key, receiver) {
      if (typeof key === "string") keysSeen.push(key);
      return Reflect.get(target, key, receiver);
    },
  });
  expect(readers.rho.read(input)).toMatchObject({ stats_monitoring: false, precision: "fp32" });
  expect(keysSeen).toEqual(["stats_monitoring", "comment", "precision"]);
});

test("a target's code is loaded on its first use, and the explaining code only for input the reader leaves to it", () => {
  jest.isolateModules(() => {
    const loaded = () => Object.keys(require.cache).filter((file) => /generated[\\/](read|explain)-/.test(file)).map((file) => path.basename(file));
    const before = loaded();
    const { validateLowBitRhoConfig } = require("../../dist") as typeof import("../../dist");
    expect(loaded()).toEqual(before);
    expect(validateLowBitRhoConfig({ precision: "fp32" }).valid).toBe(true);
    expect(validateLowBitRhoConfig({ precision: "fp8_exp" }).valid).toBe(false);
    expect(validateLowBitRhoConfig({ precision: "fp8_exp" }, { allErrors: false }).valid).toBe(false);
    expect(loaded()).toEqual([...before, "read-rho.js"]);
    expect(validateLowBitRhoConfig(new Map()).valid).toBe(false);
    expect(loaded()).toEqual([...before, "read-rho.js", "explain-rho.js"]);
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
