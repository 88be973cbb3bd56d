import { hasOwn } from "../util/tables";

/**
 * A config document as the build describes it to the run time (`dist/generated/document-shape.json`,
 * written from `src/types`): each table's fields and what each holds.
 */
export interface Shape {
  [field: string]: ShapeField;
}

export type ShapeField =
  /** A value; an omitted one takes `default`. */
  | { default: unknown }
  /**
   * A Rust struct (a validator target, or a struct inside one), by its type name: its unknown
   * keys are dropped, an omitted one takes its fields' defaults.
   */
  | { struct: Shape; name: string }
  /** A table of the document around the structs: open, every key kept, an omitted one built empty. */
  | { table: Shape };

/** A struct a validator checks on its own: its field name, the path to it in a document, its fields and its type name. */
export interface StructTarget {
  name: string;
  path: string[];
  shape: Shape;
  type: string;
}

/** The field `key` of a shape, if it has one by that name. */
export function fieldOf(shape: Shape | undefined, key: string): ShapeField | undefined {
  return shape && hasOwn(shape, key) ? shape[key] : undefined;
}

/** The fields inside a field that holds a struct or a table. */
export function innerShape(field: ShapeField | undefined): Shape | undefined {
  if (field === undefined || "default" in field) return undefined;
  return "struct" in field ? field.struct : field.table;
}

/**
 * The validator targets of a document: each struct that stands in a table of the document (not
 * inside another struct), named by its field, with the path to it.
 */
export function structTargets(shape: Shape, at: readonly string[] = []): StructTarget[] {
  return Object.entries(shape).flatMap(([name, field]) => {
    if ("struct" in field) return [{ name, path: [...at, name], shape: field.struct, type: field.name }];
    return "table" in field ? structTargets(field.table, [...at, name]) : [];
  });
}
