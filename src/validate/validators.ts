import { readFlag } from "./arguments";
import { toIssues, type Dialect, type WrittenAs } from "./issues";
import { layouts } from "./layouts";
import { shortenLists } from "./long-lists";
import { rejected, type Deserialized, type ValidateOptions, type ValidationIssue, type ValidationResult } from "./result";
import { parentPointer, valueAt } from "../util/pointer";
import { validatorOf } from "./generated";
import type { Target } from "./targets";
import { buildValue } from "./value";
import type { BurnDragonConfig, LowBitQuantizationConfig, LowBitRhoConfig } from "../types";

/** How the package's own readers call a validator: the words and order of the syntax the value was read from. */
export interface ReadOptions {
  allErrors: boolean;
  dialect: Dialect;
  /** What the value cannot tell of how its text wrote it (see `ConfigDocument.written`). */
  written?: ReadonlyMap<string, WrittenAs>;
}

/**
 * A target's verdict on `input`, as Rust gives it: the value serde deserializes, defaults
 * filled in; Ajv's verdict on that value; for an invalid one, Ajv's every error as Rust's
 * issues (the first alone where `allErrors` is off).
 */
export function validateTarget<T>(target: Target, input: unknown, { allErrors, dialect, written }: ReadOptions): ValidationResult<T> {
  try {
    const layout = layouts[target];
    const { value, oddObjects } = buildValue(input, layout.shape, layout.kind);
    if (oddObjects.length === 0 && validatorOf("verdict", target)(value)) return { valid: true, value: value as Deserialized<T> };
    // Long lists are explained shortened: their first errors and every rule's verdict stay.
    const { view, restore } = shortenLists(value, layout.lists);
    const explain = validatorOf("explain", target);
    const errors = explain(view) ? [] : restore(explain.errors ?? []);
    const issues = toIssues(errors, value, oddObjects, { layout, dialect, input, written }).map((issue) => atWrittenPlace(issue, input));
    return rejected(allErrors ? issues : issues.slice(0, 1));
  } catch (error) {
    return { valid: false, errors: [unreadable(error)] };
  }
}

/** The issue at the place the input writes: a rule about a field it omits, at the table that lacks it. */
function atWrittenPlace(issue: ValidationIssue, input: unknown): ValidationIssue {
  if (issue.stage !== "validate" || valueAt(input, issue.path) !== undefined) return issue;
  return { ...issue, path: parentPointer(issue.path) };
}

/** Input that throws while being read (a getter, a revoked proxy) is not a config. */
function unreadable(error: unknown): ValidationIssue {
  const reason = (error instanceof Error ? error.message : String(error)).slice(0, 200);
  return { stage: "deserialize", path: "", message: `the config could not be read: ${reason}` };
}

/** A public validator's options: Rust's error alone, or every issue (the default); or the issue with the options argument. */
function publicValidation<T>(fn: string, target: Target, input: unknown, options: unknown): ValidationResult<T> {
  const allErrors = readFlag(fn, options, "allErrors");
  if (typeof allErrors === "object") return { valid: false, errors: [allErrors] };
  return validateTarget<T>(target, input, allErrors === false ? FIRST_ERROR : ALL_ERRORS);
}

/* The public validators' two ways of reading an object, made once. */
const ALL_ERRORS: ReadOptions = { allErrors: true, dialect: "json" };
const FIRST_ERROR: ReadOptions = { allErrors: false, dialect: "json" };

export function validateLowBitQuantizationConfig(value: unknown, options?: ValidateOptions): ValidationResult<LowBitQuantizationConfig> {
  return publicValidation("validateLowBitQuantizationConfig", "quant", value, options);
}

export function validateLowBitRhoConfig(value: unknown, options?: ValidateOptions): ValidationResult<LowBitRhoConfig> {
  return publicValidation("validateLowBitRhoConfig", "rho", value, options);
}

export function validateBurnDragonConfig(value: unknown, options?: ValidateOptions): ValidationResult<BurnDragonConfig> {
  return publicValidation("validateBurnDragonConfig", "config", value, options);
}
