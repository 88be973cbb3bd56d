/** The validators, the document's shape and the value builders that `npm run build` wrote from `schema/*.json`. */
import * as tables from "../util/tables";
import type { Shape } from "./shape";
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

interface CompiledValidator {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

/**
 * Builds a target's deserialized value (see scripts/compile/builders.ts). A value that is no
 * table stays as it is, for the check to reject; an object that is not a plain table, at any
 * struct or table position, makes the result `undefined`.
 */
type ValueBuilder = (input: unknown) => unknown;

/** A module the build writes for each target: its explainer (`validate`) and its verdict. */
interface ExplainModule {
  validate: CompiledValidator;
  verdict: CompiledValidator;
}

/** The first-error validator of a target, and the Rust message of each rule by where it stands in its schema. */
interface FirstErrorModule {
  validate: CompiledValidator;
  ruleMessages: Record<string, string>;
}

/*
 * These modules are written by scripts/build-validators.ts; no schema is compiled at run
 * time. Each is loaded on first use: a process that validates one target never reads the
 * others' code, and one that never asks for Rust's error alone never reads `first-*`.
 */
const explainModules: Record<Target, () => ExplainModule> = {
  quant: () => require("../generated/explain-quant.js"),
  rho: () => require("../generated/explain-rho.js"),
  config: () => require("../generated/explain-config.js"),
};
const firstErrorModules: Record<Target, () => FirstErrorModule> = {
  quant: () => require("../generated/first-quant.js"),
  rho: () => require("../generated/first-rho.js"),
  config: () => require("../generated/first-config.js"),
};

/**
 * Each target starts as a stand-in that loads the real validator, puts it in its own place
 * and runs it (passing its `errors` on); from then on callers read the validator itself.
 * Plain data properties throughout, so that the lookup stays fast.
 */
function onFirstUse<M>(modules: Record<Target, () => M>, pick: (module: M) => CompiledValidator): Record<Target, CompiledValidator> {
  const validators = {} as Record<Target, CompiledValidator>;
  for (const target of Object.keys(modules) as Target[]) {
    const standIn: CompiledValidator = (data) => {
      const validate = pick(modules[target]());
      validators[target] = validate;
      const valid = validate(data);
      standIn.errors = validate.errors;
      return valid;
    };
    validators[target] = standIn;
  }
  return validators;
}

/** The verdict alone: no error objects are made. */
export const verdicts = onFirstUse(explainModules, (module) => module.verdict);
/** Every failure, as Ajv with ajv-errors would report it: run on invalid input only. */
export const explainers = onFirstUse(explainModules, (module) => module.validate);
/** Stops at the failure Rust reports (the schema reordered so): for Rust's error alone. */
export const firstErrors = onFirstUse(firstErrorModules, (module) => module.validate);

/** The Rust message of each rule of a target's first-error schema, keyed by the rule's `allOf` entry. */
export function ruleMessages(target: Target): Record<string, string> {
  return firstErrorModules[target]().ruleMessages;
}

/** The document's tables and structs, each field with its default. */
export const documentShape = require("../generated/document-shape.json") as Shape;
export const builders = (require("../generated/build.js") as (runtime: typeof tables) => Record<Target, ValueBuilder>)(tables);
