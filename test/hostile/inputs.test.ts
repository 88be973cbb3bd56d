import { isDeepStrictEqual } from "node:util";
import type { ValidationResult } from "../../dist";
import type { Target } from "../../src/validate/targets";
import { validators } from "../support/targets";

/**
 * Hostile input: every public validator returns a result (never throws), leaves
 * its input as it was, keeps messages short and never touches a prototype.
 */

/** Wraps a value so that it lands in a known field of each target. */
const at: Record<Target, (quant: unknown) => unknown> = {
  quant: (quant) => quant,
  rho: (rho) => rho,
  config: (quant) => ({ model: { quant, rho: quant } }),
};

function deep(depth: number, step: (inner: unknown) => unknown, leaf: unknown = "x"): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = step(value);
  return value;
}

function cyclic(): Record<string, unknown> {
  const table: Record<string, unknown> = { enable: true, protocol: "bitnet_b1" };
  table.saved_activations = table;
  table.extra = table;
  const list: unknown[] = ["encoder"];
  list.push(list);
  table.target_modules = list;
  return table;
}

class Settings {
  enable = true;
  protocol = "none";
}

const HUGE = "x".repeat(10 * 1024 * 1024);

/** Each case is a factory, so the input can be built twice: once to validate, once to compare. */
const cases: Record<string, () => unknown> = {
  "cycle in known and unknown keys": cyclic,
  "document that contains itself": () => {
    const doc: Record<string, unknown> = {};
    doc.model = doc;
    return doc;
  },
  "100,000-deep table in a known key": () => ({ saved_activations: deep(100_000, (v) => ({ mode: v })) }),
  "100,000-deep list in a known key": () => ({ target_modules: deep(100_000, (v) => [v]) }),
  "100,000-deep table in an unknown key": () => ({ extra: deep(100_000, (v) => ({ a: v })) }),
  "1,000,000 valid list elements": () => ({ enable: true, protocol: "bitnet_b1", target_modules: new Array(1e6).fill("encoder") }),
  "1,000,000 invalid list elements": () => ({ target_modules: new Array(1e6).fill(7) }),
  "1,000,000 distinct invalid strings": () => ({ target_modules: Array.from({ length: 1e6 }, (_, i) => `m${i}`) }),
  "1,000,000 elements in an unknown key": () => ({ extra: new Array(1e6).fill({ a: 1 }) }),
  "10 MB string as a variant": () => ({ protocol: HUGE, precision: HUGE }),
  "10 MB string in a list": () => ({ target_modules: [HUGE] }),
  "10 MB string in an unknown key": () => ({ comment: HUGE }),
  "frozen input": () => Object.freeze({ enable: true, protocol: "bitnet_b1", target_modules: Object.freeze(["encoder"]) }),
  "null-prototype table": () => Object.assign(Object.create(null), { enable: true, protocol: "none" }),
  "class instance": () => new Settings(),
  Map: () => new Map([["enable", true]]),
  Date: () => new Date(0),
  "BigInt field": () => ({ enable: 1n, precision: 2n }),
  "undefined as the whole input": () => undefined,
  "undefined field": () => ({ enable: undefined, protocol: undefined }),
  "function field": () => ({ enable: () => true, protocol: function none() {} }),
  "function as the whole input": () => () => undefined,
  "symbol key and value": () => ({ [Symbol("enable")]: true, protocol: Symbol("none") }),
  "throwing getter": () =>
    Object.defineProperty({}, "enable", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    }),
  "revoked proxy": () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  },
};

const MESSAGE_LIMIT = 400;

/**
 * A structural copy to compare the input with after validation: tables and arrays copied
 * (own keys, symbols included, same prototype), everything else kept by identity.
 */
function snapshot(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (value === null || typeof value !== "object" || value instanceof Map || value instanceof Date) return value;
  if (seen.has(value)) return seen.get(value);
  const copy: Record<PropertyKey, unknown> = Array.isArray(value) ? [] : Object.create(Object.getPrototypeOf(value));
  seen.set(value, copy);
  for (const key of Reflect.ownKeys(value)) copy[key] = snapshot((value as Record<PropertyKey, unknown>)[key], seen);
  return Object.isFrozen(value) ? Object.freeze(copy) : copy;
}

/** Inputs whose reading itself throws, or too deep to compare recursively. */
const UNCOMPARABLE = ["100,000-deep", "proxy", "getter"];

describe.each([
  ...(Object.keys(validators) as Target[]).map((target) => [target, "all errors", {}] as const),
  ...(Object.keys(validators) as Target[]).map((target) => [target, "first error", { allErrors: false }] as const),
])("validator for %s, %s", (target, _mode, options) => {
  test.each(Object.keys(cases))("%s", (name) => {
    const input = at[target](cases[name]());
    const comparable = !UNCOMPARABLE.some((part) => name.includes(part));
    const before = comparable ? snapshot(input) : undefined;
    let result: ValidationResult<unknown> | undefined;
    expect(() => (result = validators[target](input, options))).not.toThrow();
    expect(typeof result!.valid).toBe("boolean");
    if (!result!.valid) {
      expect(result!.errors.length).toBeGreaterThan(0);
      for (const issue of result!.errors) expect(issue.message.length).toBeLessThan(MESSAGE_LIMIT);
    }
    if (comparable) expect(isDeepStrictEqual(input, before)).toBe(true);
  });
});

test("deep inputs are left as they were", () => {
  const input = cases["100,000-deep table in a known key"]() as { saved_activations: unknown };
  validators.quant(input);
  let depth = 0;
  for (let v = input.saved_activations as { mode?: unknown }; typeof v === "object"; v = v.mode as { mode?: unknown }) depth++;
  expect(depth).toBe(100_000);
});

test("non-table objects are rejected at deserialize, naming their class", () => {
  const result = validators.config({ model: { quant: new Settings(), rho: new Map() } });
  expect(result.valid).toBe(false);
  if (result.valid) return;
  expect(result.errors.slice(0, 2)).toEqual([
    { stage: "deserialize", path: "/model/quant", message: "model.quant: invalid type: an object of class Settings, expected struct LowBitQuantizationConfig" },
    { stage: "deserialize", path: "/model/rho", message: "model.rho: invalid type: an object of class Map, expected struct LowBitRhoConfig" },
  ]);
});

test("a long invalid list reports its first bad element at its real index", () => {
  const list = new Array(1e6).fill("encoder");
  list[700_000] = "decoder-y";
  const result = validators.quant({ target_modules: list });
  expect(result.valid).toBe(false);
  if (result.valid) return;
  expect(result.errors.map((e) => e.path)).toEqual(["/target_modules/700000"]);
});

describe.each(["__proto__", "constructor", "prototype"])("a %s key", (key) => {
  const text = (value: string) => `{"${key}": ${value}}`;
  const documentText = `{"${key}": {"polluted": 1}, "model": ${text(`{"polluted": 2}`).replace(
    "}}",
    `}, "quant": ${text(`{"enable": true}`)}, "rho": ${text(`{"stats_monitoring": false}`)}}`,
  )}}`;

  test("stays data and never becomes a prototype", () => {
    const input = JSON.parse(documentText);
    const result = validators.config(input);
    expect(result.valid).toBe(true);
    if (!result.valid) return;
    const value = result.value as Record<string, Record<string, unknown>>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(value.model)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(value, key)?.value).toEqual({ polluted: 1 });
    expect(Object.getOwnPropertyDescriptor(value.model, key)?.value).toEqual({ polluted: 2 });
    expect(Object.prototype.hasOwnProperty.call(value.model.quant, key)).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(isDeepStrictEqual(input, JSON.parse(documentText))).toBe(true);
  });
});
