/** The validators, shapes and value builders that `npm run build` compiled from `schema/*.json`. */
import { isTable } from "../util/tables";
import type { Target } from "./targets";


/** The part of an Ajv error object this package reads. */
export interface AjvError {
  instancePath: string;
  schemaPath?: string;
  keyword: string;
  params: { type?: string; allowedValues?: unknown[] };
  message?: string;
  /** The value at `instancePath`, where the validator gives it (the generated `explain` does). */
  value?: unknown;
}

export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

export type Shape = { [field: string]: { default: unknown } | { struct: Shape } };

/**
 * Builds a struct's deserialized value (see scripts/builders.ts). A value that is no table
 * stays as it is, for `check` to reject; an object that is not a plain table, at any struct
 * position, makes the result `undefined`.
 */
export type StructBuilder = (input: unknown) => unknown;

type Loaders = Record<Target, () => { validate: CompiledValidator }>;

/*
 * These modules are written by scripts/build-validators.ts; no schema is compiled at run
 * time. Each is loaded on first use: a process that validates one target never reads the
 * others' code, and one that never asks for Rust's error alone never reads `first`.
 */
const explainModules: Loaders = {
  quant: () => require("../generated/explain-quant.js"),
  rho: () => require("../generated/explain-rho.js"),
  config: () => require("../generated/explain-config.js"),
};
/** The verdict alone, written beside each `explain` (`check` in the same module). */
const checkModules: Loaders = {
  quant: () => ({ validate: require("../generated/explain-quant.js").check }),
  rho: () => ({ validate: require("../generated/explain-rho.js").check }),
  config: () => ({ validate: require("../generated/explain-config.js").check }),
};
const firstModules: Loaders = {
  quant: () => require("../generated/first-quant.js"),
  rho: () => require("../generated/first-rho.js"),
  config: () => require("../generated/first-config.js"),
};

/**
 * Each target starts as a stand-in that loads the real validator, puts it in its own place
 * and runs it (passing its `errors` on); from then on callers read the validator itself.
 * Plain data properties throughout, so that the lookup stays fast.
 */
function onFirstUse(loaders: Loaders): Record<Target, CompiledValidator> {
  const validators = {} as Record<Target, CompiledValidator>;
  for (const target of Object.keys(loaders) as Target[]) {
    const standIn: CompiledValidator = (data) => {
      const { validate } = loaders[target]();
      validators[target] = validate;
      const valid = validate(data);
      standIn.errors = validate.errors;
      return valid;
    };
    validators[target] = standIn;
  }
  return validators;
}

export const check = onFirstUse(checkModules);
export const explain = onFirstUse(explainModules);
export const first = onFirstUse(firstModules);
export const shapes = require("../generated/shapes.json") as Record<"quant" | "rho", Shape>;
export const builders = (require("../generated/build.js") as (table: typeof isTable) => Record<"quant" | "rho", StructBuilder>)(
  isTable,
);
