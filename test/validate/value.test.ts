import * as path from "node:path";
import { fillStruct } from "../support/fill-struct";
import { documentShape } from "../../dist/validate/generated";
import { layouts } from "../../dist/validate/layouts";
import { structTargets } from "../../dist/validate/shape";
import { buildValue } from "../../dist/validate/value";
import { readVectors } from "../support/vectors";
import { validators } from "../support/targets";

/**
 * The value serde deserializes, built over the document's shape: every field given or
 * defaulted and nothing else in a struct, every key kept in a table around the structs, wrong
 * types left for the validators, the input never changed.
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
const build = (target: Struct | "config", input: unknown) => buildValue(input, layouts[target].shape, layouts[target].kind);

test("a valid struct's value is the plain walk's over its shape, for every struct of the vectors", () => {
  const valid = structs.filter(([target, input]) => validators[target](input).valid);
  const differences = valid.filter(([target, input]) => JSON.stringify(build(target, input).value) !== JSON.stringify(fillStruct(structShapes[target], input)));
  expect(differences.slice(0, 5)).toEqual([]);
  expect(valid.length).toBeGreaterThan(3000);
});

test("a document keeps every key of its open tables, and its structs get their defaults", () => {
  const input = { model: { layers: 4, quant: { enable: true, protocol: "bitnet_b1", extra: 1 } }, training: { steps: 3 } };
  const { value } = build("config", input);
  expect(value).toEqual({
    model: { layers: 4, quant: { ...fillStruct(structShapes.quant, { enable: true, protocol: "bitnet_b1" }) }, rho: fillStruct(structShapes.rho, {}) },
    training: { steps: 3 },
  });
  expect(build("config", {}).value).toEqual({ model: { quant: fillStruct(structShapes.quant, {}), rho: fillStruct(structShapes.rho, {}) } });
});

test("values that are no table stay as they are, lists copied; an object that is not a plain table is pointed out", () => {
  const list = [1];
  expect(build("quant", 5)).toEqual({ value: 5, oddObjects: [] });
  const listValue = build("quant", list).value;
  expect(listValue).toEqual(list);
  expect(listValue).not.toBe(list);
  const saved = (build("quant", { saved_activations: list }).value as Record<string, unknown>).saved_activations;
  expect(saved).toEqual(list);
  expect(saved).not.toBe(list);
  expect(build("rho", Object.create(null)).value).toEqual(build("rho", {}).value);
  for (const odd of [new Map(), new Date(0), new (class Settings {})()]) {
    expect(build("quant", odd).oddObjects).toEqual([""]);
    expect(build("quant", { saved_activations: odd }).oddObjects).toEqual(["/saved_activations"]);
    expect(build("config", { model: { rho: odd } }).oddObjects).toEqual(["/model/rho"]);
  }
});

test("the input is never changed, and no list or table of the value is the input's", () => {
  const input = { model: { quant: { target_modules: ["encoder"], saved_activations: { mode: "disabled" } }, other: { a: [1] } } };
  const before = JSON.stringify(input);
  const { value } = build("config", input) as { value: { model: { quant: { target_modules: string[]; saved_activations: object }; other: object } } };
  value.model.quant.target_modules.push("decoder_y");
  (value.model.quant.saved_activations as Record<string, unknown>).format = "fp16";
  expect(JSON.stringify(input)).toBe(before);
  expect(value.model).not.toBe(input.model);
});

test("a struct reads its own fields only, each once, whatever Object.prototype holds", () => {
  const proto = Object.prototype as Record<string, unknown>;
  proto.enable = true;
  proto.precision = "fp8_exp";
  try {
    expect((build("quant", {}).value as Record<string, unknown>).enable).toBe(false);
    expect((build("rho", {}).value as Record<string, unknown>).precision).toBe("bf16");
  } finally {
    delete proto.enable;
    delete proto.precision;
  }
  const keysRead: string[] = [];
  const input = new Proxy({ stats_monitoring: false, comment: "kept out", precision: "fp32" }, {
    get(target, key, receiver) {
      if (typeof key === "string") keysRead.push(key);
      return Reflect.get(target, key, receiver);
    },
  });
  expect(build("rho", input).value).toMatchObject({ stats_monitoring: false, precision: "fp32" });
  expect(keysRead.sort()).toEqual(["precision", "stats_monitoring"]);
  const withProtoKey = JSON.parse('{"__proto__": {"enable": true}, "protocol": "bitnet_b1"}') as unknown;
  expect(build("quant", withProtoKey).value).toEqual(fillStruct(structShapes.quant, { protocol: "bitnet_b1" }));
  const table = build("config", JSON.parse('{"b": 1, "__proto__": 2, "a": 3}')).value as object;
  expect(Object.keys(table)).toEqual(["b", "__proto__", "a", "model"]);
  expect(Object.getPrototypeOf(table)).toBe(Object.prototype);
});

test("a target's modules are loaded on first use, the explaining one only for invalid input", () => {
  jest.isolateModules(() => {
    const loaded = () => Object.keys(require.cache).filter((file) => /generated[\\/](verdict|explain)-/.test(file)).map((file) => path.basename(file));
    const before = loaded();
    const { validateLowBitRhoConfig } = require("../../dist") as typeof import("../../dist");
    expect(loaded()).toEqual(before);
    expect(validateLowBitRhoConfig({ precision: "fp32" }).valid).toBe(true);
    expect(loaded()).toEqual([...before, "verdict-rho.js"]);
    expect(validateLowBitRhoConfig({ precision: "fp8_exp" }).valid).toBe(false);
    expect(loaded()).toEqual([...before, "verdict-rho.js", "explain-rho.js"]);
  });
});
