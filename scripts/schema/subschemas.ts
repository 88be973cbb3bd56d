import type { JsonSchema } from "./json-schema";

/**
 * Every draft-07 keyword whose value holds subschemas, by how it holds them. The one list of
 * them in the build: a pass that walks schemas maps through `mapSubschemas`, so no keyword is
 * walked by one pass and missed by another.
 */
const ONE_SCHEMA = new Set(["not", "if", "then", "else", "contains", "propertyNames", "additionalProperties", "additionalItems"]);
const SCHEMA_LIST = new Set(["allOf", "anyOf", "oneOf"]);
const SCHEMAS_BY_NAME = new Set(["properties", "patternProperties", "definitions", "dependencies"]);

/**
 * `schema` with each direct subschema replaced by `map(subschema)`, every other keyword kept
 * as it is and every key in its place (the published files and the compiled code follow key
 * order). Not recursive: a pass recurses by calling this again inside `map`.
 * Boolean schemas (`additionalProperties: false`) and a `dependencies` entry that lists
 * property names are kept: there is nothing in them to map.
 */
export function mapSubschemas(schema: JsonSchema, map: (subschema: JsonSchema) => JsonSchema): JsonSchema {
  const one = (value: unknown) => (isSchemaObject(value) ? map(value) : value);
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => {
      if (ONE_SCHEMA.has(key)) return [key, one(value)];
      // `items` is one schema for every element, or (draft-07 tuples) one per position.
      if (SCHEMA_LIST.has(key) || (key === "items" && Array.isArray(value))) return [key, (value as unknown[]).map(one)];
      if (key === "items") return [key, one(value)];
      if (SCHEMAS_BY_NAME.has(key)) {
        return [key, Object.fromEntries(Object.entries(value as object).map(([name, sub]) => [name, one(sub)]))];
      }
      return [key, value];
    }),
  );
}

function isSchemaObject(value: unknown): value is JsonSchema {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
