import { childPointer } from "../util/pointer";
import { copyTable, hasOwn, isOddObject, isTable, setOwn } from "../util/tables";
import type { Shape, ShapeField } from "./shape";

/** The value serde deserializes from an input, and where the input holds an object that is not a table at a struct's place. */
export interface BuiltValue {
  value: unknown;
  /** Pointers to the objects that are neither tables nor lists (a `Map`, a class instance) where a struct or table belongs. */
  oddObjects: string[];
}

/**
 * The value Rust deserializes from `input`, a table of `shape`: each struct with every field
 * (its default where the input omits it) and no other key, each table of the document around
 * them with every key the input gives. A value of the wrong type stays as it is, for the
 * validators to judge. Each of the input's values is read once; the input is never changed,
 * and no list or table of the value is the input's own.
 */
export function buildValue(input: unknown, shape: Shape, kind: TableKind): BuiltValue {
  const oddObjects: string[] = [];
  const value = tableValue(input, shape, kind, "", oddObjects);
  return { value, oddObjects };
}

/** A Rust struct, which keeps only its fields; or a table of the document around the structs, which keeps every key. */
export type TableKind = "struct" | "table";

function tableValue(input: unknown, shape: Shape, kind: TableKind, pointer: string, odd: string[]): unknown {
  if (input !== undefined && !isTable(input)) {
    if (isOddObject(input)) odd.push(pointer);
    return Array.isArray(input) ? input.slice() : input;
  }
  const source = (input ?? {}) as Record<string, unknown>;
  // A table keeps every key (each value read once, by the copy); a struct only its fields.
  const out: Record<string, unknown> = kind === "table" ? copyTable(source) : {};
  for (const name of Object.keys(shape)) {
    const given = hasOwn(source, name) ? (kind === "table" ? out[name] : source[name]) : undefined;
    setOwn(out, name, fieldValue(given, shape[name], childPointer(pointer, name), odd));
  }
  return out;
}

function fieldValue(given: unknown, shape: ShapeField, pointer: string, odd: string[]): unknown {
  if ("struct" in shape) return tableValue(given, shape.struct, "struct", pointer, odd);
  if ("table" in shape) return tableValue(given, shape.table, "table", pointer, odd);
  if (given === undefined) return copyDefault(shape.default);
  return Array.isArray(given) ? given.slice() : given;
}

/** A default as a value of its own: the shape's defaults are shared. */
function copyDefault(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyDefault);
  if (isTable(value)) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) copy[key] = copyDefault(value[key]);
    return copy;
  }
  return value;
}
