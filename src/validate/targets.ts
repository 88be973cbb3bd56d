/** What each validator checks: a config struct (`quant`, `rho`) or a whole config document (`config`). */
export type Target = "quant" | "rho" | "config";

/** The published schema file of each target, in the package's `schema/` folder. */
export const SCHEMA_FILES = {
  quant: "low-bit-quantization-config.schema.json",
  rho: "low-bit-rho-config.schema.json",
  config: "burn-dragon-config.schema.json",
} as const satisfies Record<Target, string>;

export type SchemaFileName = (typeof SCHEMA_FILES)[Target];
