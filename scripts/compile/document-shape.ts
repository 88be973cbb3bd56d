import type { Shape, ShapeField } from "../../src/validate/shape";
import type { JsonSchema } from "../schema/json-schema";

/**
 * What the run time needs of a whole config document to build the value Rust deserializes:
 * read from the published document schema, each field and its default. A field that refers to
 * a definition, or holds a table with a default, is a Rust struct; a table without a default
 * is a table of the document around the structs.
 */
export function documentShape(document: JsonSchema): Shape {
  return shapeOf(document, document.definitions ?? {});
}

function shapeOf(table: JsonSchema, definitions: Record<string, JsonSchema>): Shape {
  const shape: Shape = {};
  for (const [name, field] of Object.entries(table.properties ?? {})) shape[name] = fieldShape(field, definitions);
  return shape;
}

function fieldShape(field: JsonSchema, definitions: Record<string, JsonSchema>): ShapeField {
  if (field.$ref !== undefined) return { struct: shapeOf(definitions[field.$ref.replace("#/definitions/", "")], definitions) };
  if (field.type !== "object") return { default: field.default };
  const inner = shapeOf(field, definitions);
  return "default" in field ? { struct: inner } : { table: inner };
}
