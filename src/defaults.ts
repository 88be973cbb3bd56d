import type { Shape } from "./validators";

type Table = Record<string, unknown>;

/**
 * The struct Rust deserializes: every field the shape knows, given or defaulted, and nothing
 * else. Always a fresh object; the input is only read.
 */
export function fillStruct(shape: Shape, input: unknown): Table {
  const given = (input ?? {}) as Table;
  const out: Table = {};
  for (const name in shape) {
    const field = shape[name];
    const value = given[name];
    if ("struct" in field) out[name] = fillStruct(field.struct, value);
    else out[name] = copy(value === undefined ? field.default : value);
  }
  return out;
}

/** Field values are scalars or lists of scalars: a list is the only thing to copy. */
function copy(value: unknown): unknown {
  return Array.isArray(value) ? value.slice() : value;
}

/**
 * A copy of a table that keeps every own key as data, `__proto__` included: plain
 * assignment of that key would replace the copy's prototype instead.
 */
export function copyTable(input: unknown): Table {
  const out: Table = {};
  if (input === null || typeof input !== "object") return out;
  for (const key of Object.keys(input)) {
    const value = (input as Table)[key];
    // Only `__proto__` needs defining; plain assignment is several times faster for the rest.
    if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }
  return out;
}
