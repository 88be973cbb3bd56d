import type { ValidatorKind } from "../../../scripts/compile/ajv";
import { validatorModule } from "../../../scripts/compile/validator-module";
import type { JsonSchema } from "../../../scripts/schema/json-schema";
import { mapSubschemas } from "../../../scripts/schema/subschemas";
import { SCHEMA_FILES } from "../../../src/validate/targets";
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
const cases = (["verdict", "explain", "first"] as ValidatorKind[]).flatMap((kind) =>
  Object.entries(SCHEMA_FILES).map(([target, file]) => [kind, target, schemas[file]] as const),
);

test.each(cases)("the %s-%s module is the same without the metadata", (kind, _target, schema) => {
  const stripped = stripMetadata(schema);
  expect(JSON.stringify(stripped).length).toBeLessThan(JSON.stringify(schema).length);
  expect(validatorModule(kind, schema)).toBe(validatorModule(kind, stripped));
});

test("the published files carry metadata for the comparison to be about", () => {
  const text = JSON.stringify(schemas);
  for (const key of METADATA) expect(text).toContain(`"${key}"`);
});
