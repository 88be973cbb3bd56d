/** The validators and shapes that `npm run build` compiled from `schema/*.json`. */

export type Target = "quant" | "rho" | "config";

/** The part of an Ajv error object this package reads. */
export interface AjvError {
  instancePath: string;
  keyword: string;
  params: { type?: string; allowedValues?: unknown[] };
  message?: string;
}

export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

export type Shape = { [field: string]: { default: unknown } | { struct: Shape } };

/* These modules are written by scripts/build-validators.ts; no schema is compiled at run time. */
export const check = require("./generated/check.js") as Record<Target, CompiledValidator>;
export const explain = require("./generated/explain.js") as Record<Target, CompiledValidator>;
export const shapes = require("./generated/shapes.json") as Record<"quant" | "rho", Shape>;
