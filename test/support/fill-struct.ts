import type { Shape } from "../../dist/validate/shape";

type Table = Record<string, unknown>;

/**
 * A reference for the generated value builders: the plain walk over a shape that they
 * replace, every field the shape knows, given or defaulted, and nothing else.
 */
export function fillStruct(shape: Shape, input: unknown): Table {
  const given = (input ?? {}) as Table;
  const out: Table = {};
  for (const name in shape) {
    const field = shape[name];
    const value = given[name];
    if ("struct" in field) out[name] = fillStruct(field.struct, value);
    else if ("table" in field) throw new Error(`no open table is expected inside a struct: ${name}`);
    else out[name] = copy(value === undefined ? field.default : value);
  }
  return out;
}

/** Field values are scalars or lists of scalars: a list is the only thing to copy. */
function copy(value: unknown): unknown {
  return Array.isArray(value) ? value.slice() : value;
}
