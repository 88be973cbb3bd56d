import type { JsonSchema } from "../schema/json-schema";
import { mapSubschemas } from "../schema/subschemas";

/**
 * The schema of the `first` validators: the same verdict as the published one, with its
 * checks reordered so that a first-error Ajv run stops at the error Rust reports.
 *
 * Serde reads the whole document before `validate()` runs, so any shape error beats any
 * rule; Ajv, left to itself, runs a struct's `allOf` (the rules) before its `properties`.
 * Here the document is checked twice in a row: first its shape (every rule taken out), then
 * its rules (every shape keyword taken out), in the order of `validate()`, quant before rho,
 * then the root's own rules.
 * Where a field has both `type` and `enum`, the `type` goes: the enum alone decides, and its
 * error carries the allowed values a message names.
 */
export function firstErrorSchema(schema: JsonSchema): JsonSchema {
  const { allOf: ownRules, ...inlined } = inline(schema, schema.definitions ?? {});
  // The root's own rules (a whole document's: the trainer's) run after the structs' inside it.
  return { $id: schema.$id, allOf: [shapeOnly(inlined), rulesOnly(inlined) ?? {}, ownRules ? { type: "object", allOf: ownRules } : {}] };
}

function inline(schema: JsonSchema, definitions: Record<string, JsonSchema>): JsonSchema {
  if (schema.$ref) return inline(definitions[schema.$ref.replace("#/definitions/", "")], definitions);
  const { definitions: _definitions, $id: _id, $schema: _schema, ...own } = schema;
  return mapSubschemas(own, (sub) => inline(sub, definitions));
}

function shapeOnly(schema: JsonSchema): JsonSchema {
  const { allOf: _rules, ...shape } = schema;
  if (shape.enum) delete shape.type;
  return mapSubschemas(shape, shapeOnly);
}

/** The rules of a schema and of the structs below it, reached through `properties` only. */
function rulesOnly(schema: JsonSchema): JsonSchema | undefined {
  const properties: Record<string, JsonSchema> = {};
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const rules = rulesOnly(field);
    if (rules) properties[name] = rules;
  }
  const nested = Object.keys(properties).length > 0;
  if (!schema.allOf && !nested) return undefined;
  return { type: "object", ...(schema.allOf ? { allOf: schema.allOf } : {}), ...(nested ? { properties } : {}) };
}
