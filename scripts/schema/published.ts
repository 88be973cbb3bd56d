import * as fs from "node:fs";
import * as path from "node:path";
import type { SchemaFileName } from "./documents";
import type { JsonSchema } from "./json-schema";

export const SCHEMA_DIR = path.resolve(__dirname, "../../schema");

/** Which published file each validator target checks. */
export const TARGET_FILES = {
  quant: "low-bit-quantization-config.schema.json",
  rho: "low-bit-rho-config.schema.json",
  config: "burn-dragon-config.schema.json",
} as const satisfies Record<string, SchemaFileName>;

export function readPublishedSchemas(): Record<SchemaFileName, JsonSchema> {
  const schemas = {} as Record<SchemaFileName, JsonSchema>;
  for (const file of Object.values(TARGET_FILES)) {
    schemas[file] = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), "utf8")) as JsonSchema;
  }
  return schemas;
}
