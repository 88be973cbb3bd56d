import type { Shape, ShapeField } from "../../src/validate/shape";
import { structTypeOf, type TypesDocument } from "../schema/from-types";
import type { JsonSchema } from "../schema/json-schema";

/**
 * What the run time needs of a whole config document to build the value Rust deserializes,
 * from the types in `src/types`: each table of the document, each struct in it with its type
 * name (which serde's messages name), and each field with its default.
 */
export function documentShape({ schema, definitions }: TypesDocument): Shape {
  return tableShape(schema, definitions);
}

function tableShape(table: JsonSchema, definitions: Record<string, JsonSchema>): Shape {
  const shape: Shape = {};
  for (const [name, field] of Object.entries(table.properties ?? {})) {
    const type = field.$ref?.replace("#/definitions/", "");
    shape[name] = type ? { struct: structShape(definitions[type]), name: type } : { table: tableShape(field, definitions) };
  }
  return shape;
}

function structShape(struct: JsonSchema): Shape {
  const shape: Shape = {};
  for (const [name, field] of Object.entries(struct.properties ?? {})) shape[name] = fieldShape(field);
  return shape;
}

function fieldShape(field: JsonSchema): ShapeField {
  const type = structTypeOf(field);
  return type ? { struct: structShape(field), name: type } : { default: field.default };
}
