import { standaloneModule, type ValidatorKind } from "../../../scripts/compile/ajv";
import type { JsonSchema } from "../../../scripts/schema/json-schema";
import { mapSubschemas } from "../../../scripts/schema/subschemas";
import { SCHEMA_FILES, type Target } from "../../../src/validate/targets";
import { readPublishedSchemas } from "../../../scripts/schema/schema-files";

/**
 * Descriptions, titles and editor annotations must not change what the shipped validators
 * do or cost: each validator module, compiled the way the build compiles it, must be byte for
 * byte the module compiled from the same file stripped of that metadata.
 */
const METADATA = new Set(["title", "description", "markdownDescription", "enumDescriptions", "markdownEnumDescriptions", "x-taplo"]);

function stripMetadata(schema: JsonSchema): JsonSchema {
  const kept = Object.entries(schema).filter(([key]) => !METADATA.has(key));
  return mapSubschemas(Object.fromEntries(kept), stripMetadata);
}

const schemas = readPublishedSchemas();

/** A shipped module of one kind and target, as the build writes it from these schema files. */
function shippedModule(kind: ValidatorKind, target: Target, files: Record<string, JsonSchema>): string {
  return standaloneModule(files[SCHEMA_FILES[target]], kind);
}

const cases = (["verdict", "explain"] as ValidatorKind[]).flatMap((kind) => (Object.keys(SCHEMA_FILES) as Target[]).map((target) => [kind, target] as const));
const stripped: Record<string, JsonSchema> = Object.fromEntries(Object.entries(schemas).map(([file, schema]) => [file, stripMetadata(schema)]));

test.each(cases)("the %s-%s module is the same without the metadata", (kind, target) => {
  const file = SCHEMA_FILES[target];
  expect(JSON.stringify(stripped[file]).length).toBeLessThan(JSON.stringify(schemas[file]).length);
  expect(shippedModule(kind, target, schemas)).toBe(shippedModule(kind, target, stripped));
});

test("the published files carry metadata for the comparison to be about", () => {
  const text = JSON.stringify(schemas);
  for (const key of METADATA) expect(text).toContain(`"${key}"`);
});
