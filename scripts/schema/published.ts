import * as fs from "node:fs";
import * as path from "node:path";
import { SCHEMA_FILES, type SchemaFileName } from "../../src/schema-files";
import type { JsonSchema } from "./json-schema";

export const SCHEMA_DIR = path.resolve(__dirname, "../../schema");

/** The same files inside the Python package (`python/`), which pip installs with it. */
export const PYTHON_SCHEMA_DIR = path.resolve(__dirname, "../../python/burn_dragon_schema/schema");

/** Which published file each validator target checks. */
export const TARGET_FILES = SCHEMA_FILES;

export function readPublishedSchemas(): Record<SchemaFileName, JsonSchema> {
  const schemas = {} as Record<SchemaFileName, JsonSchema>;
  for (const file of Object.values(TARGET_FILES)) {
    schemas[file] = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), "utf8")) as JsonSchema;
  }
  return schemas;
}
