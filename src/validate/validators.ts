import { readOptions } from "./arguments";
import { nonTableIssues, toIssues } from "./issues";
import { layouts } from "./layouts";
import { shortenLists } from "./long-lists";
import { firstIssue } from "./first-error";
import { rejected, type Deserialized, type ValidateOptions, type ValidationIssue, type ValidationResult } from "./result";
import { parentPointer, valueAt } from "../util/pointer";
import { builders, explainers, verdicts } from "./generated";
import type { Target } from "./targets";
import type { BurnDragonConfig, LowBitQuantizationConfig, LowBitRhoConfig } from "../types";

/**
 * Each public validator passes its own builder and verdict, as closures written at its call:
 * V8 inlines `run` into each, and a call site that only ever sees one target gets its builder
 * inlined too, where one `build[target](input)` shared by all three targets gets nothing.
 */
function run<T>(
  target: Target,
  input: unknown,
  allErrors: boolean | ValidationIssue,
  buildValue: (input: unknown) => unknown,
  checkValue: (value: unknown) => boolean,
): ValidationResult<T> {
  if (typeof allErrors !== "boolean") return { valid: false, errors: [allErrors] };
  try {
    // The value Rust deserializes, defaults filled in, made by the generated builder straight
    // from the input before anything is checked: the validators then read objects of one
    // hidden class each, several times faster than each input's own.
    const value = buildValue(input);
    if (value === undefined) {
      const issues = inputIssues(target, input);
      return rejected(allErrors ? issues : issues.slice(0, 1));
    }
    // Rust's error alone: the first-error validator gives the verdict too, in one run. Every
    // issue: the verdict first, from the generated check, which makes no error objects; the
    // explaining run only for an input known to be invalid.
    if (!allErrors) {
      const issue = firstIssue(target, input, value);
      return issue ? rejected([atWrittenPlace(issue, input)]) : { valid: true, value: value as Deserialized<T> };
    }
    if (checkValue(value)) return { valid: true, value: value as Deserialized<T> };
    return rejected(builtIssues(target, input, value));
  } catch (error) {
    return { valid: false, errors: [unreadable(error)] };
  }
}

/** Every issue of an input that holds an odd object where a struct belongs: only the input itself can explain it. */
export function inputIssues(target: Target, input: unknown): ValidationIssue[] {
  const { root, structs } = layouts[target];
  return [...nonTableIssues(structs, input, root), ...explainedIssues(target, input, input)];
}

/**
 * Every issue of any other input, found in its built value: the input's values at the
 * input's paths, read several times faster. Only omitted fields differ, holding their
 * defaults: a rule about one is reported at the table that lacks it, as from the input.
 */
function builtIssues(target: Target, input: unknown, value: unknown): ValidationIssue[] {
  return explainedIssues(target, value, input).map((issue) => atWrittenPlace(issue, input));
}

/** The explainer's run over `subject` (long lists shortened), as issues named and described from `input`. */
function explainedIssues(target: Target, subject: unknown, input: unknown): ValidationIssue[] {
  const { root, lists } = layouts[target];
  const { view, restore } = shortenLists(subject, lists);
  const explainer = explainers[target];
  if (explainer(view)) return [];
  return toIssues(restore(explainer.errors ?? []), input, root);
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

/** `options.allErrors`, true unless it is `false`; or the issue with the options argument. */
function allErrorsOf(fn: string, options: unknown): boolean | ValidationIssue {
  if (options === undefined) return true;
  const read = readOptions(fn, options, ["allErrors"]);
  return read.ok ? read.flags.allErrors !== false : read.issue;
}

export function validateLowBitQuantizationConfig(value: unknown, options?: ValidateOptions): ValidationResult<LowBitQuantizationConfig> {
  const allErrors = allErrorsOf("validateLowBitQuantizationConfig", options);
  return run("quant", value, allErrors, (input) => builders.quant(input), (built) => verdicts.quant(built));
}

export function validateLowBitRhoConfig(value: unknown, options?: ValidateOptions): ValidationResult<LowBitRhoConfig> {
  const allErrors = allErrorsOf("validateLowBitRhoConfig", options);
  return run("rho", value, allErrors, (input) => builders.rho(input), (built) => verdicts.rho(built));
}

export function validateBurnDragonConfig(value: unknown, options?: ValidateOptions): ValidationResult<BurnDragonConfig> {
  const allErrors = allErrorsOf("validateBurnDragonConfig", options);
  return run("config", value, allErrors, (input) => builders.config(input), (built) => verdicts.config(built));
}
