import type { JsonSchema } from "../schema/json-schema";

/** What the runtime needs to build the value Rust deserializes: each field and its default. */
export interface Shape {
  [field: string]: { default: unknown } | { struct: Shape };
}

export function shapeOf(struct: JsonSchema): Shape {
  const shape: Shape = {};
  for (const [name, field] of Object.entries(struct.properties ?? {})) {
    shape[name] = field.type === "object" ? { struct: shapeOf(field) } : { default: field.default };
  }
  return shape;
}
