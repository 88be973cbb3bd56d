import * as fs from "node:fs";
import * as path from "node:path";
import { SCHEMA_FILES, type SchemaFileName } from "../../src/validate/targets";
import { schemaDocuments } from "./documents";
import type { JsonSchema } from "./json-schema";

export const SCHEMA_DIR = path.resolve(__dirname, "../../schema");

/** The same files inside the Python package (`python/`), which pip installs with it. */
export const PYTHON_SCHEMA_DIR = path.resolve(__dirname, "../../python/burn_dragon_schema/schema");

/** The exact bytes of each published schema file. */
export function schemaFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, schema] of Object.entries(schemaDocuments())) {
    files[name] = `${JSON.stringify(schema, null, 2)}\n`;
  }
  return files;
}

/** The schema files as published in `schema/`: what the validators are compiled from. */
export function readPublishedSchemas(): Record<SchemaFileName, JsonSchema> {
  const schemas = {} as Record<SchemaFileName, JsonSchema>;
  for (const file of Object.values(SCHEMA_FILES)) {
    schemas[file] = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), "utf8")) as JsonSchema;
  }
  return schemas;
}
