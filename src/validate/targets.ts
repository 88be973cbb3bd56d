/** What each validator checks: a config struct (`quant`, `rho`) or a whole config document (`config`). */
export type Target = "quant" | "rho" | "config";

/** The published schema file of each target, in the package's `schema/` folder. */
export const SCHEMA_FILES = {
  quant: "low-bit-quantization-config.schema.json",
  rho: "low-bit-rho-config.schema.json",
  config: "burn-dragon-config.schema.json",
} as const satisfies Record<Target, string>;

/** The targets that are one Rust struct each, checked on their own. */
export type StructTarget = Exclude<Target, "config">;
export const STRUCT_TARGETS = Object.keys(SCHEMA_FILES).filter((target) => target !== "config") as StructTarget[];

/** Throws unless `found`, the structs a document holds (from `source`), are the struct targets, in order. */
export function assertStructTargets(found: readonly string[], source: string): void {
  if (found.join() !== STRUCT_TARGETS.join()) throw new Error(`the structs of ${source} (${found}) are not the struct targets of SCHEMA_FILES (${STRUCT_TARGETS})`);
}

export type SchemaFileName = (typeof SCHEMA_FILES)[Target];
