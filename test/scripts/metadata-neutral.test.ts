import standaloneCode from "ajv/dist/standalone";
import { createAjv, type ValidatorKind } from "../../scripts/ajv";
import type { JsonSchema } from "../../scripts/schema/json-schema";
import { readPublishedSchemas, TARGET_FILES } from "../../scripts/schema/published";

/**
 * Descriptions, titles and editor annotations must not change what the shipped validators
 * do or cost: the standalone code compiled from the published files must equal the code
 * compiled from the same files stripped of them, apart from the embedded schema constants.
 */
const METADATA = new Set(["title", "description", "markdownDescription", "enumDescriptions", "markdownEnumDescriptions", "x-taplo"]);
const SUBSCHEMA_MAPS = new Set(["properties", "definitions"]);

function stripMetadata(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (METADATA.has(key)) continue;
    if (SUBSCHEMA_MAPS.has(key)) {
      out[key] = Object.fromEntries(Object.entries(value as Record<string, JsonSchema>).map(([k, v]) => [k, stripMetadata(v)]));
    } else if (Array.isArray(value) && (key === "allOf" || key === "anyOf")) {
      out[key] = value.map(stripMetadata);
    } else if (value && typeof value === "object" && !Array.isArray(value) && key !== "default" && key !== "const") {
      out[key] = stripMetadata(value as JsonSchema);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function compiled(kind: ValidatorKind, transform: (schema: JsonSchema) => JsonSchema): string {
  const ajv = createAjv(kind);
  const schemas = readPublishedSchemas();
  const exports: Record<string, string> = {};
  for (const [target, file] of Object.entries(TARGET_FILES)) {
    ajv.addSchema(transform(schemas[file]));
    exports[target] = schemas[file].$id as string;
  }
  return standaloneCode(ajv, exports);
}

/** The code with each embedded schema constant (`const schemaN = {…};`) cut out. */
function withoutSchemaConstants(code: string): string {
  return code.replace(/const schema\d+ = \{.*?\};(?=const |function |exports\.|"use strict"|$)/gs, "");
}

test.each(["check", "explain"] as ValidatorKind[])("the %s validator code is the same without the metadata", (kind) => {
  const published = compiled(kind, (schema) => schema);
  const stripped = compiled(kind, stripMetadata);
  expect(published).not.toEqual(stripped);
  expect(withoutSchemaConstants(published)).toEqual(withoutSchemaConstants(stripped));
  expect(withoutSchemaConstants(published)).not.toMatch(/const schema\d+ =/);
});

test("the published files carry metadata for the comparison to be about", () => {
  const text = JSON.stringify(readPublishedSchemas());
  for (const key of METADATA) expect(text).toContain(`"${key}"`);
});
