/** The published schema file of each validator target, in the package's `schema/` folder. */
export const SCHEMA_FILES = {
  quant: "low-bit-quantization-config.schema.json",
  rho: "low-bit-rho-config.schema.json",
  config: "burn-dragon-config.schema.json",
} as const;

export type SchemaFileName = (typeof SCHEMA_FILES)[keyof typeof SCHEMA_FILES];
